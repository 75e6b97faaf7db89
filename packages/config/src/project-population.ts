import { AGE_GROUPS, GENDERS } from './domains.js';
import { largestRemainder } from './largest-remainder.js';
import type { Scenario } from './scenario.js';

export interface PopulationProjection {
  /** scenario.horizonYears */
  readonly years: number;
  readonly lhaCount: number;
  /** Head counts on January 1 of each projection year, flattened [year][lha][age group][gender], integers: each LHA's total is round(base * (1 + growth)^t) (as today), split over cells by largest remainder of the cohort-component result. Year 0 = base_population x age shares x gender shares, as today. */
  readonly population: Float64Array;
  /** Expected births during year y (y = 0..years-1), [year][lha][gender]; they are in age group 0-4 on January 1 of y+1. Real-valued. */
  readonly births: Float64Array;
  /** Expected in-migrants during year y, [year][lha][age group][gender], by the age group they have on January 1 of y+1. Real-valued, >= 0. */
  readonly inMigrants: Float64Array;
  /** Probability that a resident of the cell on January 1 of y dies during y, [year][lha][age][gender]. */
  readonly deathRate: Float64Array;
  /** Probability that a resident of the cell on January 1 of y leaves the region during y (gross out-migration), [year][lha][age][gender]. */
  readonly outMigrationRate: Float64Array;
}

/**
 * Years of age each group of AGE_GROUPS spans; with ages uniform within a group, 1/width of
 * its survivors move up each year. Nobody ages out of the open 85+.
 */
const AGE_GROUP_WIDTHS = [5, 10, 10, 20, 20, 10, 10, Number.POSITIVE_INFINITY];
const FEMALE = GENDERS.indexOf('Female');

/**
 * The population by the cohort-component method (Preston, Heuveline & Guillot 2001,
 * "Demography", ch. 6), a year at a time for each LHA: residents of each age group x gender
 * cell die or leave at the scenario's rates, survivors age (1/width of a group moves up),
 * women have births into 0-4, and in-migrants make up whatever the LHA needs to reach its
 * configured total round(base * (1 + growth)^t), so growth keeps its meaning and only the
 * age and gender make-up comes from the rates.
 *
 * Mortality and out-migration are competing constant hazards over the year (the published
 * rates per 1,000 are per person-year): a resident leaves by either with probability
 * 1 - exp(-(m + r)), split in proportion to m and r. When the survivors and births alone
 * exceed the LHA's next total (a shrinking LHA), in-migrants are 0 and every survivor
 * leaves with the same extra probability, raising that LHA-year's outMigrationRate so the
 * total still holds; should even that not suffice (an LHA shrinking to nobody), births are
 * cut to the total.
 *
 * The state is kept real-valued from year to year; each year's integer head counts are the
 * largest-remainder split of its total over that state, so rounding never drifts. Flows
 * are given for every year of the horizon, the last one's leading to the January 1 after it.
 */
export function projectPopulation(scenario: Scenario): PopulationProjection {
  const years = scenario.horizonYears;
  const lhaCount = scenario.lhas.length;
  const genders = GENDERS.length;
  const cells = AGE_GROUPS.length * genders;
  const { mortality, fertility, birthGenderShares, outMigration, inMigrantAgeShares } =
    scenario.demography;
  const population = new Float64Array(years * lhaCount * cells);
  const births = new Float64Array(years * lhaCount * genders);
  const inMigrants = new Float64Array(years * lhaCount * cells);
  const deathRate = new Float64Array(years * lhaCount * cells);
  const outMigrationRate = new Float64Array(years * lhaCount * cells);

  // Probabilities of dying, leaving and staying for a year, the same in every LHA and year.
  const dies = new Float64Array(cells);
  const leaves = new Float64Array(cells);
  const stays = new Float64Array(cells);
  for (let cell = 0; cell < cells; cell++) {
    const age = Math.floor(cell / genders);
    const m = mortality[age]![cell % genders]!;
    const r = outMigration[age]!;
    const exits = -Math.expm1(-(m + r));
    dies[cell] = m + r > 0 ? (exits * m) / (m + r) : 0;
    leaves[cell] = m + r > 0 ? (exits * r) / (m + r) : 0;
    stays[cell] = Math.exp(-(m + r));
  }

  scenario.lhas.forEach((lha, lhaIndex) => {
    const total = (year: number) =>
      Math.round(lha.basePopulation * (1 + lha.annualGrowthPct / 100) ** year);
    const startShares = new Float64Array(cells);
    const inMigrantShares = new Float64Array(cells);
    for (let cell = 0; cell < cells; cell++) {
      const age = Math.floor(cell / genders);
      const gender = cell % genders;
      startShares[cell] = lha.ageShares[age]! * lha.genderShares[gender]!;
      inMigrantShares[cell] = inMigrantAgeShares[age]! * lha.genderShares[gender]!;
    }
    let state = startShares.map((share) => lha.basePopulation * share);
    for (let year = 0; year < years; year++) {
      const offset = (year * lhaCount + lhaIndex) * cells;
      // Year 0 splits by the shares themselves, as before the cohort-component model.
      population.set(largestRemainder(total(year), year === 0 ? startShares : state), offset);

      const survivors = new Float64Array(cells);
      let staying = 0;
      let born = 0;
      for (let cell = 0; cell < cells; cell++) {
        survivors[cell] = state[cell]! * stays[cell]!;
        staying += survivors[cell]!;
        if (cell % genders === FEMALE)
          born += fertility[Math.floor(cell / genders)]! * state[cell]!;
      }
      const target = total(year + 1);
      let arriving = target - staying - born;
      // Share of the survivors who leave on top of the out-migration rate (shrinking LHAs).
      let extra = 0;
      if (arriving < 0) {
        arriving = 0;
        const excess = staying + born - target;
        if (excess <= staying) extra = excess / staying;
        else {
          extra = 1;
          born = target;
        }
      }

      const next = new Float64Array(cells);
      for (let cell = 0; cell < cells; cell++) {
        deathRate[offset + cell] = dies[cell]!;
        outMigrationRate[offset + cell] = leaves[cell]! + extra * stays[cell]!;
        const remaining = survivors[cell]! * (1 - extra);
        const age = Math.floor(cell / genders);
        const movingUp = remaining / AGE_GROUP_WIDTHS[age]!;
        next[cell] = next[cell]! + remaining - movingUp;
        if (movingUp > 0) next[cell + genders] = next[cell + genders]! + movingUp;
        const arrivals = arriving * inMigrantShares[cell]!;
        inMigrants[offset + cell] = arrivals;
        next[cell] = next[cell]! + arrivals;
      }
      for (let gender = 0; gender < genders; gender++) {
        const newborns = born * birthGenderShares[gender]!;
        births[(year * lhaCount + lhaIndex) * genders + gender] = newborns;
        next[gender] = next[gender]! + newborns;
      }
      state = next;
    }
  });
  return { years, lhaCount, population, births, inMigrants, deathRate, outMigrationRate };
}
