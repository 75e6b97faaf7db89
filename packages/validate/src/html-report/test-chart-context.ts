import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultScenario } from '@lm-synth/config';
import { afterAll, beforeAll } from 'vitest';
import {
  openValidationDataset,
  type ValidationDataset,
} from '../dataset/open-validation-dataset.js';
import { writeTestDataset } from '../test-write-dataset.js';
import type { ChartContext, ChartDataset } from './chart-types.js';
import { prepareChartTables } from './prepare-chart-tables.js';

/**
 * A real dataset of the default scenario (2,000 patients over the horizon), generated once
 * per test file and opened as a chart reads it; `compare` adds a second one (another seed).
 */
export function useChartContext(options: { readonly compare?: boolean } = {}): {
  context(): ChartContext;
} {
  let root: string;
  const opened: ValidationDataset[] = [];
  let context: ChartContext | undefined;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'lm-synth-report-chart-'));
    const side = async (name: string, seed: number): Promise<ChartDataset> => {
      const dir = join(root, name);
      await writeTestDataset(dir, { patients: 2_000, seed });
      const dataset = await openValidationDataset(dir);
      opened.push(dataset);
      const recorded = dataset.dataset.manifest.lm_synth;
      return {
        dir,
        sql: dataset.sql,
        run: { ...recorded, timeZone: recorded.timeZone ?? 'UTC' },
        rowCounts: dataset.rowCounts,
      };
    };
    const main = await side('main', 3);
    context = {
      ...main,
      scenario: defaultScenario(),
      ...(options.compare ? { compare: await side('other', 4) } : {}),
    };
    await prepareChartTables(context);
  });
  afterAll(async () => {
    for (const dataset of opened) dataset.close();
    if (root) await rm(root, { recursive: true, force: true });
  });
  return {
    context() {
      if (!context) throw new Error('the chart dataset is not ready');
      return context;
    },
  };
}
