import { defaultScenario, type Scenario } from '@lm-synth/config';
import { type OutputFormat, type PartitionColumn, writeDataset } from '@lm-synth/export-arrow';
import { generateDataset } from '@lm-synth/generators';

export interface TestDatasetOptions {
  readonly patients: number;
  readonly seed: number;
  readonly format?: OutputFormat;
  /** The scenario rows are drawn from (default: the packaged defaults); the manifest names it. */
  readonly scenario?: Scenario;
  readonly uniqueQuasiIdentifiers?: boolean;
  readonly partitionBy?: readonly PartitionColumn[];
  /** Years of the open cohort, encounters and capacity (default: the horizon, as the CLI). */
  readonly encounterYears?: number;
}

/** Generates a dataset with the real generator and writes it (no DuckDB file) into `outDir`. */
export async function writeTestDataset(outDir: string, options: TestDatasetOptions): Promise<void> {
  const scenario = options.scenario ?? defaultScenario();
  const uniqueQuasiIdentifiers = options.uniqueQuasiIdentifiers ?? true;
  await writeDataset(
    generateDataset(scenario, {
      patients: options.patients,
      seed: options.seed,
      workers: 0,
      uniqueQuasiIdentifiers,
      ...(options.encounterYears === undefined ? {} : { encounterYears: options.encounterYears }),
    }),
    {
      outDir,
      format: options.format ?? 'parquet',
      duckdb: false,
      ...(options.partitionBy ? { partitionBy: options.partitionBy } : {}),
    },
  );
}
