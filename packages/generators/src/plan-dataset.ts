import { availableParallelism } from 'node:os';
import { type Scenario, scenarioWithYears } from '@lm-synth/config/core';
import { CATALOGUE, type TableDefinition } from '@lm-synth/dims';
import { civilDate } from './civil-date.js';
import { type CohortPlan, cohortPlan } from './cohort-plan.js';
import type { GenerateOptions, ResolvedGenerateOptions } from './generate-options.js';
import { PATIENTS_PER_BLOCK } from './generator-context.js';
import { GeneratorInputError } from './generator-input-error.js';
import {
  type QuasiIdentifierCapacity,
  quasiIdentifierCapacity,
} from './quasi-identifier-capacity.js';

/** A checked generation run: what `generateDataset` will produce, known before any row is made. */
export interface DatasetPlan {
  /** The scenario with the startYear / horizonYears options applied. */
  readonly scenario: Scenario;
  readonly options: ResolvedGenerateOptions;
  /**
   * Worker threads the run starts: options.workers, but at most one per 8 blocks of 4,096
   * patients and none for fewer than 16 blocks, as a thread costs more to start
   * than it saves on fewer; 0 generates in the calling thread.
   */
  readonly threads: number;
  /** Tables in emission (catalogue) order. */
  readonly tables: readonly TableDefinition[];
  /** The fullest group of patients against the birth dates available to it. */
  readonly quasiIdentifiers: QuasiIdentifierCapacity;
  /** The open cohort: residents, the entrants of each year and the exit rates. */
  readonly cohort: CohortPlan;
  /** In-migrants' unique dates of birth, dealt once here (with uniqueQuasiIdentifiers). */
  readonly migrantBirthDates: Int32Array | null;
}

const DEFAULT_BATCH_SIZE = 65_536;
/**
 * Worker threads by default: one fewer than the cores, since writing (DuckDB's appender and
 * Parquet encoder) keeps a core busy too; none on 2 cores, where at 1,000,000 patients
 * generating in the main thread took about a quarter less CPU time and wall time than two
 * workers competing with DuckDB, and about 10% less than one worker.
 */
function defaultWorkers(): number {
  const cores = availableParallelism();
  return cores > 2 ? cores - 1 : 0;
}
const BLOCKS_PER_THREAD = 8;
/** Below this, generating in the calling thread is quicker than starting any worker. */
const MIN_BLOCKS_FOR_THREADS = 2 * BLOCKS_PER_THREAD;
const MAX_BATCH_SIZE = 16_777_216;
const MAX_WORKERS = 256;
// The same bounds as the scenario file (packages/config scenario-input-schema).
const MAX_PATIENTS = 10_000_000;
const MAX_INT32 = 2_147_483_647;

function integerIn(name: string, value: number, min: number, max: number): number {
  if (!(Number.isInteger(value) && value >= min && value <= max)) {
    throw new GeneratorInputError(
      `${name} must be an integer from ${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')} (got ${String(value)})`,
    );
  }
  return value;
}

function booleanOption(name: string, value: boolean): boolean {
  if (typeof value !== 'boolean') {
    throw new GeneratorInputError(`${name} must be true or false (got ${String(value)})`);
  }
  return value;
}

const count = (value: number) => value.toLocaleString('en-US');

function startPopulation(scenario: Scenario): number {
  return scenario.lhas.reduce((sum, lha) => sum + lha.basePopulation, 0);
}

/**
 * Validates options against the scenario and checks, before any work, that the
 * patients can have unique quasi-identifiers when asked to. Throws a
 * GeneratorInputError (isInputError) that says what is wrong and how to fix it.
 */
export function planDataset(scenario: Scenario, options: GenerateOptions = {}): DatasetPlan {
  const startYear = integerIn('startYear', options.startYear ?? scenario.startYear, 1900, 2200);
  const horizonYears = integerIn(
    'horizonYears',
    options.horizonYears ?? scenario.horizonYears,
    1,
    50,
  );
  const resolved: ResolvedGenerateOptions = {
    // 'all': every resident of the start year (weight 1).
    patients: integerIn(
      'patients',
      options.patients === 'all'
        ? startPopulation(scenario)
        : (options.patients ?? scenario.patients),
      1,
      MAX_PATIENTS,
    ),
    startYear,
    horizonYears,
    encounterYears: integerIn(
      'encounterYears',
      options.encounterYears ?? horizonYears,
      1,
      horizonYears,
    ),
    withEd: booleanOption('withEd', options.withEd ?? true),
    withIp: booleanOption('withIp', options.withIp ?? true),
    seed: integerIn('seed', options.seed ?? scenario.seed, 0, 4_294_967_295),
    workers: integerIn('workers', options.workers ?? defaultWorkers(), 0, MAX_WORKERS),
    batchSize: integerIn('batchSize', options.batchSize ?? DEFAULT_BATCH_SIZE, 1, MAX_BATCH_SIZE),
    uniqueQuasiIdentifiers: booleanOption(
      'uniqueQuasiIdentifiers',
      options.uniqueQuasiIdentifiers ?? true,
    ),
  };
  // Ages are taken at the reference date: encounters before it could precede a birth.
  const reference = civilDate.parse(scenario.referenceDate);
  if (civilDate.fromParts(startYear, 1, 1) < reference) {
    const [year, month, day] = civilDate.toParts(reference);
    const earliest = month === 1 && day === 1 ? year : year + 1;
    throw new GeneratorInputError(
      `startYear ${startYear} begins before the reference date ${scenario.referenceDate}, at which patients' ages are taken, ` +
        `so some patients would be seen before they are born: use a start year from ${earliest}, or an earlier reference_date`,
    );
  }
  // The input and overrides too, so the scenario written beside the dataset loads back to this one.
  const effective = scenarioWithYears(scenario, startYear, horizonYears);
  for (const lha of effective.lhas) {
    const last = Math.round(
      lha.basePopulation * (1 + lha.annualGrowthPct / 100) ** (horizonYears - 1),
    );
    if (last > MAX_INT32) {
      throw new GeneratorInputError(
        `the population of ${lha.name} would reach ${count(last)} by ${effective.endYear}, more than population_projection.population (INT) holds`,
      );
    }
  }
  const { capacity: quasiIdentifiers, migrantBirthDates } = quasiIdentifierCapacity(
    effective,
    resolved.patients,
    resolved.encounterYears,
    resolved.seed,
    resolved.uniqueQuasiIdentifiers,
  );
  if (
    resolved.uniqueQuasiIdentifiers &&
    quasiIdentifiers.patientsInCell > quasiIdentifiers.birthDates
  ) {
    const q = quasiIdentifiers;
    throw new GeneratorInputError(
      `${count(resolved.patients)} patients cannot all have a unique (date of birth, LHA, gender): ` +
        `the fullest group, ${q.lha} / ${q.gender} / ${q.ageGroup}, would hold ${count(q.patientsInCell)} patients ` +
        `but only ${count(q.birthDates)} birth dates are free for it. ` +
        `Use at most about ${count(q.maxUniquePatients)} patients, or pass ` +
        '{ uniqueQuasiIdentifiers: false } to allow duplicate quasi-identifiers; ' +
        'the manifest records that choice and validate then reports k-anonymity instead of failing.',
    );
  }
  const tables = CATALOGUE.filter(
    (table) =>
      (table.requires !== 'ed' || resolved.withEd) && (table.requires !== 'ip' || resolved.withIp),
  );
  // Blocks cut every patient of the open cohort: the residents and the entrants after them.
  const cohort = cohortPlan(effective, resolved.patients, resolved.encounterYears);
  const blocks = Math.ceil(cohort.total / PATIENTS_PER_BLOCK);
  const threads = Math.min(resolved.workers, Math.floor(blocks / BLOCKS_PER_THREAD));
  return {
    scenario: effective,
    options: resolved,
    threads: blocks >= MIN_BLOCKS_FOR_THREADS ? threads : 0,
    tables,
    quasiIdentifiers,
    cohort,
    migrantBirthDates: resolved.uniqueQuasiIdentifiers ? migrantBirthDates : null,
  };
}
