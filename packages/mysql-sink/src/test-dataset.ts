import { arrowSchema, CATALOGUE, type TableDefinition, tableByName } from '@lm-synth/dims';
import {
  Bool,
  type Data,
  type DataType,
  makeData,
  RecordBatch,
  Struct,
  Type,
  Utf8,
  vectorFromArray,
} from 'apache-arrow';
import type { TableStream } from './table-stream.js';

/** Column values as the generators hold them: typed arrays, codes for enums, strings. */
type Values =
  | Int8Array
  | Int16Array
  | Int32Array
  | Float64Array
  | BigInt64Array
  | Uint8Array
  | string[];

interface ColumnValues {
  readonly values: Values;
  /** 1 marks a null. */
  readonly nulls?: Uint8Array;
}

type TableColumns = { readonly length: number; readonly columns: Record<string, ColumnValues> };

export interface TestDataset {
  readonly tables: ReadonlyMap<string, readonly RecordBatch[]>;
  /** The dataset as the generators hand it over: catalogue order, batches on demand. */
  streams(): AsyncIterable<TableStream>;
  rows(table: string): number;
}

export interface TestDatasetOptions {
  readonly patients: number;
  /** Rows per RecordBatch; batches are slices of one column set, so offsets are exercised. */
  readonly batchRows?: number;
  /** Shifts generated values, to tell one load from the next. */
  readonly variant?: number;
}

const DAY_MICROS = 86_400_000_000n;
const START_DAY = Date.UTC(2025, 0, 1) / 86_400_000;
const DAYS = 365;
const SITES = 12;
const LHAS = 12;
const PROGRAMS = 16;
const YEARS = [2025, 2026, 2027];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** Deterministic 32-bit hash of (index, salt): the fixtures' only source of variety. */
function hash(index: number, salt: number): number {
  let h = Math.imul(index ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(salt + 0x632be5ab, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

function domain(table: string, column: string): readonly string[] {
  const type = tableByName(table).columns.find((c) => c.name === column)?.type;
  if (type?.kind !== 'enum' || type.values === null) {
    throw new Error(`${table}.${column} is not a closed enum`);
  }
  return type.values;
}

const ints = (length: number, f: (i: number) => number) =>
  Int32Array.from({ length }, (_, i) => f(i));
const smallInts = (length: number, f: (i: number) => number) =>
  Int8Array.from({ length }, (_, i) => f(i));
const bigints = (length: number, f: (i: number) => bigint) =>
  BigInt64Array.from({ length }, (_, i) => f(i));
const floats = (length: number, f: (i: number) => number) =>
  Float64Array.from({ length }, (_, i) => f(i));
const strings = (length: number, f: (i: number) => string) =>
  Array.from({ length }, (_, i) => f(i));
const mask = (length: number, f: (i: number) => boolean) =>
  Uint8Array.from({ length }, (_, i) => (f(i) ? 1 : 0));

function columnData(
  type: DataType,
  length: number,
  column: ColumnValues,
  dictionary: readonly string[] | undefined,
): Data {
  const { values, nulls } = column;
  let nullBitmap: Uint8Array | undefined;
  let nullCount = 0;
  if (nulls) {
    nullBitmap = new Uint8Array(Math.ceil(length / 8));
    for (let i = 0; i < length; i++) {
      if (nulls[i]) nullCount++;
      else nullBitmap[i >> 3]! |= 1 << (i & 7);
    }
  }
  switch (type.typeId) {
    case Type.Utf8:
      return vectorFromArray(
        (values as string[]).map((s, i) => (nulls?.[i] ? null : s)),
        new Utf8(),
      ).data[0]!;
    case Type.Bool: {
      const bits = new Uint8Array(Math.ceil(length / 8));
      (values as Uint8Array).forEach((v, i) => {
        if (v) bits[i >> 3]! |= 1 << (i & 7);
      });
      return makeData({ type: new Bool(), length, nullCount, nullBitmap, data: bits });
    }
    case Type.Dictionary:
      return makeData({
        type,
        length,
        nullCount,
        nullBitmap,
        data: values,
        dictionary: vectorFromArray([...dictionary!], new Utf8()),
      } as never);
    default:
      return makeData({ type, length, nullCount, nullBitmap, data: values } as never);
  }
}

function toBatches(
  table: TableDefinition,
  content: TableColumns,
  batchRows: number,
): RecordBatch[] {
  const schema = arrowSchema(table);
  const children = schema.fields.map((field) => {
    const column = content.columns[field.name];
    if (!column) throw new Error(`fixture lacks ${table.name}.${field.name}`);
    const dictionary =
      field.type.typeId === Type.Dictionary ? domain(table.name, field.name) : undefined;
    return columnData(field.type, content.length, column, dictionary);
  });
  const whole = new RecordBatch(
    schema,
    makeData({ type: new Struct(schema.fields), length: content.length, nullCount: 0, children }),
  );
  const batches: RecordBatch[] = [];
  for (let start = 0; start < content.length; start += batchRows) {
    batches.push(whole.slice(start, Math.min(content.length, start + batchRows)));
  }
  return batches;
}

/** Text that LOAD DATA must escape, and text from outside ASCII. */
const AWKWARD = [
  'Tab\there',
  'New\nline',
  'Back\\slash \\N',
  '"Quoted", \'single\'',
  'Ünïcødé ✓ 🏥',
  '',
];

function content(options: Required<TestDatasetOptions>): Record<string, TableColumns> {
  const { patients: n, variant: v } = options;
  const ageGroups = domain('patients', 'age_group');
  const genders = domain('patients', 'gender');
  const subservices = domain('patients', 'primary_ed_subservice');
  const dispositions = domain('ed_encounters', 'dispo');
  const sources = domain('ip_stays', 'admission_source');
  const encounters = n;
  const stays = Math.max(1, Math.floor(n / 10));
  const encounterIdBase = 10_000_000_000n; // beyond 2^32, to exercise int64
  const patientId = (i: number) => `P${(i + 1).toString(16).padStart(12, '0')}`;
  const segments = LHAS * ageGroups.length * genders.length;
  return {
    dim_site: {
      length: SITES,
      columns: {
        site_id: { values: ints(SITES, (i) => i + 1) },
        site_code: { values: strings(SITES, (i) => `LM-S${String(i + 1).padStart(2, '0')}`) },
        site_name: {
          values: strings(
            SITES,
            (i) => `Fictional Site ${i + 1} v${v} ${AWKWARD[i % AWKWARD.length]}`,
          ),
        },
      },
    },
    dim_program: {
      length: PROGRAMS,
      columns: {
        program_id: { values: ints(PROGRAMS, (i) => i + 1) },
        program_name: { values: strings(PROGRAMS, (i) => `Program ${i + 1}`) },
      },
    },
    dim_subprogram: {
      length: PROGRAMS * 3,
      columns: {
        program_id: { values: ints(PROGRAMS * 3, (i) => Math.floor(i / 3) + 1) },
        subprogram_id: { values: ints(PROGRAMS * 3, (i) => (i % 3) + 1) },
        subprogram_name: { values: strings(PROGRAMS * 3, (i) => `Subprogram ${i + 1}`) },
        care_setting: {
          values: strings(PROGRAMS * 3, (i) => (i % 3 === 2 ? 'day_case' : 'inpatient')),
        },
      },
    },
    dim_lha: {
      length: LHAS,
      columns: {
        lha_id: { values: ints(LHAS, (i) => i + 1) },
        lha_name: { values: strings(LHAS, (i) => `Fictional Area ${i + 1}`) },
        default_site_id: { values: ints(LHAS, (i) => (i % SITES) + 1) },
      },
    },
    dim_age_group: {
      length: ageGroups.length,
      columns: {
        age_group: { values: smallInts(ageGroups.length, (i) => i) },
        sort_order: { values: smallInts(ageGroups.length, (i) => i + 1) },
        min_age: { values: Int16Array.from(ageGroups, (g) => Number.parseInt(g, 10)) },
        max_age: {
          values: Int16Array.from(ageGroups, (g) => Number(g.split('-')[1] ?? 0)),
          nulls: mask(ageGroups.length, (i) => i === ageGroups.length - 1),
        },
      },
    },
    dim_gender: {
      length: genders.length,
      columns: {
        gender: { values: smallInts(genders.length, (i) => i) },
        sort_order: { values: smallInts(genders.length, (i) => i + 1) },
      },
    },
    dim_date: dimDate(),
    dim_scenario: {
      length: 1,
      columns: {
        scenario_id: { values: [`fixture-${v}`] },
        scenario_name: { values: ['Test fixture'] },
        description: { values: [AWKWARD.join(' | ')] },
        parameter_overrides: { values: ['{"path":"C:\\\\temp","note":"two\\nlines"}'] },
        scenario_hash: { values: [`sha256:${'0'.repeat(64)}`] },
        time_zone: { values: ['America/Vancouver'] },
      },
    },
    population_projection: {
      length: YEARS.length * segments,
      columns: {
        year: { values: ints(YEARS.length * segments, (i) => YEARS[Math.floor(i / segments)]!) },
        lha_id: { values: ints(YEARS.length * segments, (i) => (Math.floor(i / 24) % LHAS) + 1) },
        age_group: { values: smallInts(YEARS.length * segments, (i) => Math.floor(i / 3) % 8) },
        gender: { values: smallInts(YEARS.length * segments, (i) => i % 3) },
        population: {
          values: ints(YEARS.length * segments, (i) => 500 + (hash(i, v + 1) % 20_000)),
        },
      },
    },
    ed_baseline_rates: {
      length: segments * 3,
      columns: {
        lha_id: { values: ints(segments * 3, (i) => Math.floor(i / 72) + 1) },
        age_group: { values: smallInts(segments * 3, (i) => Math.floor(i / 9) % 8) },
        gender: { values: smallInts(segments * 3, (i) => Math.floor(i / 3) % 3) },
        ed_subservice: { values: smallInts(segments * 3, (i) => i % 3) },
        baserate_per_1000: { values: floats(segments * 3, (i) => (hash(i, v + 2) % 90_000) / 100) },
      },
    },
    // Each LHA x subservice: two facilities, its default site and the next one, sharing 3:1.
    ed_routing: {
      length: LHAS * 3 * 2,
      columns: {
        lha_id: { values: ints(LHAS * 6, (i) => Math.floor(i / 6) + 1) },
        ed_subservice: { values: smallInts(LHAS * 6, (i) => Math.floor(i / 2) % 3) },
        facility_id: {
          values: ints(LHAS * 6, (i) => ((Math.floor(i / 6) + (i % 2)) % SITES) + 1),
        },
        share: { values: floats(LHAS * 6, (i) => (i % 2 === 0 ? 0.75 : 0.25)) },
      },
    },
    patients: {
      length: n,
      columns: {
        patient_id: { values: strings(n, patientId) },
        lha_id: { values: ints(n, (i) => (hash(i, 3) % LHAS) + 1) },
        facility_home_id: { values: ints(n, (i) => (hash(i, 4) % SITES) + 1) },
        age_group: { values: smallInts(n, (i) => hash(i, 5) % ageGroups.length) },
        gender: { values: smallInts(n, (i) => hash(i, 6) % genders.length) },
        // From 1925 (before the epoch: negative days) to 2024.
        dob: { values: ints(n, (i) => -16_436 + (hash(i, 7) % 36_500)) },
        primary_ed_subservice: { values: smallInts(n, (i) => hash(i, 8) % subservices.length) },
        expected_ed_rate: { values: floats(n, (i) => (hash(i, v + 9) % 99_999_999) / 10_000) },
        ed_visits_year: { values: ints(n, (i) => hash(i, 10) % 5) },
        weight: { values: floats(n, () => 44.3) },
        // 2025-01-01, and one patient in eight entered later in 2025.
        entry_date: {
          values: ints(n, (i) => 20_089 + (hash(i, 30) % 8 === 0 ? hash(i, 31) % 365 : 0)),
        },
        entry_reason: {
          values: smallInts(n, (i) => (hash(i, 30) % 8 === 0 ? 1 + (hash(i, 32) % 2) : 0)),
        },
        exit_date: {
          values: ints(n, (i) => 20_454 + (hash(i, 33) % 365)),
          nulls: mask(n, (i) => hash(i, 34) % 10 !== 0),
        },
        exit_reason: {
          values: smallInts(n, (i) => hash(i, 35) % 2),
          nulls: mask(n, (i) => hash(i, 34) % 10 !== 0),
        },
      },
    },
    ed_encounters: {
      length: encounters,
      columns: {
        encounter_id: { values: bigints(encounters, (i) => encounterIdBase + BigInt(i)) },
        patient_id: { values: strings(encounters, (i) => patientId(hash(i, 11) % n)) },
        facility_id: { values: ints(encounters, (i) => (hash(i, 12) % SITES) + 1) },
        ed_subservice: { values: smallInts(encounters, (i) => hash(i, 13) % subservices.length) },
        arrival_ts: {
          values: bigints(
            encounters,
            (i) =>
              BigInt(START_DAY) * DAY_MICROS +
              BigInt(hash(i, v + 14) % (DAYS * 86_400)) * 1_000_000n,
          ),
        },
        acuity: {
          values: smallInts(encounters, (i) => (hash(i, 15) % 5) + 1),
          nulls: mask(encounters, (i) => i % 17 === 3),
        },
        dispo: {
          values: smallInts(encounters, (i) => hash(i, 16) % dispositions.length),
          nulls: mask(encounters, (i) => i % 13 === 5),
        },
      },
    },
    ip_stays: ipStays(stays, encounters, n, patientId, encounterIdBase, sources.length, v),
    capacity_daily: {
      length: SITES * DAYS,
      columns: {
        date: { values: ints(SITES * DAYS, (i) => START_DAY + (i % DAYS)) },
        site_id: { values: ints(SITES * DAYS, (i) => Math.floor(i / DAYS) + 1) },
        staffed_beds: { values: ints(SITES * DAYS, (i) => 100 + (hash(i, 20) % 50)) },
        physical_beds: { values: ints(SITES * DAYS, (i) => 160 + (hash(i, 21) % 10)) },
        nhppd: { values: floats(SITES * DAYS, (i) => (hash(i, 22) % 99_999) / 100) },
        census: { values: ints(SITES * DAYS, (i) => hash(i, 23) % 160) },
        occupancy: { values: floats(SITES * DAYS, (i) => (hash(i, 24) % 16_000) / 10_000) },
      },
    },
  };
}

function ipStays(
  length: number,
  encounters: number,
  patients: number,
  patientId: (i: number) => string,
  encounterIdBase: bigint,
  sources: number,
  v: number,
): TableColumns {
  const admitSeconds = (i: number) => (START_DAY + (hash(i, v + 30) % DAYS)) * 86_400;
  const losQuarterDays = (i: number) => 1 + (hash(i, 31) % 400);
  return {
    length,
    columns: {
      stay_id: { values: bigints(length, (i) => BigInt(i + 1)) },
      patient_id: { values: strings(length, (i) => patientId(hash(i, 32) % patients)) },
      facility_id: { values: ints(length, (i) => (hash(i, 33) % SITES) + 1) },
      program_id: { values: ints(length, (i) => (hash(i, 34) % PROGRAMS) + 1) },
      subprogram_id: { values: ints(length, (i) => (hash(i, 35) % 3) + 1) },
      admit_ts: { values: bigints(length, (i) => BigInt(admitSeconds(i)) * 1_000_000n) },
      discharge_ts: {
        values: bigints(
          length,
          (i) => BigInt(admitSeconds(i) + losQuarterDays(i) * 21_600) * 1_000_000n,
        ),
        nulls: mask(length, (i) => i % 11 === 7),
      },
      los_days: { values: floats(length, (i) => losQuarterDays(i) / 4) },
      alc_days: {
        values: floats(length, (i) => (hash(i, 36) % 2 === 1 ? losQuarterDays(i) / 8 : 0)),
      },
      alc_flag: { values: Uint8Array.from({ length }, (_, i) => hash(i, 36) % 2) },
      admission_source: { values: smallInts(length, (i) => i % sources) },
      ed_encounter_id: {
        values: bigints(length, (i) => encounterIdBase + BigInt(hash(i, 37) % encounters)),
        nulls: mask(length, (i) => i % sources !== 0),
      },
      // Transfers come from an earlier stay (self-reference).
      transfer_from_stay_id: {
        values: bigints(length, (i) => BigInt(i === 0 ? 1 : (hash(i, 38) % i) + 1)),
        nulls: mask(length, (i) => i === 0 || i % sources !== 2),
      },
      discharge_disposition: { values: smallInts(length, (i) => hash(i, 39) % 6) },
    },
  };
}

function dimDate(): TableColumns {
  const day = (i: number) => new Date((START_DAY + i) * 86_400_000);
  const fiscalYear = (i: number) => day(i).getUTCFullYear() - (day(i).getUTCMonth() < 3 ? 1 : 0);
  const isoWeekday = (i: number) => ((day(i).getUTCDay() + 6) % 7) + 1;
  return {
    length: DAYS,
    columns: {
      date: { values: ints(DAYS, (i) => START_DAY + i) },
      year: { values: Int16Array.from({ length: DAYS }, (_, i) => day(i).getUTCFullYear()) },
      month: { values: smallInts(DAYS, (i) => day(i).getUTCMonth() + 1) },
      day: { values: smallInts(DAYS, (i) => day(i).getUTCDate()) },
      fiscal_year: { values: Int16Array.from({ length: DAYS }, (_, i) => fiscalYear(i)) },
      fiscal_year_label: {
        values: strings(
          DAYS,
          (i) => `FY${fiscalYear(i)}/${String((fiscalYear(i) + 1) % 100).padStart(2, '0')}`,
        ),
      },
      fiscal_period: { values: smallInts(DAYS, (i) => ((day(i).getUTCMonth() + 9) % 12) + 1) },
      fiscal_quarter: {
        values: smallInts(DAYS, (i) => Math.floor(((day(i).getUTCMonth() + 9) % 12) / 3) + 1),
      },
      iso_year: { values: Int16Array.from({ length: DAYS }, (_, i) => day(i).getUTCFullYear()) },
      iso_week: { values: smallInts(DAYS, (i) => Math.floor(i / 7) + 1) },
      weekday: { values: smallInts(DAYS, isoWeekday) },
      weekday_name: { values: strings(DAYS, (i) => WEEKDAYS[isoWeekday(i) - 1]!) },
      is_weekend: {
        values: Uint8Array.from({ length: DAYS }, (_, i) => (isoWeekday(i) >= 6 ? 1 : 0)),
      },
    },
  };
}

/**
 * A small, foreign-key-consistent dataset over every catalogue table, built as
 * the generators build theirs (typed arrays wrapped as Arrow data), with text
 * that needs escaping, nulls, dates before 1970 and ids beyond 2^32.
 */
export function testDataset(options: TestDatasetOptions): TestDataset {
  const resolved = { batchRows: 4096, variant: 0, ...options };
  const columns = content(resolved);
  const tables = new Map(
    CATALOGUE.map((table) => [
      table.name,
      toBatches(table, columns[table.name]!, resolved.batchRows),
    ]),
  );
  return {
    tables,
    rows: (table) => columns[table]!.length,
    async *streams() {
      for (const table of CATALOGUE) yield { table, batches: tables.get(table.name)! };
    },
  };
}
