import { Transform, type TransformCallback } from 'node:stream';
import type { TableDefinition } from '@lm-synth/dims';

const COMMA = 0x2c;
const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const TAB = 0x09;
const BACKSLASH = 0x5c;
const SPACE = 0x20;
const T = 0x54;
const Z = 0x5a;
const N = 0x4e;
// YYYY-MM-DDTHH:MM:SSZ
const TIMESTAMP_LENGTH = 20;

// Parser states.
const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
/** A quote inside a quoted field: a doubled quote, or the field's end. */
const QUOTE_IN_QUOTED = 3;

// LOAD DATA's escape letter for bytes that would otherwise end a field or line.
const ESCAPE = new Uint8Array(256);
ESCAPE[0x00] = 0x30;
ESCAPE[TAB] = 0x74;
ESCAPE[LF] = 0x6e;
ESCAPE[CR] = 0x72;
ESCAPE[BACKSLASH] = BACKSLASH;

/** Bytes an unquoted field cannot simply copy: separators, a quote, and those needing an escape. */
const SPECIAL = new Uint8Array(256);
for (const byte of [COMMA, QUOTE, LF, CR, TAB, BACKSLASH, 0x00]) SPECIAL[byte] = 1;

/**
 * Rewrites one lm-synth CSV file (a header line, RFC 4180 quotes, LF line ends, NULL as
 * an empty unquoted field, "" the empty string, timestamps
 * YYYY-MM-DDTHH:MM:SSZ) into LOAD DATA's native text as the file streams by:
 * the server then parses it without per-row expressions, and NULL and the
 * empty string stay apart. Values are otherwise copied byte for byte.
 */
export class CsvToTsv extends Transform {
  #state = FIELD_START;
  #header = true;
  #column = 0;
  #rows = 0;
  /** Bytes of the current timestamp field, converted when it ends. */
  readonly #stamp = new Uint8Array(TIMESTAMP_LENGTH + 1);
  #stampLength = 0;
  readonly #timestamp: readonly boolean[];
  readonly #columns: number;
  readonly #table: TableDefinition;

  constructor(table: TableDefinition) {
    super();
    this.#table = table;
    this.#columns = table.columns.length;
    this.#timestamp = table.columns.map((c) => c.type.kind === 'timestamp');
  }

  /** Data rows read so far. */
  get rows(): number {
    return this.#rows;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    try {
      done(null, this.#convert(chunk));
    } catch (error) {
      done(error as Error);
    }
  }

  override _flush(done: TransformCallback): void {
    if (this.#state !== FIELD_START || this.#column !== 0) {
      done(new Error(`${this.#table.name}: the CSV ends inside a row (no final line end)`));
    } else done();
  }

  #fail(message: string): never {
    throw new Error(`${this.#table.name} CSV row ${this.#rows + 1}: ${message}`);
  }

  #convert(input: Buffer): Buffer {
    // Worst case: every byte an empty field (",") becomes "\N" and a tab, after a timestamp
    // whose bytes came in earlier chunks is written out.
    const out = Buffer.allocUnsafe(3 * input.length + TIMESTAMP_LENGTH);
    let o = 0;
    let i = 0;
    if (this.#header) {
      const end = input.indexOf(LF);
      if (end < 0) return out.subarray(0, 0);
      this.#header = false;
      i = end + 1;
    }
    let state = this.#state;
    let column = this.#column;
    const last = this.#columns - 1;
    const timestamp = this.#timestamp;
    for (; i < input.length; i++) {
      const byte = input[i]!;
      // Fast path, most bytes: plain text in an unquoted field that is no timestamp.
      if (SPECIAL[byte] === 0 && state <= UNQUOTED && !timestamp[column]) {
        out[o++] = byte;
        state = UNQUOTED;
        continue;
      }
      if (state === FIELD_START && timestamp[column] && this.#wholeStamp(input, i)) {
        for (let k = 0; k < TIMESTAMP_LENGTH - 1; k++) out[o++] = k === 10 ? SPACE : input[i + k]!;
        // On to the separator, handled as after any field.
        i += TIMESTAMP_LENGTH - 1;
        state = UNQUOTED;
        continue;
      }
      if (state === QUOTED) {
        if (byte === QUOTE) state = QUOTE_IN_QUOTED;
        else if (ESCAPE[byte]) {
          out[o++] = BACKSLASH;
          out[o++] = ESCAPE[byte]!;
        } else out[o++] = byte;
        continue;
      }
      if (state === QUOTE_IN_QUOTED) {
        if (byte === QUOTE) {
          out[o++] = QUOTE;
          state = QUOTED;
          continue;
        }
        state = UNQUOTED;
        if (byte !== COMMA && byte !== LF) this.#fail('text after a closing quote');
      }
      if (byte === COMMA || byte === LF) {
        if (state === FIELD_START) {
          // An empty unquoted field is NULL.
          out[o++] = BACKSLASH;
          out[o++] = N;
        } else if (timestamp[column] && this.#stampLength > 0) {
          o = this.#writeTimestamp(out, o);
        }
        this.#stampLength = 0;
        state = FIELD_START;
        if (byte === COMMA) {
          if (column === last) this.#fail(`more than ${this.#columns} fields`);
          out[o++] = TAB;
          column++;
        } else {
          if (column !== last) this.#fail(`${column + 1} fields, expected ${this.#columns}`);
          out[o++] = LF;
          column = 0;
          this.#rows++;
        }
        continue;
      }
      if (state === FIELD_START && byte === QUOTE) {
        state = QUOTED;
        continue;
      }
      state = UNQUOTED;
      if (timestamp[column]) {
        if (this.#stampLength > TIMESTAMP_LENGTH)
          this.#fail('a timestamp longer than YYYY-MM-DDTHH:MM:SSZ');
        this.#stamp[this.#stampLength++] = byte;
      } else if (ESCAPE[byte]) {
        out[o++] = BACKSLASH;
        out[o++] = ESCAPE[byte]!;
      } else out[o++] = byte;
    }
    this.#state = state;
    this.#column = column;
    return out.subarray(0, o);
  }

  /** Whether a YYYY-MM-DDTHH:MM:SSZ field of plain bytes starts at `i` and ends within `input`. */
  #wholeStamp(input: Buffer, i: number): boolean {
    const end = input[i + TIMESTAMP_LENGTH];
    if ((end !== COMMA && end !== LF) || input[i + 10] !== T || input[i + 19] !== Z) return false;
    for (let k = 0; k < TIMESTAMP_LENGTH; k++) if (SPECIAL[input[i + k]!]) return false;
    return true;
  }

  /** YYYY-MM-DDTHH:MM:SSZ as DATETIME's YYYY-MM-DD HH:MM:SS; a fraction of a second is refused. */
  #writeTimestamp(out: Buffer, o: number): number {
    const stamp = this.#stamp;
    if (this.#stampLength !== TIMESTAMP_LENGTH || stamp[10] !== T || stamp[19] !== Z) {
      const text = Buffer.from(stamp.subarray(0, this.#stampLength)).toString('latin1');
      this.#fail(`"${text}" is not a whole-second UTC timestamp (YYYY-MM-DDTHH:MM:SSZ)`);
    }
    for (let k = 0; k < 19; k++) out[o++] = k === 10 ? SPACE : stamp[k]!;
    return o;
  }
}
