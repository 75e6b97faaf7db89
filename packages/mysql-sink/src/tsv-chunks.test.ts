import { arrowSchema, CATALOGUE, tableByName } from '@lm-synth/dims';
import {
  DateDay,
  Decimal,
  Field,
  Float64,
  makeData,
  RecordBatch,
  Schema,
  Struct,
  TimestampMicrosecond,
  type Utf8,
  vectorFromArray,
} from 'apache-arrow';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { testDataset } from './test-dataset.js';
import { expectedLines } from './test-expected-rows.js';
import { tsvChunks } from './tsv-chunks.js';

/** Reads LOAD DATA's native text back, as the server does (independent of the encoder). */
function parseTsv(text: string): (string | null)[][] {
  const rows: (string | null)[][] = [];
  let field = '';
  let row: (string | null)[] = [];
  let isNull = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\\') {
      const next = text[++i]!;
      if (next === 'N') isNull = true;
      else field += { '0': '\0', t: '\t', n: '\n', r: '\r', '\\': '\\' }[next] ?? next;
    } else if (ch === '\t' || ch === '\n') {
      row.push(isNull ? null : field);
      field = '';
      isNull = false;
      if (ch === '\n') {
        rows.push(row);
        row = [];
      }
    } else field += ch;
  }
  return rows;
}

function encode(
  table: ReturnType<typeof tableByName>,
  batches: Iterable<RecordBatch>,
  chunkBytes = 4096,
) {
  const chunks: Buffer[] = [];
  for (const batch of batches) chunks.push(...tsvChunks(table, batch, { chunkBytes, firstRow: 0 }));
  return chunks;
}

function singleColumn(
  name: string,
  type: Float64 | TimestampMicrosecond | DateDay,
  values: unknown[],
) {
  const schema = new Schema([new Field(name, type, true)]);
  const data = vectorFromArray(values, type as never).data[0]!;
  return new RecordBatch(
    schema,
    makeData({ type: new Struct(schema.fields), length: values.length, children: [data] }),
  );
}

describe('tsvChunks', () => {
  const dataset = testDataset({ patients: 300, batchRows: 97 });

  it('writes every catalogue table so that reading it back gives the Arrow values', () => {
    for (const table of CATALOGUE) {
      const batches = dataset.tables.get(table.name)!;
      const text = Buffer.concat(encode(table, batches)).toString('utf8');
      const parsed = parseTsv(text)
        .map((row) => JSON.stringify(row))
        .sort();
      expect(parsed, table.name).toEqual(expectedLines(table, batches));
    }
  });

  it('produces the same bytes whatever the chunk size, with chunks near the target', () => {
    const table = tableByName('ed_encounters');
    const batches = dataset.tables.get(table.name)!;
    const reference = Buffer.concat(encode(table, batches, 1 << 20));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), (chunkBytes) => {
        const chunks = encode(table, batches, chunkBytes);
        expect(Buffer.concat(chunks).equals(reference)).toBe(true);
        // A chunk ends after the row that crosses the target; rows here are under 200 bytes.
        for (const chunk of chunks) expect(chunk.length).toBeLessThan(chunkBytes + 200);
      }),
      { numRuns: 30 },
    );
  });

  it('escapes any text so that it reads back unchanged', () => {
    const table = tableByName('dim_scenario');
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'binary' }), { minLength: 1, maxLength: 20 }),
        (texts) => {
          const length = texts.length;
          const schema = arrowSchema(table);
          const children = schema.fields.map(
            (field) => vectorFromArray(texts, field.type as Utf8).data[0]!,
          );
          const batch = new RecordBatch(
            schema,
            makeData({ type: new Struct(schema.fields), length, children }),
          );
          const parsed = parseTsv(Buffer.concat(encode(table, [batch])).toString('utf8'));
          expect(parsed.map((row) => row[2])).toEqual(texts);
        },
      ),
    );
  });

  it('refuses values MySQL would silently change', () => {
    const decimal = tableByName('patients').columns.find((c) => c.name === 'expected_ed_rate')!;
    const arrival = tableByName('ed_encounters').columns.find((c) => c.name === 'arrival_ts')!;
    const dob = tableByName('patients').columns.find((c) => c.name === 'dob')!;
    const table = (column: typeof decimal) => ({ ...tableByName('patients'), columns: [column] });
    expect(() =>
      encode(table(decimal), [singleColumn(decimal.name, new Float64(), [1.23456])]),
    ).toThrow(/expected_ed_rate row 1: 1\.23456 has more than 4 decimal places/);
    expect(() =>
      encode(table(decimal), [singleColumn(decimal.name, new Float64(), [Number.NaN])]),
    ).toThrow(/is not a number/);
    expect(() =>
      encode(table(arrival), [
        singleColumn(arrival.name, new TimestampMicrosecond('UTC'), [1_700_000_000_500]),
      ]),
    ).toThrow(/arrival_ts row 1: timestamp 1700000000500000 is not a whole second/);
    expect(() =>
      encode(table(dob), [singleColumn(dob.name, new DateDay(), [Date.UTC(900, 0, 1)])]),
    ).toThrow(/year 900 is outside/);
  });

  it('writes 128-bit decimals (as Parquet holds them) exactly, negative and beyond 2^53 too', () => {
    const rate = tableByName('ed_baseline_rates').columns.find(
      (c) => c.name === 'baserate_per_1000',
    )!;
    const units = [12_345n, -5n, 0n, 2n ** 60n + 7n, -(2n ** 70n)];
    const words = new Uint32Array(units.length * 4);
    units.forEach((value, i) => {
      const twos = BigInt.asUintN(128, value);
      for (let k = 0; k < 4; k++) words[4 * i + k] = Number((twos >> BigInt(32 * k)) & 0xffffffffn);
    });
    const type = new Decimal(2, 38, 128);
    const schema = new Schema([new Field(rate.name, type, false)]);
    const data = makeData({ type, length: units.length, data: words } as never);
    const batch = new RecordBatch(
      schema,
      makeData({ type: new Struct(schema.fields), length: units.length, children: [data] }),
    );
    const table = { ...tableByName('ed_baseline_rates'), columns: [rate] };
    expect(Buffer.concat(encode(table, [batch])).toString()).toBe(
      ['123.45', '-0.05', '0.00', '11529215046068469.83', '-11805916207174113034.24', ''].join(
        '\n',
      ),
    );
  });

  it('names a column the batch lacks', () => {
    const batch = singleColumn('x', new Float64(), [1]);
    expect(() => encode(tableByName('dim_site'), [batch])).toThrow(
      /dim_site has no column site_id/,
    );
  });
});
