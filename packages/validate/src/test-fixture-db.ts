import { DuckDBInstance } from '@duckdb/node-api';
import {
  AGE_GROUPS,
  defaultScenario,
  GENDERS,
  projectPopulation,
  type Scenario,
} from '@lm-synth/config';
import { buildDimensionTables, CATALOGUE } from '@lm-synth/dims';
import { duckdbColumnType, quoteIdentifier } from '@lm-synth/export-arrow';
import { SqlSession } from './dataset/sql-session.js';
import type { GateContext } from './gates/gate.js';
import type { DatasetSummary } from './report/validation-report.js';
import { testGateContext } from './test-gate-context.js';

/** A hand-made dataset in an in-memory DuckDB, for gate unit tests. */
export interface FixtureDb {
  readonly sql: SqlSession;
  /** A gate context over the tables as they are now (row counts re-read). */
  context(run?: Partial<DatasetSummary['run']>): Promise<GateContext>;
  exec(...statements: string[]): Promise<void>;
  close(): void;
}

const TABLES = [
  'dim_site',
  'dim_program',
  'dim_subprogram',
  'dim_lha',
  'dim_age_group',
  'dim_gender',
  'patients',
  'ed_encounters',
  'ip_stays',
  'population_projection',
];

const literal = (value: unknown) =>
  value === null
    ? 'NULL'
    : typeof value === 'string'
      ? `'${value.replaceAll("'", "''")}'`
      : String(value);

/**
 * Six patients of the default scenario, residents of the start year (an open cohort's
 * columns, nobody entering or leaving), with consistent ED visits and stays (an ED
 * admission, a transfer, a direct admission) and the scenario's population projection:
 * every integrity gate passes on it, and a test plants one defect with SQL.
 */
export async function fixtureDb(scenario: Scenario = defaultScenario()): Promise<FixtureDb> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const sql = new SqlSession(connection);
  const exec = async (...statements: string[]) => {
    for (const statement of statements) await connection.run(statement);
  };
  await exec(`SET TimeZone = 'UTC'`);
  for (const name of TABLES) {
    const table = CATALOGUE.find((entry) => entry.name === name)!;
    const columns = table.columns.map(
      (c) => `${quoteIdentifier(c.name)} ${duckdbColumnType(c.type, 'final')}`,
    );
    await exec(`CREATE TABLE ${name} (${columns.join(', ')})`);
  }
  const dims = buildDimensionTables(scenario) as unknown as Record<
    string,
    Record<string, ArrayLike<unknown>>
  >;
  for (const name of TABLES.slice(0, 6)) {
    const columns = dims[name]!;
    const names = Object.keys(columns);
    const rows = Array.from(
      { length: columns[names[0]!]!.length },
      (_, i) => `(${names.map((column) => literal(columns[column]![i])).join(', ')})`,
    );
    await exec(`INSERT INTO ${name} (${names.join(', ')}) VALUES ${rows.join(', ')}`);
  }
  // Residents of 1 January of the start year, each standing for 1,000 people, none leaving.
  const RESIDENT = `1000, DATE '${scenario.startYear}-01-01', 'Resident', NULL, NULL`;
  await exec(
    `INSERT INTO patients VALUES
      ('P000000000001', 1, 11, '25-44', 'Female', DATE '1990-06-15', 'Adult ED', 0.3, 2, ${RESIDENT}),
      ('P000000000002', 5, 1, '0-4', 'Male', DATE '2022-03-01', 'Pediatric ED', 0.5, 1, ${RESIDENT}),
      ('P000000000003', 2, 6, '85+', 'Other', DATE '1935-01-02', 'Adult ED', 1.0, 1, ${RESIDENT}),
      ('P000000000004', 3, 10, '65-74', 'Female', DATE '1955-01-01', 'Adult ED', 0.4, 0, ${RESIDENT}),
      ('P000000000005', 1, 11, '5-14', 'Female', DATE '2014-12-31', 'Pediatric ED', 0.3, 0, ${RESIDENT}),
      ('P000000000006', 4, 4, '15-24', 'Male', DATE '2010-01-01', 'Adult ED', 0.3, 0, ${RESIDENT})`,
    `INSERT INTO ed_encounters VALUES
      (1, 'P000000000001', 11, 'Adult ED', TIMESTAMP '2025-02-03 10:00:00', 3, 'Discharged'),
      (2, 'P000000000001', 11, 'Adult ED', TIMESTAMP '2025-05-01 08:00:00', 2, 'Admitted'),
      (3, 'P000000000002', 1, 'Pediatric ED', TIMESTAMP '2025-01-20 19:30:00', 4, 'Discharged'),
      (4, 'P000000000003', 6, 'Adult ED', TIMESTAMP '2025-07-07 02:15:00', 2, 'Admitted')`,
    `INSERT INTO ip_stays VALUES
      (1, 'P000000000001', 11, 1, 1, TIMESTAMP '2025-05-01 12:00:00', TIMESTAMP '2025-05-07 00:00:00', 5.5, 0, false, 'ED', 2, NULL, 'Home'),
      (2, 'P000000000003', 6, 1, 3, TIMESTAMP '2025-07-07 06:15:00', TIMESTAMP '2025-07-16 12:15:00', 9.25, 4, true, 'ED', 4, NULL, 'Other facility'),
      (3, 'P000000000003', 11, 1, 1, TIMESTAMP '2025-07-16 14:15:00', TIMESTAMP '2025-07-19 14:15:00', 3, 0, false, 'Transfer', NULL, 2, 'Home'),
      (4, 'P000000000004', 10, 5, 2, TIMESTAMP '2025-03-10 09:00:00', TIMESTAMP '2025-03-10 21:00:00', 0.5, 0, false, 'Direct', NULL, NULL, 'Home')`,
  );
  // The scenario's own projection, as the generator writes it.
  const { population } = projectPopulation(scenario);
  const cellsPerLha = AGE_GROUPS.length * GENDERS.length;
  const cellsPerYear = scenario.lhas.length * cellsPerLha;
  const projection = Array.from(population, (count, i) => {
    const year = scenario.startYear + Math.floor(i / cellsPerYear);
    const lhaId = Math.floor((i % cellsPerYear) / cellsPerLha) + 1;
    const age = AGE_GROUPS[Math.floor(i / GENDERS.length) % AGE_GROUPS.length]!;
    return `(${year}, ${lhaId}, '${age}', '${GENDERS[i % GENDERS.length]}', ${count})`;
  });
  await exec(`INSERT INTO population_projection VALUES ${projection.join(', ')}`);
  return {
    sql,
    exec,
    context: (run = {}) => testGateContext(sql, scenario, TABLES, 2_000, run),
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}
