import { availableParallelism } from 'node:os';
import { defaultScenario, scenarioHash } from '@lm-synth/config';
import { describe, expect, it } from 'vitest';
import { generateDataset } from './generate-dataset.js';
import { GENERATORS_VERSION } from './generators-version.js';
import { planDataset } from './plan-dataset.js';

const scenario = defaultScenario();
const small = { patients: 300, encounterYears: 1, workers: 0 } as const;

async function tableNames(source: AsyncIterable<{ table: { name: string } }>) {
  const names: string[] = [];
  for await (const { table } of source) names.push(table.name);
  return names;
}

describe('the stream generateDataset returns', () => {
  it('carries its resolved plan, the scenario and the run metadata the manifest records', async () => {
    const dataset = generateDataset(scenario, {
      ...small,
      seed: 7,
      startYear: 2026,
      withEd: false,
    });
    expect(dataset.plan.options).toMatchObject({ seed: 7, startYear: 2026, withEd: false });
    expect(dataset.scenario).toBe(dataset.plan.scenario);
    expect(dataset.run).toEqual({
      lmSynthVersion: GENERATORS_VERSION,
      seed: 7,
      scenarioId: scenario.meta.id,
      scenarioHash: scenarioHash(dataset.plan.scenario),
      referenceDate: scenario.referenceDate,
      timeZone: scenario.timeZone,
      startYear: 2026,
      horizonYears: scenario.horizonYears,
      patients: 300,
      uniqueQuasiIdentifiers: true,
      withEd: false,
      withIp: true,
    });
    expect(await tableNames(dataset)).not.toContain('ed_encounters');
  });

  it('applies the start year to the scenario input too, so the written scenario loads back to it', () => {
    const plan = planDataset(scenario, { startYear: 2027, horizonYears: 3 });
    expect(plan.scenario.input).toMatchObject({ start_year: 2027, horizon_years: 3 });
    expect(plan.scenario).toMatchObject({ startYear: 2027, horizonYears: 3, endYear: 2029 });
    // Options equal to the scenario's change nothing: the hash of a default run stays put.
    expect(scenarioHash(planDataset(scenario).scenario)).toBe(scenarioHash(scenario));
  });

  it('generates exactly a plan passed to it, without planning again', async () => {
    const plan = planDataset(scenario, small);
    const dataset = generateDataset(plan);
    expect(dataset.plan).toBe(plan);
    expect(await tableNames(dataset)).toEqual(plan.tables.map((table) => table.name));
  });

  it('can be read once', async () => {
    const dataset = generateDataset(scenario, small);
    await tableNames(dataset);
    expect(() => dataset[Symbol.asyncIterator]()).toThrow(/read only once/);
  });

  it('defaults workers to the cores minus one, none on two cores or fewer', () => {
    const cores = availableParallelism();
    expect(planDataset(scenario).options.workers).toBe(cores > 2 ? cores - 1 : 0);
  });
});
