import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultScenario } from './default-scenario.js';
import { AGE_GROUPS, GENDERS } from './domains.js';
import { largestRemainder } from './largest-remainder.js';
import { type PopulationProjection, projectPopulation } from './project-population.js';
import type { Scenario, ScenarioDemography, ScenarioLha } from './scenario.js';

const defaults = defaultScenario();
const GENDER_COUNT = GENDERS.length;
const CELLS = AGE_GROUPS.length * GENDER_COUNT;
const OLDEST = AGE_GROUPS.indexOf('65-74');

const configuredTotal = (lha: ScenarioLha, year: number) =>
  Math.round(lha.basePopulation * (1 + lha.annualGrowthPct / 100) ** year);

/** Sum of `values` over the cells [from, from + count). */
function sumOf(values: Float64Array, from: number, count: number): number {
  let total = 0;
  for (let i = from; i < from + count; i++) total += values[i]!;
  return total;
}

function share65Plus(projection: PopulationProjection, year: number): number {
  const perYear = projection.lhaCount * CELLS;
  let old = 0;
  for (let cell = 0; cell < perYear; cell++)
    if (Math.floor((cell % CELLS) / GENDER_COUNT) >= OLDEST)
      old += projection.population[year * perYear + cell]!;
  return old / sumOf(projection.population, year * perYear, perYear);
}

/** Everyone the flows of `year` predict for the next January 1, from the year's head counts. */
function balance(projection: PopulationProjection, year: number, lha: number) {
  const offset = (year * projection.lhaCount + lha) * CELLS;
  let stayers = 0;
  for (let cell = 0; cell < CELLS; cell++)
    stayers +=
      projection.population[offset + cell]! *
      (1 - projection.deathRate[offset + cell]! - projection.outMigrationRate[offset + cell]!);
  const born = sumOf(
    projection.births,
    (year * projection.lhaCount + lha) * GENDER_COUNT,
    GENDER_COUNT,
  );
  return stayers + born + sumOf(projection.inMigrants, offset, CELLS);
}

/** What breaks the projection's invariants (empty when none does); plain loops, as property runs call it often. */
function inconsistencies(scenario: Scenario, projection: PopulationProjection): string[] {
  const { years, lhaCount } = projection;
  const found: string[] = [];
  if (projection.population.length !== years * lhaCount * CELLS) found.push('length');
  scenario.lhas.forEach((lha, l) => {
    for (let year = 0; year < years; year++) {
      const offset = (year * lhaCount + l) * CELLS;
      const total = sumOf(projection.population, offset, CELLS);
      if (total !== configuredTotal(lha, year)) found.push(`total ${year}/${l}: ${total}`);
      // Head counts are integers within one of the real-valued state, so the flows applied
      // to them land within a person per cell of the next configured total.
      const predicted = balance(projection, year, l);
      if (Math.abs(predicted - configuredTotal(lha, year + 1)) > CELLS)
        found.push(`balance ${year}/${l}: ${predicted}`);
    }
  });
  projection.population.forEach((count, i) => {
    if (!Number.isInteger(count) || count < 0) found.push(`population[${i}] = ${count}`);
  });
  for (const [name, flow] of Object.entries({
    births: projection.births,
    inMigrants: projection.inMigrants,
  }))
    flow.forEach((value, i) => {
      if (!(value >= 0)) found.push(`${name}[${i}] = ${value}`);
    });
  projection.deathRate.forEach((death, i) => {
    const out = projection.outMigrationRate[i]!;
    if (!(death >= 0 && out >= 0 && death + out <= 1 + 1e-12))
      found.push(`rates[${i}] = ${death}, ${out}`);
  });
  return found;
}

function expectConsistent(scenario: Scenario, projection: PopulationProjection): void {
  expect(inconsistencies(scenario, projection)).toEqual([]);
}

const stillDemography: ScenarioDemography = {
  mortality: AGE_GROUPS.map(() => GENDERS.map(() => 0)),
  fertility: AGE_GROUPS.map(() => 0),
  birthGenderShares: [0.5, 0.5, 0],
  outMigration: AGE_GROUPS.map(() => 0),
  inMigrantAgeShares: AGE_GROUPS.map(() => 1 / AGE_GROUPS.length),
  singleYearMortalityDoublingYears: 8,
};

describe('projectPopulation', () => {
  const projection = projectPopulation(defaults);

  it('starts from base population x age shares x gender shares, split by largest remainder', () => {
    defaults.lhas.forEach((lha, l) => {
      const shares = lha.ageShares.flatMap((age) => lha.genderShares.map((gender) => age * gender));
      expect(Array.from(projection.population.subarray(l * CELLS, (l + 1) * CELLS))).toEqual(
        Array.from(largestRemainder(lha.basePopulation, shares)),
      );
    });
  });

  it("keeps each LHA's configured total every year and balances its flows", () => {
    expect(projection.years).toBe(defaults.horizonYears);
    expect(projection.lhaCount).toBe(defaults.lhas.length);
    expectConsistent(defaults, projection);
  });

  it('balances the first year exactly, where the state is the base x shares', () => {
    defaults.lhas.forEach((lha, l) => {
      let stayers = 0;
      lha.ageShares.forEach((age, a) => {
        lha.genderShares.forEach((gender, g) => {
          const cell = l * CELLS + a * GENDER_COUNT + g;
          stayers +=
            lha.basePopulation *
            age *
            gender *
            (1 - projection.deathRate[cell]! - projection.outMigrationRate[cell]!);
        });
      });
      const born = sumOf(projection.births, l * GENDER_COUNT, GENDER_COUNT);
      const arrived = sumOf(projection.inMigrants, l * CELLS, CELLS);
      expect(stayers + born + arrived).toBeCloseTo(configuredTotal(lha, 1), 6);
    });
  });

  it('gives births only from women, split by the birth gender shares', () => {
    const l = 0;
    const lha = defaults.lhas[l]!;
    const female = GENDERS.indexOf('Female');
    const expected = lha.ageShares.reduce(
      (sum, age, a) =>
        sum +
        lha.basePopulation * age * lha.genderShares[female]! * defaults.demography.fertility[a]!,
      0,
    );
    defaults.demography.birthGenderShares.forEach((share, g) => {
      expect(projection.births[g]).toBeCloseTo(expected * share, 6);
    });
  });

  it('with the defaults, the 65+ share rises every year', () => {
    const shares = Array.from({ length: projection.years }, (_, year) =>
      share65Plus(projection, year),
    );
    expect(shares[0]).toBeCloseTo(0.197, 3);
    for (let year = 1; year < shares.length; year++)
      expect(shares[year]).toBeGreaterThan(shares[year - 1]!);
  });

  it('with no deaths, births, migration or growth, ageing alone conserves the total', () => {
    const still: Scenario = {
      ...defaults,
      lhas: defaults.lhas.map((lha) => ({ ...lha, annualGrowthPct: 0 })),
      demography: stillDemography,
    };
    const aged = projectPopulation(still);
    expectConsistent(still, aged);
    expect(Math.max(...aged.births, ...aged.deathRate)).toBe(0);
    // Floating-point crumbs of the state may show as a vanishing arrival or departure.
    expect(Math.max(...aged.inMigrants)).toBeLessThan(1e-6);
    expect(Math.max(...aged.outMigrationRate)).toBeLessThan(1e-12);
    // Nobody leaves 85+, and 0-4 empties at a fifth a year with no births to refill it.
    const oldest = (year: number) => aged.population[year * aged.lhaCount * CELLS + CELLS - 1]!;
    const youngest = (year: number) => aged.population[year * aged.lhaCount * CELLS]!;
    expect(oldest(aged.years - 1)).toBeGreaterThan(oldest(0));
    expect(youngest(1)).toBeCloseTo(youngest(0) * 0.8, -1);
  });

  it('a shrinking LHA gets no in-migrants and sheds people by a raised out-migration rate', () => {
    const shrinking: Scenario = {
      ...defaults,
      lhas: defaults.lhas.map((lha) => ({ ...lha, annualGrowthPct: -5 })),
    };
    const shrunk = projectPopulation(shrinking);
    expectConsistent(shrinking, shrunk);
    expect(Math.max(...shrunk.inMigrants)).toBe(0);
    shrunk.outMigrationRate.forEach((rate, i) => {
      expect(rate).toBeGreaterThan(projection.outMigrationRate[i]!);
    });
  });

  it('cuts the births of an LHA shrinking to nobody to its total', () => {
    // One woman of 25-44 and 5% decline a year: the LHA's total rounds to 0 in year 14.
    const one: Scenario = {
      ...defaults,
      horizonYears: 20,
      lhas: [
        {
          ...defaults.lhas[0]!,
          basePopulation: 1,
          annualGrowthPct: -5,
          ageShares: AGE_GROUPS.map((group) => (group === '25-44' ? 1 : 0)),
          genderShares: GENDERS.map((gender) => (gender === 'Female' ? 1 : 0)),
        },
      ],
    };
    const vanishing = projectPopulation(one);
    expectConsistent(one, vanishing);
    expect(configuredTotal(one.lhas[0]!, 14)).toBe(0);
    expect(sumOf(vanishing.births, 13 * GENDER_COUNT, GENDER_COUNT)).toBe(0);
    expect(sumOf(vanishing.births, 12 * GENDER_COUNT, GENDER_COUNT)).toBeGreaterThan(0);
  });

  it('keeps every total and non-negative cells and flows for any valid rates', () => {
    const rate = (max: number) => fc.double({ min: 0, max, noNaN: true });
    const weights = (length: number) =>
      fc
        .array(fc.double({ min: 0, max: 100, noNaN: true }), {
          minLength: length,
          maxLength: length,
        })
        .filter((values) => values.some((value) => value > 0))
        .map((values) => {
          const total = values.reduce((sum, value) => sum + value, 0);
          return values.map((value) => value / total);
        });
    const lha = fc.record({
      basePopulation: fc.oneof(
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 1, max: 3_000_000 }),
      ),
      annualGrowthPct: fc.double({ min: -5, max: 10, noNaN: true }),
      ageShares: weights(AGE_GROUPS.length),
      genderShares: weights(GENDER_COUNT),
    });
    const demography = fc.record({
      mortality: fc.array(fc.array(rate(1), { minLength: 3, maxLength: 3 }), {
        minLength: AGE_GROUPS.length,
        maxLength: AGE_GROUPS.length,
      }),
      fertility: fc.array(rate(0.5), {
        minLength: AGE_GROUPS.length,
        maxLength: AGE_GROUPS.length,
      }),
      birthGenderShares: weights(GENDER_COUNT),
      outMigration: fc.array(rate(1), {
        minLength: AGE_GROUPS.length,
        maxLength: AGE_GROUPS.length,
      }),
      inMigrantAgeShares: weights(AGE_GROUPS.length),
      singleYearMortalityDoublingYears: fc.constant(8),
    });
    fc.assert(
      fc.property(
        fc.array(lha, { minLength: 1, maxLength: 3 }),
        demography,
        fc.integer({ min: 1, max: 25 }),
        (lhas, rates, horizonYears) => {
          const scenario: Scenario = {
            ...defaults,
            horizonYears,
            lhas: lhas.map((lha, i) => ({ ...defaults.lhas[0]!, ...lha, id: i + 1 })),
            demography: rates,
          };
          return inconsistencies(scenario, projectPopulation(scenario)).length === 0;
        },
      ),
      { numRuns: 200 },
    );
  });
});
