import { defaultScenario } from '@lm-synth/config';
import type { Table } from 'apache-arrow';
import { generateInMemory } from './generate-in-memory.js';
import type { GenerateOptions } from './generate-options.js';

const cache = new Map<string, Promise<Record<string, Table>>>();

/** The default scenario generated in the test thread with these options, once per test file. */
export function testDataset(options: GenerateOptions): Promise<Record<string, Table>> {
  const key = JSON.stringify(options);
  let dataset = cache.get(key);
  if (!dataset) {
    dataset = generateInMemory(defaultScenario(), { workers: 0, ...options });
    cache.set(key, dataset);
  }
  return dataset;
}
