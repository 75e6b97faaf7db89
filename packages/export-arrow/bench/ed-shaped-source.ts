import type { TableBatches } from '@lm-synth/dims';
import { arrowSchema, type TableDefinition, tableByName } from '@lm-synth/dims';
import {
  type Data,
  type Dictionary,
  type Field,
  makeData,
  RecordBatch,
  Struct,
  Utf8,
  type Vector,
  vectorFromArray,
} from 'apache-arrow';
import { fixtureDataset } from '../src/testing/fixture-dataset.js';

const BLOCK_ROWS = 65_536;
const SITES = 4;
const LHAS = 4;
const PROGRAMS = 3;
const YEAR_START_MICROS = Date.UTC(2025, 0, 1) * 1000;
const YEAR_SECONDS = 365 * 86_400;

export interface EdShapedSource {
  readonly tables: AsyncIterable<TableBatches>;
  /** Fact rows produced (patients + ED encounters + IP stays), known once consumed. */
  readonly factRows: () => number;
  /** Seconds spent producing the batches (not writing them). */
  readonly generationSeconds: () => number;
}

/**
 * Generator-shaped input for the write benchmarks: the fixture's dimensions,
 * then `patients` patients, about 0.5 ED visits and 0.1 stays each, built as
 * typed-array columns in blocks of 65,536 rows (what @lm-synth/generators
 * produces), FK-consistent so that lm_synth.duckdb accepts them.
 */
export function edShapedSource(patients: number): EdShapedSource {
  let factRows = 0;
  let generationNanos = 0n;
  const timed = <T>(make: () => T): T => {
    const start = process.hrtime.bigint();
    const value = make();
    generationNanos += process.hrtime.bigint() - start;
    return value;
  };
  const random = xorshift(42);
  const edPerPatient = new Uint8Array(patients);
  const firstEncounter = new Float64Array(patients);

  function* patientBatches(): Generator<RecordBatch> {
    const table = tableByName('patients');
    const dict = dictionaries(table);
    for (let start = 0; start < patients; start += BLOCK_ROWS) {
      const n = Math.min(BLOCK_ROWS, patients - start);
      yield timed(() => {
        const lha = new Int32Array(n);
        const site = new Int32Array(n);
        const age = new Int8Array(n);
        const gender = new Int8Array(n);
        const dob = new Int32Array(n);
        const sub = new Int8Array(n);
        const rate = new Float64Array(n);
        const visits = new Int32Array(n);
        for (let i = 0; i < n; i++) {
          lha[i] = 1 + (random() % LHAS);
          site[i] = random() % 10 === 0 ? 1 + (random() % SITES) : lha[i]!;
          age[i] = random() % 8;
          gender[i] = random() % 50 === 0 ? 2 : random() % 2;
          dob[i] = 20_000 - age[i]! * 3_650 - (random() % 3_650);
          sub[i] = age[i]! < 2 ? 1 : random() % 5 === 0 ? 2 : 0;
          rate[i] = (random() % 30_000) / 10_000;
          visits[i] = random() % 2;
          edPerPatient[start + i] = visits[i]!;
        }
        factRows += n;
        return batch(table, n, [
          patientIds(start, n),
          fixed(table, 1, lha),
          fixed(table, 2, site),
          coded(table, 3, age, dict),
          coded(table, 4, gender, dict),
          fixed(table, 5, dob),
          coded(table, 6, sub, dict),
          fixed(table, 7, rate),
          fixed(table, 8, visits),
        ]);
      });
    }
  }

  function* encounterBatches(): Generator<RecordBatch> {
    const table = tableByName('ed_encounters');
    const dict = dictionaries(table);
    let patient = 0;
    let nextId = 1;
    let pending = 0;
    while (patient < patients) {
      yield timed(() => {
        const ids = new BigInt64Array(BLOCK_ROWS);
        const owners = new Int32Array(BLOCK_ROWS);
        let n = 0;
        while (n < BLOCK_ROWS && patient < patients) {
          if (pending === 0) {
            pending = edPerPatient[patient]!;
            firstEncounter[patient] = pending > 0 ? nextId : 0;
            if (pending === 0) {
              patient++;
              continue;
            }
          }
          ids[n] = BigInt(nextId++);
          owners[n++] = patient;
          if (--pending === 0) patient++;
        }
        const facility = new Int32Array(n);
        const sub = new Int8Array(n);
        const arrival = new BigInt64Array(n);
        const acuity = new Int8Array(n);
        const dispo = new Int8Array(n);
        for (let i = 0; i < n; i++) {
          facility[i] = 1 + (random() % SITES);
          sub[i] = random() % 3;
          arrival[i] = BigInt(YEAR_START_MICROS + (random() % YEAR_SECONDS) * 1_000_000);
          acuity[i] = 1 + (random() % 5);
          dispo[i] = random() % 5;
        }
        factRows += n;
        return batch(table, n, [
          fixed(table, 0, ids.subarray(0, n)),
          patientIdsOf(owners.subarray(0, n)),
          fixed(table, 2, facility),
          coded(table, 3, sub, dict),
          fixed(table, 4, arrival),
          fixed(table, 5, acuity),
          coded(table, 6, dispo, dict),
        ]);
      });
    }
  }

  function* stayBatches(): Generator<RecordBatch> {
    const table = tableByName('ip_stays');
    const dict = dictionaries(table);
    const stays = Math.floor(patients / 10);
    for (let start = 0; start < stays; start += BLOCK_ROWS) {
      const n = Math.min(BLOCK_ROWS, stays - start);
      yield timed(() => {
        const ids = new BigInt64Array(n);
        const owners = new Int32Array(n);
        const facility = new Int32Array(n);
        const program = new Int32Array(n);
        const subprogram = new Int32Array(n);
        const admit = new BigInt64Array(n);
        const discharge = new BigInt64Array(n);
        const los = new Float64Array(n);
        const alc = new Uint8Array((n + 7) >> 3);
        const source = new Int8Array(n);
        const edEncounter = new BigInt64Array(n);
        const edValid = new Uint8Array((n + 7) >> 3);
        for (let i = 0; i < n; i++) {
          const owner = (start + i) * 10;
          ids[i] = BigInt(start + i + 1);
          owners[i] = owner;
          facility[i] = 1 + (random() % SITES);
          program[i] = 1 + (random() % PROGRAMS);
          subprogram[i] = 1 + (random() % 3);
          const admitMicros = YEAR_START_MICROS + (random() % YEAR_SECONDS) * 1_000_000;
          los[i] = Math.max(0.25, (random() % 2_000) / 100);
          admit[i] = BigInt(admitMicros);
          discharge[i] = BigInt(admitMicros + Math.round(los[i]! * 86_400) * 1_000_000);
          if (los[i]! > 15 && random() % 2 === 0) alc[i >> 3] = alc[i >> 3]! | (1 << (i & 7));
          const encounter = firstEncounter[owner]!;
          source[i] = encounter > 0 ? 0 : 1;
          if (encounter > 0) {
            edEncounter[i] = BigInt(encounter);
            edValid[i >> 3] = edValid[i >> 3]! | (1 << (i & 7));
          }
        }
        factRows += n;
        const noTransfers = new Uint8Array((n + 7) >> 3);
        return batch(table, n, [
          fixed(table, 0, ids),
          patientIdsOf(owners),
          fixed(table, 2, facility),
          fixed(table, 3, program),
          fixed(table, 4, subprogram),
          fixed(table, 5, admit),
          fixed(table, 6, discharge),
          fixed(table, 7, los),
          makeData({ type: field(table, 8).type, length: n, data: alc } as never),
          coded(table, 9, source, dict),
          fixed(table, 10, edEncounter, edValid),
          fixed(table, 11, new BigInt64Array(n), noTransfers),
        ]);
      });
    }
  }

  async function* tables(): AsyncGenerator<TableBatches> {
    const reference = fixtureDataset({ patients: 0, withEd: false, withIp: false });
    for (const entry of reference) if (entry.table.name !== 'patients') yield entry;
    yield { table: tableByName('patients'), batches: patientBatches() };
    yield { table: tableByName('ed_encounters'), batches: encounterBatches() };
    yield { table: tableByName('ip_stays'), batches: stayBatches() };
  }

  return {
    tables: tables(),
    factRows: () => factRows,
    generationSeconds: () => Number(generationNanos) / 1e9,
  };
}

function field(table: TableDefinition, index: number): Field {
  return arrowSchema(table).fields[index]!;
}

function batch(table: TableDefinition, length: number, children: Data[]): RecordBatch {
  const schema = arrowSchema(table);
  return new RecordBatch(
    schema,
    makeData({ type: new Struct(schema.fields), length, nullCount: 0, children }),
  );
}

function fixed(
  table: TableDefinition,
  index: number,
  data: ArrayBufferView,
  nullBitmap?: Uint8Array,
): Data {
  const length = (data as Int32Array).length;
  return makeData({
    type: field(table, index).type,
    length,
    data,
    ...(nullBitmap ? { nullBitmap, nullCount: -1 } : {}),
  } as never);
}

function dictionaries(table: TableDefinition): Map<number, Vector> {
  const map = new Map<number, Vector>();
  table.columns.forEach((column, i) => {
    if (column.type.kind === 'enum' && column.type.values) {
      map.set(i, vectorFromArray([...column.type.values], new Utf8()));
    }
  });
  return map;
}

function coded(
  table: TableDefinition,
  index: number,
  codes: Int8Array,
  dict: Map<number, Vector>,
): Data {
  return makeData({
    type: field(table, index).type as Dictionary,
    length: codes.length,
    data: codes,
    dictionary: dict.get(index)!,
  } as never);
}

const HEX = new TextEncoder().encode('0123456789abcdef');

/** P + 12 hex digits of the patient number, laid out directly as Arrow UTF-8. */
function patientIdsOf(owners: Int32Array): Data {
  const n = owners.length;
  const bytes = new Uint8Array(n * 13);
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    let value = owners[i]!;
    const base = i * 13;
    bytes[base] = 0x50;
    for (let d = 12; d >= 1; d--) {
      bytes[base + d] = HEX[value & 15]!;
      value >>>= 4;
    }
    offsets[i + 1] = base + 13;
  }
  return makeData({ type: new Utf8(), length: n, valueOffsets: offsets, data: bytes });
}

function patientIds(start: number, n: number): Data {
  return patientIdsOf(Int32Array.from({ length: n }, (_, i) => start + i));
}

/** xorshift32 (Marsaglia 2003): cheap and seeded, so runs are repeatable. */
function xorshift(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state;
  };
}
