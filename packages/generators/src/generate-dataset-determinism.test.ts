import { defaultScenario } from '@lm-synth/config';
import { Table, tableToIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
// Worker threads run the compiled worker script, so the multi-threaded run uses the build
// (turbo runs `build` before `test`); both runs compared come from it.
import {
  generateDataset as builtGenerateDataset,
  generateInMemory as builtGenerateInMemory,
} from '../dist/index.js';
import type { BlockColumns } from './block-result.js';
import { civilDate } from './civil-date.js';
import { generateBlock } from './generate-block.js';
import { generateInMemory } from './generate-in-memory.js';
import { GeneratorContext } from './generator-context.js';
import { generatorSettings } from './generator-settings.js';
import { planDataset } from './plan-dataset.js';
import { column } from './test-column.js';

const scenario = defaultScenario();
// Three logical blocks (4,096 patients each) and two encounter years.
const OPTIONS = { patients: 9_000, encounterYears: 2 } as const;

/** Every column of every table as plain values, for deep comparison. */
function rows(dataset: Record<string, Table>): Record<string, Record<string, unknown[]>> {
  const out: Record<string, Record<string, unknown[]>> = {};
  for (const [name, table] of Object.entries(dataset)) {
    out[name] = {};
    for (const field of table.schema.fields) {
      const kind = String(field.type);
      out[name][field.name] =
        kind.startsWith('Dictionary') || kind === 'Utf8' || kind === 'Bool'
          ? column.labels(table, field.name)
          : Array.from(column.numbers(table, field.name));
    }
  }
  return out;
}

describe('generateDataset determinism', () => {
  it('gives the same rows for any batch size', async () => {
    const small = await generateInMemory(scenario, { ...OPTIONS, workers: 0, batchSize: 1_000 });
    const large = await generateInMemory(scenario, { ...OPTIONS, workers: 0, batchSize: 65_536 });
    expect(small.ed_encounters!.batches.length).toBeGreaterThan(1);
    expect(rows(small)).toEqual(rows(large));
  });

  it('gives the same rows in worker threads as in the calling thread', async () => {
    // Two threads need 16 blocks of 4,096 patients; compare Arrow IPC bytes, table by table.
    const options = { patients: 66_000, encounterYears: 2 };
    expect(planDataset(scenario, { ...options, workers: 2 }).threads).toBe(2);
    const inThread = await builtGenerateInMemory(scenario, { ...options, workers: 0 });
    const threaded = await builtGenerateInMemory(scenario, { ...options, workers: 2 });
    expect(Object.keys(threaded)).toEqual(Object.keys(inThread));
    for (const [name, table] of Object.entries(inThread)) {
      const same = Buffer.from(tableToIPC(threaded[name]!)).equals(Buffer.from(tableToIPC(table)));
      expect(same, name).toBe(true);
    }
    expect(inThread.ed_encounters!.numRows).toBeGreaterThan(40_000);
  });

  it('gives the same rows in worker threads when a table is skipped unread', async () => {
    // The workers start on the patients pass at once; skipping it must not shift the ED rows.
    const options = { patients: 66_000, encounterYears: 2 };
    const inThread = await builtGenerateInMemory(scenario, { ...options, workers: 0 });
    let ed: Buffer | undefined;
    for await (const { table, batches } of builtGenerateDataset(scenario, {
      ...options,
      workers: 2,
    })) {
      if (table.name !== 'ed_encounters') continue;
      const collected = [];
      for await (const batch of batches) collected.push(batch);
      ed = Buffer.from(tableToIPC(new Table(collected)));
    }
    expect(ed!.equals(Buffer.from(tableToIPC(inThread.ed_encounters!)))).toBe(true);
  });

  it('computes a block the same way whatever was computed before it', () => {
    const plan = planDataset(scenario, { ...OPTIONS, workers: 0 });
    const settings = generatorSettings(plan);
    const needs = { patients: true, ed: true, ip: true };
    const copy = (columns: BlockColumns | undefined) =>
      Object.fromEntries(
        Object.entries(columns ?? {}).map(([name, values]) => [name, Array.from(values as never)]),
      );
    const inOrder = new GeneratorContext(settings);
    for (let block = 0; block < 2; block++) generateBlock(inOrder, block, needs);
    const afterOthers = generateBlock(inOrder, 2, needs);
    const alone = generateBlock(new GeneratorContext(settings), 2, needs);
    for (const table of ['patients', 'ed', 'ip'] as const) {
      expect(copy(alone[table])).toEqual(copy(afterOthers[table]));
    }
  });

  it('keeps patients and stays when ED encounters are left out, with null ED links', async () => {
    const withEd = await generateInMemory(scenario, { ...OPTIONS, workers: 0 });
    const withoutEd = await generateInMemory(scenario, { ...OPTIONS, workers: 0, withEd: false });
    expect(withoutEd.ed_encounters).toBeUndefined();
    const all = rows(withEd);
    const some = rows(withoutEd);
    expect(some.patients).toEqual(all.patients);
    const { ed_encounter_id: links, ...stays } = some.ip_stays!;
    const { ed_encounter_id: _, ...expected } = all.ip_stays!;
    expect(stays).toEqual(expected);
    expect(links!.every((link) => Number.isNaN(link))).toBe(true);
    expect(some.ip_stays!.admission_source).toContain('ED');
  });

  it('keeps the first year when more encounter years follow: its patients, visits and stays', async () => {
    const one = await generateInMemory(scenario, {
      patients: 3_000,
      workers: 0,
      encounterYears: 1,
    });
    const three = await generateInMemory(scenario, {
      patients: 3_000,
      workers: 0,
      encounterYears: 3,
    });
    // Later years add entrants after the first year's and exits after it, nothing before.
    const firstYear = (tables: Record<string, Table>) => {
      const patients = tables.patients!;
      const ids = column.labels(patients, 'patient_id');
      const entry = column.numbers(patients, 'entry_date');
      const ed = tables.ed_encounters!;
      const arrival = column.numbers(ed, 'arrival_ts');
      // A cutoff safely inside the first year in any time zone.
      const end = civilDate.fromParts(scenario.startYear + 1, 1, 1) * 86_400 - 14 * 3_600;
      return {
        patients: ids.filter((_, i) => entry[i]! < end / 86_400),
        visits: column
          .labels(ed, 'patient_id')
          .map((id, e) => `${id}@${arrival[e]}`)
          .filter((_, e) => arrival[e]! < end),
      };
    };
    expect(firstYear(three)).toEqual(firstYear(one));
    expect(three.ed_encounters!.numRows).toBeGreaterThan(2 * one.ed_encounters!.numRows);
  });

  it('changes with the seed', async () => {
    const a = await generateInMemory(scenario, { patients: 200, workers: 0, seed: 1 });
    const b = await generateInMemory(scenario, { patients: 200, workers: 0, seed: 2 });
    expect(column.labels(a.patients!, 'patient_id')).not.toEqual(
      column.labels(b.patients!, 'patient_id'),
    );
  });
});
