import type { Scenario } from '@lm-synth/config/core';
import { arrowSchema } from '@lm-synth/dims';
import { type RecordBatch, Table } from 'apache-arrow';
import { generateDataset } from './generate-dataset.js';
import type { GenerateOptions } from './generate-options.js';

/**
 * A whole dataset in memory, one Arrow table per catalogue table name: handy
 * for small runs, tests and notebooks. Use generateDataset to stream large ones.
 */
export async function generateInMemory(
  scenario: Scenario,
  options: GenerateOptions = {},
): Promise<Record<string, Table>> {
  const tables: Record<string, Table> = {};
  for await (const { table, batches } of generateDataset(scenario, options)) {
    const collected: RecordBatch[] = [];
    for await (const batch of batches) collected.push(batch);
    tables[table.name] = new Table(arrowSchema(table), collected);
  }
  return tables;
}
