import { type ColumnDefinition, civilFromDays } from '@lm-synth/dims';
import {
  type Data,
  DateUnit,
  type Decimal,
  type Float,
  type Int,
  Precision,
  type Timestamp,
  Type,
  type Vector,
} from 'apache-arrow';

/**
 * How one Arrow column becomes text for MySQL: LOAD DATA's native format
 * (backslash escapes, `\N` for null) or a parameter for the INSERT fallback.
 */
export interface ColumnCodec {
  /** Most bytes a value can take, when that does not depend on the row; else -1. */
  readonly fixedWidth: number;
  /** Most bytes the value of `row` can take. */
  width(row: number): number;
  /** Writes the value of `row` at `pos`; returns the position after it. */
  write(buffer: Uint8Array, pos: number, row: number): number;
  /** The value of `row` as an INSERT parameter. */
  parameter(row: number): string | number | null;
}

const BACKSLASH = 0x5c;
const NULL_WIDTH = 2;
const DIGITS_MAX = 21; // sign + 20 digits of a 64-bit integer
const TWO_32 = 4_294_967_296;
// The int32 halves of an int64 whose value a double holds exactly.
const SAFE_HIGH = 0x1f_ffff;
const DAY_SECONDS = 86_400;

// Bytes LOAD DATA reads specially inside a field, and the letter after the backslash.
const ESCAPE = new Uint8Array(256);
ESCAPE[0x00] = 0x30; // \0
ESCAPE[0x09] = 0x74; // \t
ESCAPE[0x0a] = 0x6e; // \n
ESCAPE[0x0d] = 0x72; // \r
ESCAPE[BACKSLASH] = BACKSLASH; // \\

function writeUnsigned(buffer: Uint8Array, pos: number, value: number): number {
  if (value < 10) {
    buffer[pos] = 48 + value;
    return pos + 1;
  }
  let digits = 1;
  for (let power = 10; power <= value && digits < 16; power *= 10) digits++;
  let p = pos + digits;
  while (value >= 1) {
    const quotient = Math.floor(value / 10);
    buffer[--p] = 48 + (value - quotient * 10);
    value = quotient;
  }
  return pos + digits;
}

function writeInteger(buffer: Uint8Array, pos: number, value: number): number {
  if (value < 0) {
    buffer[pos++] = 0x2d;
    value = -value;
  }
  if (value >= 1e16) return writeAscii(buffer, pos, String(value));
  return writeUnsigned(buffer, pos, value);
}

function writeAscii(buffer: Uint8Array, pos: number, text: string): number {
  for (let i = 0; i < text.length; i++) buffer[pos++] = text.charCodeAt(i);
  return pos;
}

function writeTwoDigits(buffer: Uint8Array, pos: number, value: number): number {
  buffer[pos] = 48 + Math.floor(value / 10);
  buffer[pos + 1] = 48 + (value % 10);
  return pos + 2;
}

/** An integer count of 10^-scale units as a fixed-point decimal: 12345, scale 2 is 123.45. */
function writeUnits(buffer: Uint8Array, pos: number, units: number, scale: number): number {
  let magnitude = units;
  if (units < 0) {
    buffer[pos++] = 0x2d;
    magnitude = -units;
  }
  const factor = 10 ** scale;
  const whole = Math.floor(magnitude / factor);
  pos = writeUnsigned(buffer, pos, whole);
  if (scale === 0) return pos;
  buffer[pos++] = 0x2e;
  let fraction = magnitude - whole * factor;
  for (let i = scale - 1; i >= 0; i--) {
    const digit = fraction % 10;
    buffer[pos + i] = 48 + digit;
    fraction = (fraction - digit) / 10;
  }
  return pos + scale;
}

/** The same for a count beyond 2^53, through its decimal digits. */
function writeBigUnits(buffer: Uint8Array, pos: number, units: bigint, scale: number): number {
  const digits = (units < 0n ? -units : units).toString().padStart(scale + 1, '0');
  if (units < 0n) buffer[pos++] = 0x2d;
  pos = writeAscii(buffer, pos, digits.slice(0, digits.length - scale));
  if (scale === 0) return pos;
  buffer[pos++] = 0x2e;
  return writeAscii(buffer, pos, digits.slice(digits.length - scale));
}

const civil = new Int32Array(3);

/** YYYY-MM-DD of a day count since 1970-01-01. */
function writeDate(
  buffer: Uint8Array,
  pos: number,
  days: number,
  where: (row: number) => string,
  row: number,
): number {
  civilFromDays(days, civil);
  const [year = 0, month = 0, day = 0] = civil;
  if (year < 1000 || year > 9999) {
    throw new Error(`${where(row)}: year ${year} is outside MySQL's 1000-9999`);
  }
  const century = Math.floor(year / 100);
  pos = writeTwoDigits(buffer, pos, century);
  pos = writeTwoDigits(buffer, pos, year - century * 100);
  buffer[pos++] = 0x2d;
  pos = writeTwoDigits(buffer, pos, month);
  buffer[pos++] = 0x2d;
  return writeTwoDigits(buffer, pos, day);
}

/** YYYY-MM-DD HH:MM:SS of whole seconds since the epoch, in UTC. */
function writeDateTime(
  buffer: Uint8Array,
  pos: number,
  seconds: number,
  where: (row: number) => string,
  row: number,
): number {
  const days = Math.floor(seconds / DAY_SECONDS);
  let rest = seconds - days * DAY_SECONDS;
  pos = writeDate(buffer, pos, days, where, row);
  buffer[pos++] = 0x20;
  const hours = Math.floor(rest / 3600);
  rest -= hours * 3600;
  const minutes = Math.floor(rest / 60);
  pos = writeTwoDigits(buffer, pos, hours);
  buffer[pos++] = 0x3a;
  pos = writeTwoDigits(buffer, pos, minutes);
  buffer[pos++] = 0x3a;
  return writeTwoDigits(buffer, pos, rest - minutes * 60);
}

/** Reads int64 values as doubles, exactly while they fit 53 bits, via their int32 halves. */
function int64Reader(values: BigInt64Array): (row: number) => number | bigint {
  const halves = new Int32Array(values.buffer, values.byteOffset, values.length * 2);
  return (row) => {
    const high = halves[2 * row + 1]!;
    if (high > SAFE_HIGH || high < -SAFE_HIGH - 1) return values[row]!;
    return high * TWO_32 + (halves[2 * row]! >>> 0);
  };
}

/** Escaped UTF-8 bytes of each dictionary entry, so rows copy bytes by index. */
function encodeDictionary(dictionary: Vector): { bytes: Uint8Array[]; texts: string[] } {
  const texts = (dictionary.toArray() as (string | null)[]).map((s) => s ?? '');
  const bytes = texts.map((text) => {
    const raw = Buffer.from(text, 'utf8');
    const out: number[] = [];
    for (const byte of raw) {
      if (ESCAPE[byte]) out.push(BACKSLASH, ESCAPE[byte]!);
      else out.push(byte);
    }
    return Uint8Array.from(out);
  });
  return { bytes, texts };
}

const dictionaries = new WeakMap<Vector, { bytes: Uint8Array[]; texts: string[] }>();

function valueCodec(
  column: ColumnDefinition,
  data: Data,
  where: (row: number) => string,
): ColumnCodec {
  const logical = column.type;
  const type = data.type;
  const scratch = new Uint8Array(64);
  const fixed = (
    width: number,
    write: (buffer: Uint8Array, pos: number, row: number) => number,
  ): ColumnCodec => ({
    fixedWidth: width,
    width: () => width,
    write,
    parameter: (row) => Buffer.from(scratch.buffer, 0, write(scratch, 0, row)).toString('latin1'),
  });
  const mismatch = () =>
    new Error(
      `column ${column.name}: Arrow type ${String(type)} cannot hold logical type ${logical.kind}`,
    );

  switch (type.typeId) {
    case Type.Int: {
      const int = type as unknown as Int;
      if (!['int8', 'int16', 'int32', 'int64', 'boolean'].includes(logical.kind)) throw mismatch();
      if (int.bitWidth === 64) {
        const read = int64Reader(data.values as BigInt64Array);
        return {
          ...fixed(DIGITS_MAX, (buffer, pos, row) => {
            const value = read(row);
            return typeof value === 'bigint'
              ? writeAscii(buffer, pos, value.toString())
              : writeInteger(buffer, pos, value);
          }),
          parameter: (row) => {
            const value = read(row);
            return typeof value === 'bigint' ? value.toString() : value;
          },
        };
      }
      const values = data.values as Int32Array;
      return {
        ...fixed(11, (buffer, pos, row) => writeInteger(buffer, pos, values[row]!)),
        parameter: (row) => values[row]!,
      };
    }
    case Type.Float: {
      if ((type as unknown as Float).precision === Precision.HALF) throw mismatch();
      const values = data.values as Float64Array | Float32Array;
      if (logical.kind === 'decimal') {
        const factor = 10 ** logical.scale;
        const scale = logical.scale;
        return fixed(logical.precision + 2, (buffer, pos, row) => {
          const value = values[row]!;
          if (!Number.isFinite(value)) throw new Error(`${where(row)}: ${value} is not a number`);
          const scaled = value * factor;
          const units = Math.round(scaled);
          // Decimals arrive rounded to their scale; anything else would be silently rounded here.
          if (!(Math.abs(scaled - units) <= 1e-6 + Math.abs(scaled) * 2 ** -50)) {
            throw new Error(`${where(row)}: ${value} has more than ${scale} decimal places`);
          }
          return writeUnits(buffer, pos, units, scale);
        });
      }
      if (logical.kind !== 'float64') throw mismatch();
      return fixed(32, (buffer, pos, row) => {
        const value = values[row]!;
        if (!Number.isFinite(value))
          throw new Error(`${where(row)}: ${value} is not a finite number`);
        return writeAscii(buffer, pos, String(value));
      });
    }
    // Parquet's DECIMAL: 128-bit two's complement integers of 10^-scale units, little-endian words.
    case Type.Decimal: {
      const decimal = type as unknown as Decimal;
      if (logical.kind !== 'decimal' || decimal.scale !== logical.scale) throw mismatch();
      const words = data.values as Uint32Array;
      const stride = decimal.bitWidth / 32;
      const scale = logical.scale;
      return fixed(logical.precision + 2, (buffer, pos, row) => {
        const base = row * stride;
        const low = words[base]!;
        const high = words[base + 1]!;
        let rest = 0;
        for (let k = 2; k < stride; k++) rest |= words[base + k]!;
        // The common case: a non-negative count below 2^53.
        if (rest === 0 && high <= SAFE_HIGH)
          return writeUnits(buffer, pos, high * TWO_32 + low, scale);
        let units = 0n;
        for (let k = stride - 1; k >= 0; k--) units = (units << 32n) | BigInt(words[base + k]!);
        return writeBigUnits(buffer, pos, BigInt.asIntN(decimal.bitWidth, units), scale);
      });
    }
    case Type.Bool: {
      const bits = data.values as Uint8Array;
      const offset = data.offset;
      const bit = (row: number) => (bits[(offset + row) >> 3]! >> ((offset + row) & 7)) & 1;
      return {
        ...fixed(1, (buffer, pos, row) => {
          buffer[pos] = 48 + bit(row);
          return pos + 1;
        }),
        parameter: bit,
      };
    }
    case Type.Utf8:
    case Type.LargeUtf8: {
      if (logical.kind !== 'string' && logical.kind !== 'enum') throw mismatch();
      const bytes = data.values as Uint8Array;
      const offsets = data.valueOffsets as Int32Array | BigInt64Array;
      const start = (row: number) => Number(offsets[row]!);
      const end = (row: number) => Number(offsets[row + 1]!);
      const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      return {
        fixedWidth: -1,
        width: (row) => 2 * (end(row) - start(row)),
        write: (buffer, pos, row) => {
          for (let i = start(row), stop = end(row); i < stop; i++) {
            const byte = bytes[i]!;
            const escaped = ESCAPE[byte]!;
            if (escaped === 0) buffer[pos++] = byte;
            else {
              buffer[pos++] = BACKSLASH;
              buffer[pos++] = escaped;
            }
          }
          return pos;
        },
        parameter: (row) => text.toString('utf8', start(row), end(row)),
      };
    }
    case Type.Dictionary: {
      if (logical.kind !== 'string' && logical.kind !== 'enum') throw mismatch();
      const dictionary = data.dictionary!;
      let encoded = dictionaries.get(dictionary);
      if (!encoded) dictionaries.set(dictionary, (encoded = encodeDictionary(dictionary)));
      const { bytes, texts } = encoded;
      const indices = data.values as Int8Array | Int16Array | Int32Array;
      const widest = bytes.reduce((max, b) => Math.max(max, b.length), 0);
      return {
        fixedWidth: widest,
        width: () => widest,
        write: (buffer, pos, row) => {
          const entry = bytes[indices[row]!];
          if (!entry)
            throw new Error(`${where(row)}: dictionary index ${indices[row]} out of range`);
          for (let i = 0; i < entry.length; i++) buffer[pos++] = entry[i]!;
          return pos;
        },
        parameter: (row) => texts[indices[row]!] ?? null,
      };
    }
    case Type.Date: {
      if (logical.kind !== 'date') throw mismatch();
      const unit = (type as unknown as { unit: DateUnit }).unit;
      if (unit === DateUnit.DAY) {
        const days = data.values as Int32Array;
        return fixed(10, (buffer, pos, row) => writeDate(buffer, pos, days[row]!, where, row));
      }
      const read = int64Reader(data.values as BigInt64Array);
      return fixed(10, (buffer, pos, row) => {
        const ms = Number(read(row));
        if (ms % 86_400_000 !== 0)
          throw new Error(`${where(row)}: date ${ms} ms is not a whole day`);
        return writeDate(buffer, pos, ms / 86_400_000, where, row);
      });
    }
    case Type.Timestamp: {
      if (logical.kind !== 'timestamp') throw mismatch();
      const timestamp = type as unknown as Timestamp;
      if (timestamp.timezone && timestamp.timezone !== 'UTC' && timestamp.timezone !== '+00:00') {
        throw new Error(`column ${column.name}: timestamps must be UTC, not ${timestamp.timezone}`);
      }
      // TimeUnit runs SECOND = 0 ... NANOSECOND = 3.
      const perSecond = 1000 ** timestamp.unit;
      const bigPerSecond = BigInt(perSecond);
      const read = int64Reader(data.values as BigInt64Array);
      return fixed(19, (buffer, pos, row) => {
        const raw = read(row);
        // DATETIME holds whole seconds; a fraction would be rounded away without a warning.
        const whole = typeof raw === 'bigint' ? raw % bigPerSecond === 0n : raw % perSecond === 0;
        if (!whole) throw new Error(`${where(row)}: timestamp ${raw} is not a whole second`);
        const seconds = typeof raw === 'bigint' ? Number(raw / bigPerSecond) : raw / perSecond;
        return writeDateTime(buffer, pos, seconds, where, row);
      });
    }
    default:
      throw mismatch();
  }
}

/** The codec of one column of one batch; nulls become `\N` (or a null parameter). */
export function columnCodec(
  column: ColumnDefinition,
  data: Data,
  where: (row: number) => string,
): ColumnCodec {
  const codec = valueCodec(column, data, where);
  if (data.nullCount === 0) return codec;
  const bitmap = data.nullBitmap!;
  const offset = data.offset;
  const valid = (row: number) => ((bitmap[(offset + row) >> 3]! >> ((offset + row) & 7)) & 1) === 1;
  return {
    fixedWidth: codec.fixedWidth < 0 ? -1 : Math.max(codec.fixedWidth, NULL_WIDTH),
    width: (row) => (valid(row) ? codec.width(row) : NULL_WIDTH),
    write: (buffer, pos, row) => {
      if (valid(row)) return codec.write(buffer, pos, row);
      buffer[pos] = BACKSLASH;
      buffer[pos + 1] = 0x4e; // \N
      return pos + 2;
    },
    parameter: (row) => (valid(row) ? codec.parameter(row) : null),
  };
}
