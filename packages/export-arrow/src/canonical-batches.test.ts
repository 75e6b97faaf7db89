import { arrowSchema, tableByName } from '@lm-synth/dims';
import {
  Int32,
  makeData,
  RecordBatch,
  RecordBatchStreamWriter,
  Schema,
  Struct,
  vectorFromArray,
} from 'apache-arrow';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalBatches } from './canonical-batches.js';
import { fixtureDataset } from './testing/fixture-dataset.js';

interface Snapshot {
  readonly numRows: number;
  readonly ipc: Uint8Array;
  readonly rows: unknown[];
}

/** Canonical batches share buffers, so each is snapshotted before the next is taken. */
async function collect(iterable: AsyncIterable<RecordBatch>): Promise<Snapshot[]> {
  const out: Snapshot[] = [];
  for await (const batch of iterable) {
    out.push({
      numRows: batch.numRows,
      ipc: RecordBatchStreamWriter.writeAll([batch]).toUint8Array(true).slice(),
      rows: rowsOf([batch]),
    });
  }
  return out;
}

function rowsOf(batches: readonly RecordBatch[]): unknown[] {
  return batches.flatMap((batch) => batch.toArray().map((row) => row.toJSON()));
}

describe('canonicalBatches', () => {
  it('cuts every fixture table by row count alone, whatever the incoming batch sizes', async () => {
    const small = fixtureDataset({ batchRows: 7 });
    const large = fixtureDataset({ batchRows: 5_000 });
    for (const [i, { table, batches }] of small.entries()) {
      const a = await collect(canonicalBatches(table, batches, 64));
      const b = await collect(canonicalBatches(table, large[i]!.batches, 64));
      expect(a.slice(0, -1).every((batch) => batch.numRows === 64)).toBe(true);
      expect(a.map((batch) => batch.ipc)).toEqual(b.map((batch) => batch.ipc));
      expect(a.flatMap((batch) => batch.rows)).toEqual(rowsOf([...large[i]!.batches]));
    }
  });

  it('keeps the rows of any split of a batch, nulls included', async () => {
    const { table, batches } = fixtureDataset({ patients: 120, batchRows: 10_000 }).find(
      (entry) => entry.table.name === 'ip_stays',
    )!;
    const [whole] = [...batches];
    const expected = (await collect(canonicalBatches(table, [whole!], 16))).map((b) => b.ipc);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: whole!.numRows }), { maxLength: 6 }),
        async (cuts) => {
          const bounds = [0, ...cuts.sort((x, y) => x - y), whole!.numRows];
          const pieces = bounds.slice(1).map((end, i) => whole!.slice(bounds[i]!, end));
          const batches = await collect(canonicalBatches(table, pieces, 16));
          expect(batches.map((batch) => batch.ipc)).toEqual(expected);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('re-encodes enum codes over the catalogue domain whatever dictionary they arrive with', async () => {
    const table = tableByName('dim_gender');
    const schema = arrowSchema(table);
    const genders = ['Other', 'Female', 'Other', 'Male'];
    // vectorFromArray builds its dictionary in first-seen order: Other, Female, Male.
    const gender = vectorFromArray(genders, schema.fields[0]!.type).data[0]!;
    const sortOrder = vectorFromArray([3, 1, 3, 2], new Int32()).data[0]!;
    const batch = new RecordBatch(
      schema,
      makeData({ type: new Struct(schema.fields), length: 4, children: [gender, sortOrder] }),
    );
    expect([...batch.getChildAt(0)!.data[0]!.values.subarray(0, 4)]).toEqual([0, 1, 0, 2]);
    const { value: out } = await canonicalBatches(table, [batch]).next();
    expect([...out!.getChildAt(0)!.data[0]!.values]).toEqual([2, 0, 2, 1]);
    expect(out!.getChildAt(0)!.toArray()).toEqual(genders);
  });

  it('refuses batches whose schema is not the catalogue schema', async () => {
    const table = tableByName('dim_gender');
    const wrong = new Schema([arrowSchema(table).fields[0]!]);
    const batch = new RecordBatch(
      wrong,
      makeData({
        type: new Struct(wrong.fields),
        length: 1,
        children: [vectorFromArray(['Male'], wrong.fields[0]!.type).data[0]!],
      }),
    );
    await expect(collect(canonicalBatches(table, [batch]))).rejects.toThrow(
      /do not carry arrowSchema\(dim_gender\)/,
    );
  });

  it('refuses nulls in a column the catalogue declares not nullable', async () => {
    const table = tableByName('dim_program');
    const schema = arrowSchema(table);
    const batch = new RecordBatch(
      schema,
      makeData({
        type: new Struct(schema.fields),
        length: 2,
        children: [
          vectorFromArray([1, null], new Int32()).data[0]!,
          vectorFromArray(['Medicine', 'Renal'], schema.fields[1]!.type).data[0]!,
        ],
      }),
    );
    await expect(collect(canonicalBatches(table, [batch]))).rejects.toThrow(
      /dim_program.program_id is not nullable/,
    );
  });
});
