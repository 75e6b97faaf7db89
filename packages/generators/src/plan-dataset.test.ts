import { defaultScenario } from '@lm-synth/config';
import { describe, expect, it } from 'vitest';
import { generateDataset } from './generate-dataset.js';
import { GeneratorInputError } from './generator-input-error.js';
import { planDataset } from './plan-dataset.js';
import { quasiIdentifierCapacity } from './quasi-identifier-capacity.js';

const scenario = defaultScenario();

function inputError(run: () => unknown): GeneratorInputError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(GeneratorInputError);
    expect((error as GeneratorInputError).isInputError).toBe(true);
    return error as GeneratorInputError;
  }
  throw new Error('expected a GeneratorInputError');
}

describe('planDataset', () => {
  it('fills defaults from the scenario', () => {
    const plan = planDataset(scenario, { workers: 2 });
    expect(plan.options).toEqual({
      patients: scenario.patients,
      startYear: scenario.startYear,
      horizonYears: scenario.horizonYears,
      encounterYears: scenario.horizonYears,
      withEd: true,
      withIp: true,
      seed: scenario.seed,
      workers: 2,
      batchSize: 65_536,
      uniqueQuasiIdentifiers: true,
    });
    expect(plan.tables.map((t) => t.name)).toContain('capacity_daily');
  });

  it('starts at most one worker thread per 8 blocks of patients, and none below 16 blocks', () => {
    // One encounter year: its entrants add about 4% to the residents' blocks.
    const oneYear = { encounterYears: 1 };
    expect(planDataset(scenario, { ...oneYear, workers: 2, patients: 14 * 4_096 }).threads).toBe(0);
    expect(planDataset(scenario, { ...oneYear, workers: 2, patients: 8 * 4_096 * 2 }).threads).toBe(
      2,
    );
    expect(planDataset(scenario, { ...oneYear, workers: 4, patients: 8 * 4_096 * 3 }).threads).toBe(
      3,
    );
    // Ten years of entrants: 50,000 residents make about 18 blocks.
    expect(planDataset(scenario, { workers: 2 }).threads).toBe(2);
    const million = { patients: 1_000_000, uniqueQuasiIdentifiers: false };
    expect(planDataset(scenario, { ...million, workers: 1 }).threads).toBe(1);
    expect(planDataset(scenario, { ...million, workers: 0 }).threads).toBe(0);
  });

  it('applies the year options to the scenario it generates from', () => {
    const plan = planDataset(scenario, { startYear: 2030, horizonYears: 3, encounterYears: 3 });
    expect([plan.scenario.startYear, plan.scenario.horizonYears, plan.scenario.endYear]).toEqual([
      2030, 3, 2032,
    ]);
  });

  it.each([
    [{ patients: 0 }, /patients must be an integer from 1/],
    [{ patients: 2.5 }, /patients/],
    [{ seed: -1 }, /seed/],
    [{ workers: 1.5 }, /workers/],
    [{ batchSize: 0 }, /batchSize/],
    [{ encounterYears: 11 }, /encounterYears must be an integer from 1 to 10/],
    [{ horizonYears: 0 }, /horizonYears/],
    [{ withEd: 'yes' as never }, /withEd must be true or false/],
    [{ startYear: 2024 }, /begins before the reference date 2025-01-01.*from 2025/],
  ])('rejects %j', (options, message) => {
    expect(inputError(() => planDataset(scenario, options)).message).toMatch(message);
  });

  it('refuses more patients than unique quasi-identifiers allow, with the numbers and the way out', () => {
    const error = inputError(() => planDataset(scenario, { patients: 300_000 }));
    const q = quasiIdentifierCapacity(
      scenario,
      300_000,
      scenario.horizonYears,
      scenario.seed,
    ).capacity;
    expect(q.patientsInCell).toBeGreaterThan(q.birthDates);
    expect(error.message).toContain(`${q.lha} / ${q.gender} / ${q.ageGroup}`);
    expect(error.message).toContain(q.patientsInCell.toLocaleString('en-US'));
    expect(error.message).toContain(q.birthDates.toLocaleString('en-US'));
    expect(error.message).toContain('{ uniqueQuasiIdentifiers: false }');
    expect(error.message).toContain('uniqueQuasiIdentifiers: false');
    // The suggested limit fits, and the generator refuses before producing anything.
    expect(() => planDataset(scenario, { patients: q.maxUniquePatients })).not.toThrow();
    expect(q.maxUniquePatients).toBeGreaterThanOrEqual(scenario.patients);
    expect(() => generateDataset(scenario, { patients: 300_000 })).toThrow(GeneratorInputError);
  });
});
