import { arrowSchema, CATALOGUE, type TableDefinition, tableByName } from '@lm-synth/dims';
import { makeData, RecordBatch, Struct } from 'apache-arrow';
import type { TableBatches } from '../write-dataset-types.js';
import { columnData, type FixtureValue } from './column-data.js';
import { fixtureRunMetadata } from './fixture-run-metadata.js';

export interface FixtureDatasetOptions {
  /** Patients to generate (default 300). */
  readonly patients?: number;
  /** Rows per incoming record batch (default 1,000): vary it to show outputs do not depend on it. */
  readonly batchRows?: number;
  /** Varies every drawn value (default 1). */
  readonly seed?: number;
  /** Include ed_encounters (default true). */
  readonly withEd?: boolean;
  /** Include ip_stays and capacity_daily (default true). */
  readonly withIp?: boolean;
}

const AGE_GROUPS = domainOf('dim_age_group', 'age_group');
const GENDERS = domainOf('dim_gender', 'gender');
const ED_SUBSERVICES = domainOf('ed_baseline_rates', 'ed_subservice');
const ED_DISPOSITIONS = domainOf('ed_encounters', 'dispo');
const SITES = [
  ['LM-SNW', 'Snowberry General'],
  ['LM-BLH', 'Blue Heron Medical'],
  ['LM-SLM', 'Salmon Run Hospital'],
  ['LM-MSC', 'Mossy Cedar Community, "Old" Wing'],
] as const;
const LHAS = [
  ['Lakeside Plains', 1],
  ['Blueberry Meadows', 2],
  ['Silver Falls', 3],
  ['Cedar Heights', 4],
] as const;
const PROGRAMS = [
  ['Medicine', ['General Medicine', 'Hospitalist', 'ACE (Acute Care for Elderly)']],
  ['Surgery / Periop', ['Operating Room', 'PACU/Day Surgery', 'Surgical Inpatient Unit']],
  ['Critical Care', ['ICU (Med-Surg)', 'High Acuity/Step-Down', 'Rapid Response/Outreach']],
] as const;
const MIN_AGES = [0, 5, 15, 25, 45, 65, 75, 85];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const DAY_MICROS = 86_400_000_000;

/**
 * A small, fictional, FK-consistent dataset covering every catalogue table,
 * as the generators would stream it: catalogue order, dimensions first. It
 * includes nulls in every nullable column, text that needs CSV quoting
 * (commas, quotes, a newline, non-ASCII) and an empty string.
 */
/** A fixture table: batches are an array, so a test can reuse and re-cut them. */
export interface FixtureTable extends TableBatches {
  readonly batches: readonly RecordBatch[];
}

export function fixtureDataset(options: FixtureDatasetOptions = {}): FixtureTable[] {
  const batchRows = options.batchRows ?? 1_000;
  const run = fixtureRunMetadata(options);
  const { withEd, withIp } = run;
  const random = seededRandom(run.seed);
  const columns = new Map<string, Record<string, FixtureValue[]>>();

  columns.set('dim_site', {
    site_id: SITES.map((_, i) => i + 1),
    site_code: SITES.map(([code]) => code),
    site_name: SITES.map(([, name]) => name),
  });
  columns.set('dim_program', {
    program_id: PROGRAMS.map((_, i) => i + 1),
    program_name: PROGRAMS.map(([name]) => name),
  });
  const subprograms = PROGRAMS.flatMap(([, subs], p) =>
    subs.map((name, s) => [p + 1, s + 1, name] as const),
  );
  columns.set('dim_subprogram', {
    program_id: subprograms.map(([p]) => p),
    subprogram_id: subprograms.map(([, s]) => s),
    subprogram_name: subprograms.map(([, , name]) => name),
    care_setting: subprograms.map(() => 'inpatient'),
  });
  columns.set('dim_lha', {
    lha_id: LHAS.map((_, i) => i + 1),
    lha_name: LHAS.map(([name]) => name),
    default_site_id: LHAS.map(([, site]) => site),
  });
  columns.set('dim_age_group', {
    age_group: [...AGE_GROUPS],
    sort_order: AGE_GROUPS.map((_, i) => i + 1),
    min_age: MIN_AGES,
    max_age: MIN_AGES.map((_, i) => (i + 1 < MIN_AGES.length ? MIN_AGES[i + 1]! - 1 : null)),
  });
  columns.set('dim_gender', { gender: [...GENDERS], sort_order: GENDERS.map((_, i) => i + 1) });

  const firstDay = Date.UTC(run.startYear, 0, 1) / 86_400_000;
  const lastDay = Date.UTC(run.startYear + run.horizonYears, 0, 1) / 86_400_000;
  const days = range(lastDay - firstDay).map((i) => firstDay + i);
  columns.set('dim_date', dateColumns(days));
  columns.set('dim_scenario', {
    scenario_id: ['baseline', 'what-if'],
    // The word NULL as text: MySQL's LOAD DATA would read it as SQL NULL were it not quoted.
    scenario_name: ['NULL', 'Café growth, "high"'],
    description: ['', 'Growth of 2%, then\na second line; "quoted", and accents: Sẹ́lwyn Café'],
    parameter_overrides: ['{}', '{"growth":{"ed":1.02},"note":"a, b"}'],
    scenario_hash: ['sha256:'.padEnd(71, '0'), 'sha256:'.padEnd(71, '1')],
    time_zone: ['America/Vancouver', 'Australia/Sydney'],
  });

  const years = range(run.horizonYears).map((i) => run.startYear + i);
  const population = cross(
    years,
    LHAS.map((_, i) => i + 1),
    [...AGE_GROUPS],
    [...GENDERS],
  );
  columns.set('population_projection', {
    year: population.map(([year]) => year),
    lha_id: population.map(([, lha]) => lha),
    age_group: population.map(([, , age]) => age),
    gender: population.map(([, , , gender]) => gender),
    population: population.map(() => 100 + Math.floor(random() * 5_000)),
  });
  const rates = cross(
    LHAS.map((_, i) => i + 1),
    [...AGE_GROUPS],
    [...GENDERS],
    [...ED_SUBSERVICES],
  );
  columns.set('ed_baseline_rates', {
    lha_id: rates.map(([lha]) => lha),
    age_group: rates.map(([, age]) => age),
    gender: rates.map(([, , gender]) => gender),
    ed_subservice: rates.map(([, , , sub]) => sub),
    baserate_per_1000: rates.map(() => round(random() * 400, 2)),
  });

  // Each LHA's visits: 90% at its default site and 10% at site 1 (all of them for LHA 1).
  const routing = cross(
    LHAS.map((_, i) => i + 1),
    [...ED_SUBSERVICES],
  ).flatMap(([lha, sub]) =>
    lha === 1
      ? [{ lha, sub, site: 1, share: 1 }]
      : [
          { lha, sub, site: 1, share: 0.1 },
          { lha, sub, site: LHAS[lha - 1]![1], share: 0.9 },
        ],
  );
  columns.set('ed_routing', {
    lha_id: routing.map((row) => row.lha),
    ed_subservice: routing.map((row) => row.sub),
    facility_id: routing.map((row) => row.site),
    share: routing.map((row) => row.share),
  });

  const patients = range(run.patients).map((i) => {
    const lha = 1 + Math.floor(random() * LHAS.length);
    const ageIndex = Math.floor(random() * AGE_GROUPS.length);
    const age = MIN_AGES[ageIndex]! + Math.floor(random() * 5);
    return {
      id: patientId(i, run.seed),
      lha,
      site: random() < 0.9 ? LHAS[lha - 1]![1] : 1 + Math.floor(random() * SITES.length),
      ageGroup: AGE_GROUPS[ageIndex]!,
      gender: GENDERS[Math.floor(random() * 2.04) % GENDERS.length]!,
      dob: firstDay - age * 365 - Math.floor(random() * 365),
      primarySub:
        ageIndex < 2 ? 'Pediatric ED' : random() < 0.8 ? 'Adult ED' : 'Urgent Care Centre',
      rate: round(random() * 3, 4),
      visits: Math.floor(random() * 3),
    };
  });
  columns.set('patients', {
    patient_id: patients.map((p) => p.id),
    lha_id: patients.map((p) => p.lha),
    facility_home_id: patients.map((p) => p.site),
    age_group: patients.map((p) => p.ageGroup),
    gender: patients.map((p) => p.gender),
    dob: patients.map((p) => p.dob),
    primary_ed_subservice: patients.map((p) => p.primarySub),
    expected_ed_rate: patients.map((p) => p.rate),
    ed_visits_year: patients.map((p) => p.visits),
    // The open cohort's columns, without drawing from the random stream (so every other
    // value stays as before): residents of the start year standing for 1,000 people each;
    // every seventh leaves during it.
    weight: patients.map(() => 1000),
    entry_date: patients.map(() => firstDay),
    entry_reason: patients.map(() => 'Resident'),
    exit_date: patients.map((_, i) => (i % 7 === 6 ? firstDay + ((i * 37) % 365) : null)),
    exit_reason: patients.map((_, i) => (i % 7 === 6 ? 'Out-migration' : null)),
  });

  const yearMicros = 365 * DAY_MICROS;
  const startMicros = firstDay * DAY_MICROS;
  const encounters = withEd
    ? patients.flatMap((patient) =>
        range(patient.visits).map(() => ({
          patient,
          arrival: startMicros + Math.floor(random() * (yearMicros / 1e6)) * 1e6,
        })),
      )
    : [];
  const encounterIdsByPatient = new Map<string, number>();
  encounters.forEach(({ patient }, i) => {
    encounterIdsByPatient.set(patient.id, i + 1);
  });
  columns.set('ed_encounters', {
    encounter_id: encounters.map((_, i) => i + 1),
    patient_id: encounters.map(({ patient }) => patient.id),
    facility_id: encounters.map(({ patient }) => patient.site),
    ed_subservice: encounters.map(({ patient }) => patient.primarySub),
    arrival_ts: encounters.map(({ arrival }) => arrival),
    acuity: encounters.map(() => (random() < 0.05 ? null : 1 + Math.floor(random() * 5))),
    dispo: encounters.map(() =>
      random() < 0.05 ? null : ED_DISPOSITIONS[Math.floor(random() * ED_DISPOSITIONS.length)]!,
    ),
  });

  const admitted = withIp ? patients.filter(() => random() < 0.2) : [];
  const stays = admitted.map((patient, i) => {
    const program = 1 + Math.floor(random() * PROGRAMS.length);
    const los = Math.max(0.25, round(random() * 20, 2));
    const admit = startMicros + Math.floor(random() * (yearMicros / 1e6)) * 1e6;
    const edEncounter = encounterIdsByPatient.get(patient.id) ?? null;
    const source = edEncounter !== null ? 'ED' : i > 0 && random() < 0.3 ? 'Transfer' : 'Direct';
    return {
      patient,
      program,
      subprogram: 1 + Math.floor(random() * 3),
      admit,
      discharge: random() < 0.03 ? null : admit + Math.round(los * 86_400) * 1e6,
      los,
      alc: los >= 10 && random() < 0.5,
      source,
      edEncounter,
      transferFrom: source === 'Transfer' ? 1 + Math.floor(random() * i) : null,
    };
  });
  columns.set('ip_stays', {
    stay_id: stays.map((_, i) => i + 1),
    patient_id: stays.map((s) => s.patient.id),
    facility_id: stays.map((s) => s.patient.site),
    program_id: stays.map((s) => s.program),
    subprogram_id: stays.map((s) => s.subprogram),
    admit_ts: stays.map((s) => s.admit),
    discharge_ts: stays.map((s) => s.discharge),
    los_days: stays.map((s) => s.los),
    // ALC stays spend their second half waiting (derived, so the random stream is unchanged).
    alc_days: stays.map((s) => (s.alc ? round(s.los / 2, 2) : 0)),
    alc_flag: stays.map((s) => s.alc),
    admission_source: stays.map((s) => s.source),
    ed_encounter_id: stays.map((s) => s.edEncounter),
    transfer_from_stay_id: stays.map((s) => s.transferFrom),
    discharge_disposition: stays.map((_, i) => (i % 10 === 9 ? 'Home with support' : 'Home')),
  });

  const capacity = withIp
    ? cross(
        days,
        SITES.map((_, i) => i + 1),
      )
    : [];
  const beds = capacity.map(() => 80 + Math.floor(random() * 40));
  const census = beds.map((b) => Math.floor(b * (0.7 + random() * 0.35)));
  columns.set('capacity_daily', {
    date: capacity.map(([day]) => day),
    site_id: capacity.map(([, site]) => site),
    staffed_beds: beds,
    physical_beds: beds.map((b) => b + 10),
    nhppd: capacity.map(() => round(6 + random() * 4, 2)),
    census,
    occupancy: census.map((c, i) => round(c / beds[i]!, 4)),
  });

  return CATALOGUE.filter(
    (table) => (table.requires !== 'ed' || withEd) && (table.requires !== 'ip' || withIp),
  ).map((table) => ({ table, batches: toBatches(table, columns.get(table.name)!, batchRows) }));
}

function toBatches(
  table: TableDefinition,
  values: Record<string, FixtureValue[]>,
  batchRows: number,
): RecordBatch[] {
  const schema = arrowSchema(table);
  const length = values[table.columns[0]!.name]!.length;
  const children = table.columns.map((column, i) => {
    const columnValues = values[column.name];
    if (!columnValues || columnValues.length !== length) {
      throw new Error(`fixture ${table.name}.${column.name}: missing or wrong length`);
    }
    return columnData(column, schema.fields[i]!, columnValues);
  });
  const whole = new RecordBatch(
    schema,
    makeData({ type: new Struct(schema.fields), length, nullCount: 0, children }),
  );
  return range(Math.ceil(length / batchRows)).map((i) =>
    whole.slice(i * batchRows, Math.min(length, (i + 1) * batchRows)),
  );
}

function dateColumns(days: readonly number[]): Record<string, FixtureValue[]> {
  const dates = days.map((day) => new Date(day * 86_400_000));
  const fiscalYear = (d: Date) =>
    d.getUTCMonth() >= 3 ? d.getUTCFullYear() : d.getUTCFullYear() - 1;
  const fiscalPeriod = (d: Date) => ((d.getUTCMonth() + 9) % 12) + 1;
  const isoWeekday = (d: Date) => ((d.getUTCDay() + 6) % 7) + 1;
  // ISO week: the week holding the Thursday of this week, counted from the year's first Thursday.
  const isoThursday = (d: Date) => new Date(d.getTime() + (4 - isoWeekday(d)) * 86_400_000);
  const isoWeek = (d: Date) => {
    const thursday = isoThursday(d);
    const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
    return Math.floor((thursday.getTime() - yearStart) / 86_400_000 / 7) + 1;
  };
  return {
    date: [...days],
    year: dates.map((d) => d.getUTCFullYear()),
    month: dates.map((d) => d.getUTCMonth() + 1),
    day: dates.map((d) => d.getUTCDate()),
    fiscal_year: dates.map(fiscalYear),
    fiscal_year_label: dates.map(
      (d) => `FY${fiscalYear(d)}/${String((fiscalYear(d) + 1) % 100).padStart(2, '0')}`,
    ),
    fiscal_period: dates.map(fiscalPeriod),
    fiscal_quarter: dates.map((d) => Math.ceil(fiscalPeriod(d) / 3)),
    iso_year: dates.map((d) => isoThursday(d).getUTCFullYear()),
    iso_week: dates.map(isoWeek),
    weekday: dates.map(isoWeekday),
    weekday_name: dates.map((d) => WEEKDAYS[isoWeekday(d) - 1]!),
    is_weekend: dates.map((d) => isoWeekday(d) >= 6),
  };
}

/** mulberry32 (Tommy Ettinger's 32-bit generator): enough for fixtures, no global state. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** P + 12 hex digits; multiplying by an odd constant modulo 2^48 keeps ids distinct. */
function patientId(index: number, seed: number): string {
  const scrambled = (BigInt(index) * 0x5deece66dn + BigInt(seed)) & 0xffff_ffff_ffffn;
  return `P${scrambled.toString(16).padStart(12, '0')}`;
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

function cross<A, B>(a: readonly A[], b: readonly B[]): [A, B][];
function cross<A, B, C, D>(
  a: readonly A[],
  b: readonly B[],
  c: readonly C[],
  d: readonly D[],
): [A, B, C, D][];
function cross(...lists: (readonly unknown[])[]): unknown[][] {
  return lists.reduce<unknown[][]>(
    (rows, list) => rows.flatMap((row) => list.map((value) => [...row, value])),
    [[]],
  );
}

/** The closed domain of an enum column, read from the catalogue. */
function domainOf(tableName: string, columnName: string): readonly string[] {
  const type = tableByName(tableName).columns.find((column) => column.name === columnName)?.type;
  if (type?.kind !== 'enum' || type.values === null) {
    throw new Error(`${tableName}.${columnName} is not an enum with a fixed domain`);
  }
  return type.values;
}
