import { DuckDBInstance } from '@duckdb/node-api';
import { defaultScenario, type Scenario } from '@lm-synth/config';
import { AGE_GROUPS, GENDERS } from '@lm-synth/config/core';
import { SqlSession } from './dataset/sql-session.js';
import { populationCells } from './expectations/population-cells.js';
import type { GateContext } from './gates/gate.js';
import { drawReferenceSample } from './reference/draw-reference-sample.js';
import { testGateContext } from './test-gate-context.js';

/** An open-cohort dataset drawn from the scenario's own model, for the time gates' tests. */
export interface CohortDb {
  readonly sql: SqlSession;
  readonly scenario: Scenario;
  context(): Promise<GateContext>;
  exec(...statements: string[]): Promise<void>;
  close(): void;
}

const DAY_MS = 86_400_000;
const TABLES = ['population_projection', 'patients', 'ed_encounters', 'ip_stays'];

/** Rows as a VALUES list, in chunks DuckDB parses quickly. */
async function insert(
  connection: { run(sql: string): Promise<unknown> },
  table: string,
  rows: string[],
) {
  for (let i = 0; i < rows.length; i += 5_000)
    await connection.run(`INSERT INTO ${table} VALUES ${rows.slice(i, i + 5_000).join(', ')}`);
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * `patients` patients a year for `years` years from the start year, each year's patients
 * resident from January 1 to December 31 (out-migrating then, except in the last year),
 * each standing for population / patients residents; their ED visits and ED and direct
 * admissions drawn from the reference model with seed `seed + year` (stays go to a
 * patient of their age group). population_projection holds the start-year population in
 * every year. Only the columns the time gates read exist.
 */
export async function cohortDb(options: {
  readonly patients: number;
  readonly years: number;
  readonly seed: number;
  readonly scenario?: Scenario;
}): Promise<CohortDb> {
  const scenario = options.scenario ?? defaultScenario();
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const sql = new SqlSession(connection);
  const exec = async (...statements: string[]) => {
    for (const statement of statements) await connection.run(statement);
  };
  await exec(
    `SET TimeZone = 'UTC'`,
    'CREATE TABLE population_projection (year INTEGER, lha_id INTEGER, age_group VARCHAR, gender VARCHAR, population INTEGER)',
    `CREATE TABLE patients (patient_id VARCHAR, lha_id INTEGER, age_group VARCHAR, gender VARCHAR,
       facility_home_id INTEGER, dob DATE, weight DECIMAL(12,4), entry_date DATE, entry_reason VARCHAR,
       exit_date DATE, exit_reason VARCHAR)`,
    `CREATE TABLE ed_encounters (encounter_id BIGINT, patient_id VARCHAR, facility_id INTEGER,
       ed_subservice VARCHAR, arrival_ts TIMESTAMPTZ, dispo VARCHAR)`,
    `CREATE TABLE ip_stays (stay_id BIGINT, patient_id VARCHAR, facility_id INTEGER, admit_ts TIMESTAMPTZ,
       discharge_ts TIMESTAMPTZ, los_days DECIMAL(8,2), admission_source VARCHAR)`,
  );
  const cells = populationCells(scenario);
  const population = cells.reduce((sum, cell) => sum + Math.round(cell.population), 0);
  const weight = population / options.patients;
  const populationRows: string[] = [];
  const patientRows: string[] = [];
  const encounterRows: string[] = [];
  const stayRows: string[] = [];
  for (let y = 0; y < options.years; y++) {
    const year = scenario.startYear + y;
    for (const cell of cells) {
      populationRows.push(
        `(${year}, ${cell.lhaIndex + 1}, '${AGE_GROUPS[cell.ageIndex]}', '${GENDERS[cell.genderIndex]}', ${Math.round(cell.population)})`,
      );
    }
    const sample = drawReferenceSample(scenario, options.patients, year, options.seed + year);
    const january = Date.UTC(year, 0, 1);
    const days = (Date.UTC(year + 1, 0, 1) - january) / DAY_MS;
    const exit = y === options.years - 1 ? 'NULL, NULL' : `DATE '${year}-12-31', 'Out-migration'`;
    const byAge: number[][] = AGE_GROUPS.map(() => []);
    const { patients } = sample;
    for (let i = 0; i < patients.count; i++) {
      const id = `'P${year}-${i}'`;
      const age = patients.ageGroup[i]!;
      byAge[age]!.push(i);
      const dob = isoDay(january - Math.round(patients.ageYears[i]! * 365.25) * DAY_MS);
      patientRows.push(
        `(${id}, ${patients.lha[i]! + 1}, '${AGE_GROUPS[age]}', '${GENDERS[patients.gender[i]!]}', ${patients.homeSite[i]! + 1}, DATE '${dob}', ${weight}, DATE '${year}-01-01', '${y === 0 ? 'Resident' : 'In-migration'}', ${exit})`,
      );
      for (let v = 0; v < patients.edVisits[i]!; v++) {
        const at = january + ((i * 7 + v * 131) % days) * DAY_MS + 10 * 3_600_000;
        encounterRows.push(
          `(${encounterRows.length + 1}, ${id}, ${patients.homeSite[i]! + 1}, 'Adult ED', '${new Date(at).toISOString()}', 'Discharged')`,
        );
      }
    }
    const { stays } = sample;
    const next = AGE_GROUPS.map(() => 0);
    for (let s = 0; s < stays.count; s++) {
      const age = stays.ageGroup[s]!;
      const pool = byAge[age]!;
      if (pool.length === 0) continue;
      const i = pool[next[age]!++ % pool.length]!;
      const los = stays.losDays[s]!;
      // Within the patient's residence: admitted early enough to be discharged by December 31.
      const latest = Math.max(0, days - 1 - Math.ceil(los));
      const admit = january + ((s * 37) % (latest + 1)) * DAY_MS + 12 * 3_600_000;
      stayRows.push(
        `(${stayRows.length + 1}, 'P${year}-${i}', ${patients.homeSite[i]! + 1}, '${new Date(admit).toISOString()}', '${new Date(admit + los * DAY_MS).toISOString()}', ${los}, '${stays.source[s] === 1 ? 'Direct' : 'ED'}')`,
      );
    }
  }
  await insert(connection, 'population_projection', populationRows);
  await insert(connection, 'patients', patientRows);
  await insert(connection, 'ed_encounters', encounterRows);
  await insert(connection, 'ip_stays', stayRows);
  return {
    sql,
    scenario,
    exec,
    context: () =>
      testGateContext(sql, scenario, TABLES, Math.max(options.patients, 20_000), {
        seed: options.seed,
        uniqueQuasiIdentifiers: false,
      }),
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}
