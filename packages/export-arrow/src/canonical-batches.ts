import type { TableDefinition } from '@lm-synth/dims';
import {
  type DataType,
  Dictionary,
  makeData,
  RecordBatch,
  type Schema,
  Struct,
  Utf8,
} from 'apache-arrow';
import { CANONICAL_BATCH_ROWS } from './canonical-batch-rows.js';
import { canonicalSchema } from './canonical-schema.js';
import { createColumnAccumulator } from './column-accumulator.js';

/**
 * Re-cuts a table's incoming record batches into batches of exactly
 * `rowsPerBatch` rows (the last may be shorter) with the catalogue schema and
 * the catalogue's enum dictionaries. Writers consume only these, which is what
 * makes their bytes independent of how the producer chunked its rows.
 *
 * The batches share their buffers: a batch is valid until the next one is
 * requested, so consume (write or copy) each before moving on.
 */
export async function* canonicalBatches(
  table: TableDefinition,
  batches: AsyncIterable<RecordBatch> | Iterable<RecordBatch>,
  rowsPerBatch: number = CANONICAL_BATCH_ROWS,
): AsyncGenerator<RecordBatch> {
  const schema = canonicalSchema(table);
  const columns = table.columns.map((column, i) =>
    createColumnAccumulator(table.name, column, schema.fields[i]!, rowsPerBatch),
  );
  let held = 0;
  for await (const batch of batches) {
    checkSchema(table, schema, batch.schema);
    const children = batch.data.children;
    let from = 0;
    while (from < batch.numRows) {
      const count = Math.min(rowsPerBatch - held, batch.numRows - from);
      for (let c = 0; c < columns.length; c++) columns[c]!.append(children[c]!, from, count);
      held += count;
      from += count;
      if (held === rowsPerBatch) {
        yield finishBatch(schema, columns, held);
        held = 0;
      }
    }
  }
  if (held > 0) yield finishBatch(schema, columns, held);
}

function finishBatch(
  schema: Schema,
  columns: readonly { finish(): ReturnType<typeof makeData> }[],
  length: number,
): RecordBatch {
  const children = columns.map((column) => column.finish());
  return new RecordBatch(
    schema,
    makeData({ type: new Struct(schema.fields), length, nullCount: 0, children }),
  );
}

function checkSchema(table: TableDefinition, expected: Schema, actual: Schema): void {
  const mismatch = (detail: string) =>
    new Error(`Batches for ${table.name} do not carry arrowSchema(${table.name}): ${detail}`);
  if (actual.fields.length !== expected.fields.length) {
    throw mismatch(`${actual.fields.length} columns, expected ${expected.fields.length}`);
  }
  expected.fields.forEach((field, i) => {
    const got = actual.fields[i]!;
    if (got.name !== field.name || !sameType(got.type, field.type)) {
      throw mismatch(
        `column ${i} is ${got.name}: ${got.type}, expected ${field.name}: ${field.type}`,
      );
    }
  });
}

/** Dictionary index widths may differ: codes are remapped to the catalogue's anyway. */
function sameType(actual: DataType, expected: DataType): boolean {
  if (expected instanceof Dictionary) {
    return actual instanceof Dictionary && actual.dictionary instanceof Utf8;
  }
  return String(actual) === String(expected);
}
