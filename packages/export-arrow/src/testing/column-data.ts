import type { ColumnDefinition } from '@lm-synth/dims';
import {
  type Data,
  type Dictionary,
  type Field,
  makeData,
  Utf8,
  vectorFromArray,
} from 'apache-arrow';

/** A plain value as fixtures write it: dates are days and timestamps microseconds since the epoch. */
export type FixtureValue = number | string | boolean | null;

/** Arrow data for one column from plain values (fixture code: clarity over speed). */
export function columnData(
  column: ColumnDefinition,
  field: Field,
  values: readonly FixtureValue[],
): Data {
  const length = values.length;
  const nullBitmap = new Uint8Array((length + 7) >> 3);
  let nullCount = 0;
  values.forEach((value, i) => {
    if (value === null) nullCount++;
    else nullBitmap[i >> 3] = nullBitmap[i >> 3]! | (1 << (i & 7));
  });
  const common = { type: field.type, length, nullCount, nullBitmap } as const;
  const numbers = () => values.map((value) => (value === null ? 0 : Number(value)));
  const type = column.type;
  switch (type.kind) {
    case 'int8':
      return makeData({ ...common, data: Int8Array.from(numbers()) } as never);
    case 'int16':
      return makeData({ ...common, data: Int16Array.from(numbers()) } as never);
    case 'int32':
    case 'date':
      return makeData({ ...common, data: Int32Array.from(numbers()) } as never);
    case 'int64':
    case 'timestamp':
      return makeData({
        ...common,
        data: BigInt64Array.from(numbers(), (n) => BigInt(n)),
      } as never);
    case 'float64':
    case 'decimal':
      return makeData({ ...common, data: Float64Array.from(numbers()) } as never);
    case 'boolean': {
      const bits = new Uint8Array((length + 7) >> 3);
      values.forEach((value, i) => {
        if (value === true) bits[i >> 3] = bits[i >> 3]! | (1 << (i & 7));
      });
      return makeData({ ...common, data: bits } as never);
    }
    case 'string': {
      const encoder = new TextEncoder();
      const encoded = values.map((value) => encoder.encode(value === null ? '' : String(value)));
      const valueOffsets = new Int32Array(length + 1);
      encoded.forEach((bytes, i) => {
        valueOffsets[i + 1] = valueOffsets[i]! + bytes.length;
      });
      const data = new Uint8Array(valueOffsets[length]!);
      encoded.forEach((bytes, i) => {
        data.set(bytes, valueOffsets[i]!);
      });
      return makeData({ ...common, valueOffsets, data } as never);
    }
    case 'enum': {
      const domain = type.values ?? [];
      const codeOf = new Map(domain.map((value, code) => [value, code]));
      const codes = values.map((value) => {
        if (value === null) return 0;
        const code = codeOf.get(String(value));
        if (code === undefined) throw new Error(`${column.name}: ${String(value)} not in domain`);
        return code;
      });
      const Indices = (field.type as Dictionary).indices.ArrayType as Int8ArrayConstructor;
      return makeData({
        ...common,
        data: Indices.from(codes),
        dictionary: vectorFromArray([...domain], new Utf8()),
      } as never);
    }
  }
}
