import { defaultScenario } from '@lm-synth/config';
import { type RecordBatch, Table, tableToIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { DatasetRun } from './dataset-run.js';
import type { GenerateOptions } from './generate-options.js';
import { planDataset } from './plan-dataset.js';

const scenario = defaultScenario();

/** Every table of a run as Arrow IPC bytes, with the patients pass holding up to `heldBytesLimit`. */
async function ipcByTable(
  options: GenerateOptions,
  heldBytesLimit?: number,
): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for await (const { table, batches } of new DatasetRun(
    planDataset(scenario, options),
    heldBytesLimit,
  ).tables()) {
    const collected: RecordBatch[] = [];
    for await (const batch of batches) collected.push(batch);
    out.set(table.name, Buffer.from(tableToIPC(new Table(collected))));
  }
  return out;
}

describe('DatasetRun', () => {
  // Five logical blocks of 4,096 patients and two encounter years.
  const options = { patients: 20_000, encounterYears: 2, workers: 0, batchSize: 5_000 };

  it.each([
    ['all blocks held', undefined],
    ['some blocks held', 200_000],
    ['no block held', 0],
  ])('gives the same rows with %s from the patients pass', async (_, limit) => {
    const regenerated = await ipcByTable(options, 0);
    const held = await ipcByTable(options, limit);
    expect([...held.keys()]).toEqual([...regenerated.keys()]);
    for (const [name, bytes] of regenerated) expect(held.get(name)!.equals(bytes), name).toBe(true);
  });

  it('gives the same inpatient stays held or not when ED encounters are left out', async () => {
    const noEd = { ...options, withEd: false };
    const regenerated = await ipcByTable(noEd, 0);
    const held = await ipcByTable(noEd);
    expect(held.has('ed_encounters')).toBe(false);
    expect(held.get('ip_stays')!.equals(regenerated.get('ip_stays')!)).toBe(true);
    expect(held.get('capacity_daily')!.equals(regenerated.get('capacity_daily')!)).toBe(true);
  });

  it('computes the census for capacity_daily when ip_stays was not read', async () => {
    const run = new DatasetRun(planDataset(scenario, options));
    let capacity: Buffer | undefined;
    for await (const { table, batches } of run.tables()) {
      if (table.name !== 'capacity_daily' && table.name !== 'patients') continue;
      const collected: RecordBatch[] = [];
      for await (const batch of batches) collected.push(batch);
      if (table.name === 'capacity_daily') capacity = Buffer.from(tableToIPC(new Table(collected)));
    }
    const expected = (await ipcByTable(options, 0)).get('capacity_daily')!;
    expect(capacity!.equals(expected)).toBe(true);
  });
});
