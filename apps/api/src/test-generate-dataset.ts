import { defaultScenario } from '@lm-synth/config';
import { writeDataset } from '@lm-synth/export-arrow';
import { type GenerateOptions, generateDataset } from '@lm-synth/generators';

/** Generates a real dataset of the default scenario into `outDir` (Parquet, no DuckDB file), as `lm-synth generate` does. */
export async function generateTestDataset(outDir: string, options: GenerateOptions): Promise<void> {
  await writeDataset(generateDataset(defaultScenario(), options), {
    outDir,
    format: 'parquet',
    duckdb: false,
  });
}
