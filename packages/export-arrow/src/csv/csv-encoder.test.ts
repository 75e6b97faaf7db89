import {
  arrowSchema,
  type ColumnDefinition,
  type LogicalType,
  type TableDefinition,
} from '@lm-synth/dims';
import { Int64, makeData, RecordBatch, Struct } from 'apache-arrow';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columnData, type FixtureValue } from '../testing/column-data.js';
import { CsvEncoder } from './csv-encoder.js';

function table(types: Record<string, LogicalType>): TableDefinition {
  const columns: ColumnDefinition[] = Object.entries(types).map(([name, type]) => ({
    name,
    type,
    nullable: true,
    description: name,
  }));
  return {
    name: 'test_table',
    role: 'fact',
    description: 'test',
    columns,
    primaryKey: [],
    uniqueKeys: [],
    foreignKeys: [],
    indexes: [],
  };
}

function encode(definition: TableDefinition, rows: FixtureValue[][]): string {
  const schema = arrowSchema(definition);
  const children = definition.columns.map((column, c) =>
    columnData(
      column,
      schema.fields[c]!,
      rows.map((row) => row[c]!),
    ),
  );
  const batch = new RecordBatch(
    schema,
    makeData({ type: new Struct(schema.fields), length: rows.length, children }),
  );
  const encoder = new CsvEncoder(definition);
  return Buffer.concat([encoder.header(), ...encoder.encode(batch)]).toString('utf8');
}

/** RFC 4180 parsing with the lm-synth null convention, to check that encoding round-trips. */
function parseCsv(text: string): (string | null)[][] {
  const rows: (string | null)[][] = [];
  let row: (string | null)[] = [];
  let i = 0;
  while (i < text.length) {
    let value: string | null;
    if (text[i] === '"') {
      let end = i + 1;
      value = '';
      for (;;) {
        const quote = text.indexOf('"', end);
        value += text.slice(end, quote);
        if (text[quote + 1] === '"') {
          value += '"';
          end = quote + 2;
        } else {
          i = quote + 1;
          break;
        }
      }
    } else {
      let end = i;
      while (end < text.length && text[end] !== ',' && text[end] !== '\n') end++;
      value = end === i ? null : text.slice(i, end);
      i = end;
    }
    row.push(value);
    if (text[i] === '\n') {
      rows.push(row);
      row = [];
    }
    i++;
  }
  return rows;
}

describe('CsvEncoder', () => {
  it('writes every logical type by the convention', () => {
    const definition = table({
      small: { kind: 'int8' },
      int: { kind: 'int32' },
      amount: { kind: 'decimal', precision: 8, scale: 2 },
      whole: { kind: 'decimal', precision: 4, scale: 0 },
      ratio: { kind: 'float64' },
      flag: { kind: 'boolean' },
      day: { kind: 'date' },
      at: { kind: 'timestamp' },
      text: { kind: 'string', maxLength: 20 },
      choice: { kind: 'enum', values: ['a', 'b, c', ''], maxLength: 4 },
    });
    const micros = (iso: string) => Date.parse(iso) * 1000;
    const csv = encode(definition, [
      [-128, -2147483648, -1.5, 7, 0.1, true, -1, micros('1969-12-31T23:59:59Z'), '', 'a'],
      [
        127,
        2147483647,
        1234.5,
        -7,
        1e21,
        false,
        0,
        micros('2025-03-01T00:00:00Z') + 1,
        'x\r\ny',
        'b, c',
      ],
      [0, 0, -0.001, 0, -0, null, 20_148, micros('2025-03-01T12:34:56Z') - 1, 'Sẹ́lwyn "Café"', ''],
      [null, null, null, null, null, null, null, null, null, null],
    ]);
    expect(csv).toBe(
      'small,int,amount,whole,ratio,flag,day,at,text,choice\n' +
        '-128,-2147483648,-1.50,7,0.1,1,1969-12-31,1969-12-31T23:59:59Z,"",a\n' +
        '127,2147483647,1234.50,-7,1e+21,0,1970-01-01,2025-03-01T00:00:00.000001Z,"x\r\ny","b, c"\n' +
        '0,0,0.00,0,0,,2025-03-01,2025-03-01T12:34:55.999999Z,"Sẹ́lwyn ""Café""",""\n' +
        ',,,,,,,,,\n',
    );
  });

  it('writes 64-bit integers exactly, beyond 2^53 too', () => {
    const definition = table({ id: { kind: 'int64' } });
    const schema = arrowSchema(definition);
    const values = BigInt64Array.of(9_007_199_254_740_993n, -9_223_372_036_854_775_808n, 42n, -1n);
    const batch = new RecordBatch(
      schema,
      makeData({
        type: new Struct(schema.fields),
        length: 4,
        children: [makeData({ type: new Int64(), length: 4, data: values })],
      }),
    );
    const encoder = new CsvEncoder(definition);
    expect(Buffer.concat(encoder.encode(batch)).toString()).toBe(
      '9007199254740993\n-9223372036854775808\n42\n-1\n',
    );
  });

  it('round-trips any text through RFC 4180, telling NULL from the empty string', () => {
    const definition = table({
      a: { kind: 'string', maxLength: 100 },
      b: { kind: 'string', maxLength: 100 },
    });
    const text = fc.option(
      fc.string({ unit: fc.constantFrom('a', ',', '"', '\r', '\n', 'é', '😀', ' ') }),
      { nil: null },
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(text, text), { maxLength: 20 }), (rows) => {
        const parsed = parseCsv(encode(definition, rows));
        expect(parsed).toEqual([['a', 'b'], ...rows]);
      }),
    );
  });

  it('quotes the word NULL, which MySQL would otherwise load as SQL NULL', () => {
    const definition = table({ text: { kind: 'string', maxLength: 10 } });
    const rows = [['NULL'], ['null'], ['Null'], [null], ['NULLS'], ['NUL']];
    expect(encode(definition, rows)).toBe('text\n"NULL"\n"null"\n"Null"\n\nNULLS\nNUL\n');
    expect(parseCsv(encode(definition, rows))).toEqual([['text'], ...rows]);
  });

  it('fills chunks of about a megabyte for large batches', () => {
    const definition = table({ text: { kind: 'string', maxLength: 100 } });
    const rows = Array.from({ length: 40_000 }, (_, i) => [`row ${i} `.repeat(10)]);
    const schema = arrowSchema(definition);
    const batch = new RecordBatch(
      schema,
      makeData({
        type: new Struct(schema.fields),
        length: rows.length,
        children: [
          columnData(
            definition.columns[0]!,
            schema.fields[0]!,
            rows.map((row) => row[0]!),
          ),
        ],
      }),
    );
    const chunks = new CsvEncoder(definition).encode(batch);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.slice(0, -1).every((chunk) => chunk.length > 1_000_000)).toBe(true);
    expect(Buffer.concat(chunks).toString().split('\n')[39_999]).toBe(rows[39_999]![0]);
  });
});
