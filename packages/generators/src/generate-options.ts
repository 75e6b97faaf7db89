/** What to generate; every field defaults from the scenario or as documented. */
export interface GenerateOptions {
  /**
   * Residents sampled at the start (default: scenario.patients); entrants (births, in-migrants)
   * join them over the encounter years. 'all' samples every resident, each of weight 1.
   */
  readonly patients?: number | 'all';
  /** First projection year (default: scenario.startYear). */
  readonly startYear?: number;
  /** Projection years, which dim_date, population_projection and capacity_daily cover (default: scenario.horizonYears). */
  readonly horizonYears?: number;
  /** Years of ED encounters, inpatient stays and capacity, counted from the start year (default: the whole horizon). */
  readonly encounterYears?: number;
  /** Generate ed_encounters (default true). */
  readonly withEd?: boolean;
  /** Generate ip_stays and capacity_daily (default true). */
  readonly withIp?: boolean;
  /** Run seed, an integer in [0, 2^32) (default: scenario.seed). */
  readonly seed?: number;
  /**
   * Worker threads (default: the cores minus one, none on 2 cores); 0 generates in the calling thread.
   * At most one thread runs per 32,768 patients (see DatasetPlan.threads). Never changes the rows.
   */
  readonly workers?: number;
  /** Rows per emitted record batch (default 65,536). Never changes the rows. */
  readonly batchSize?: number;
  /**
   * No two patients share (date of birth, LHA, gender) (default true). Only possible while every
   * LHA x gender x age group cell has fewer patients than its age band has birth dates.
   */
  readonly uniqueQuasiIdentifiers?: boolean;
}

/** GenerateOptions with every default filled in. */
export type ResolvedGenerateOptions = {
  readonly [K in keyof GenerateOptions]-?: NonNullable<GenerateOptions[K]>;
} & { readonly patients: number };
