import { defaultScenario } from '@lm-synth/config';
import { buildDimAgeGroup } from '@lm-synth/dims';
import { describe, expect, it } from 'vitest';
import { populationCells } from '../expectations/population-cells.js';
import { drawReferenceSample } from './draw-reference-sample.js';

const scenario = defaultScenario();
const sample = drawReferenceSample(scenario, 50_000, 2025, 1);

describe('drawReferenceSample', () => {
  it('is deterministic in its seed', () => {
    const again = drawReferenceSample(scenario, 2_000, 2025, 7);
    expect(drawReferenceSample(scenario, 2_000, 2025, 7)).toEqual(again);
    expect(drawReferenceSample(scenario, 2_000, 2025, 8).patients.ageYears).not.toEqual(
      again.patients.ageYears,
    );
  });

  it('draws ED visits at the scenario rates', () => {
    // Expected visits per person over the population, and the NegBin SE of the sample mean.
    const cells = populationCells(scenario);
    const population = cells.reduce((sum, cell) => sum + cell.population, 0);
    const k =
      scenario.ed.countModel.model === 'negbin' ? scenario.ed.countModel.dispersion : Infinity;
    let mean = 0;
    let variance = 0;
    for (const cell of cells) {
      const share = cell.population / population;
      for (const rate of scenario.ed.ratesPer1000[cell.lhaIndex]![cell.ageIndex]![
        cell.genderIndex
      ]!) {
        const mu = rate / 1000;
        mean += share * mu;
        variance += share * (mu + (mu * mu) / k);
      }
    }
    const visits = sample.patients.edVisits.reduce((sum, v) => sum + v, 0);
    const standardError = Math.sqrt(variance / sample.patients.count);
    expect(Math.abs(visits / sample.patients.count - mean)).toBeLessThan(4 * standardError);
    expect(sample.encounters.count).toBe(visits);
  });

  it('keeps ages in their bands and the inpatient rules', () => {
    const bands = buildDimAgeGroup();
    sample.patients.ageYears.forEach((age, i) => {
      const band = sample.patients.ageGroup[i]!;
      expect(age).toBeGreaterThanOrEqual(bands.min_age[band]!);
      expect(age).toBeLessThan((bands.max_age[band] ?? 100) + 1);
    });
    expect(sample.stays.count).toBeGreaterThan(0);
    sample.stays.losDays.forEach((los, i) => {
      expect(los).toBeGreaterThanOrEqual(0.25);
      if (sample.stays.alc[i] === 1)
        expect(los).toBeGreaterThanOrEqual(scenario.inpatient.alcLosThresholdDays);
    });
    expect(Math.min(...sample.encounters.acuity)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...sample.encounters.acuity)).toBeLessThanOrEqual(5);
  });
});
