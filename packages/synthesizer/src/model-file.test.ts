import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { modelHash, parseModel, serializeModel } from './model-file.js';
import { sampleModel } from './sample-model.js';
import { synthesizerModelSchema } from './synthesizer-model.js';
import { useTrainingModel } from './test-training-model.js';

const training = useTrainingModel(1_200);

/** Every number and string in a JSON value, recursively. */
function leaves(value: unknown, out: { numbers: number[]; strings: string[]; arrays: number[] }) {
  if (typeof value === 'number') out.numbers.push(value);
  else if (typeof value === 'string') out.strings.push(value);
  else if (Array.isArray(value)) {
    out.arrays.push(value.length);
    for (const item of value) leaves(item, out);
  } else if (value && typeof value === 'object')
    for (const item of Object.values(value)) leaves(item, out);
  return out;
}

describe('the model file', () => {
  it('round-trips: parsing what was written gives the same model, which samples the same rows', () => {
    const model = training.model();
    const text = serializeModel(model);
    const parsed = parseModel(text);
    expect(parsed).toEqual(model);
    expect(serializeModel(parsed)).toBe(text);
    expect(modelHash(text)).toMatch(/^sha256:[0-9a-f]{64}$/);
    const rows = (m: typeof model) =>
      sampleModel(m, { patients: 300, seed: 2 })
        .filter((table) => table.table.name === 'patients')
        .flatMap((table) =>
          [...(table.batches as Iterable<import('apache-arrow').RecordBatch>)].map((batch) =>
            batch
              .toArray()
              .map((row) =>
                JSON.stringify(row.toJSON(), (_, v) => (typeof v === 'bigint' ? Number(v) : v)),
              ),
          ),
        );
    expect(rows(parsed)).toEqual(rows(model));
    expect(synthesizerModelSchema.safeParse(JSON.parse(text)).success).toBe(true);
  });

  it('holds no training record: no patient id, no per-record list, nothing record-sized outside the reference tables', async () => {
    const model = training.model();
    const { reference, ...fitted } = model;
    const found = leaves(fitted, { numbers: [], strings: [], arrays: [] });
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const ids = (
      await connection.runAndReadAll(
        `SELECT patient_id FROM '${join(training.dir(), 'patients.parquet')}'`,
      )
    )
      .getColumnsJS()[0]!
      .map(String);
    connection.closeSync();
    instance.closeSync();
    const strings = new Set(found.strings);
    expect(ids.some((id) => strings.has(id))).toBe(false);
    // No list in the fitted part is as long as a fact table: columns of records cannot be there.
    const smallestFact = Math.min(
      ...Object.entries(model.training.tables)
        .filter(([name]) => ['patients', 'ed_encounters', 'ip_stays'].includes(name))
        .map(([, rows]) => rows),
    );
    expect(Math.max(...found.arrays)).toBeLessThan(smallestFact);
    // The reference tables are the scenario's dimensions and aggregates, none of them a patient table.
    expect(reference.map((table) => table.name)).not.toContain('patients');
    expect(JSON.stringify(reference)).not.toContain(ids[0]!);
  });

  it('refuses a damaged, foreign or future model in one line', () => {
    const text = serializeModel(training.model());
    expect(() => parseModel('{', 'm.json')).toThrow(/^m\.json is not JSON/);
    expect(() => parseModel('{"format":"x"}', 'm.json')).toThrow(
      'm.json is not an lm-synth model file',
    );
    const future = text.replace('"version":1', '"version":2');
    expect(() => parseModel(future, 'm.json')).toThrow(
      'm.json is a version 2 model; this lm-synth reads version 1',
    );
    const broken = JSON.parse(text);
    broken.tables[0].correlation.pop();
    expect(() => parseModel(JSON.stringify(broken), 'm.json')).toThrow(/correlation is not/);
  });
});
