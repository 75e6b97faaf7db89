import { AGE_GROUPS, GENDERS, OLDEST_AGE } from './domains.js';
import { largestRemainder } from './largest-remainder.js';
import type { Scenario } from './scenario.js';
import { singleYearAgeShares } from './single-year-age-shares.js';

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

const FEMALE = GENDERS.indexOf('Female');
/** The youngest age of each group, from its label ("25-44" -> 25, "85+" -> 85). */
const MIN_AGES = AGE_GROUPS.map((label) => Number(/^\d+/.exec(label)![0]));
/** Single years of age kept: 0 .. OLDEST_AGE, the last one open (everyone older stays there). */
const AGES = OLDEST_AGE + 1;
/** Age group of each single year of age. */
const GROUP_OF_AGE = Int32Array.from({ length: AGES }, (_, age) => {
  let group = 0;
  while (group + 1 < MIN_AGES.length && age >= MIN_AGES[group + 1]!) group++;
  return group;
});
/** Single years of age in each group (85+: 85 to OLDEST_AGE). */
const GROUP_WIDTH = MIN_AGES.map((min, group) => (MIN_AGES[group + 1] ?? AGES) - min);

/**
 * The population by the cohort-component method (Preston, Heuveline & Guillot 2001,
 * "Demography", ch. 6), a year at a time for each LHA, by single year of age (0 to
 * OLDEST_AGE, the last open) and gender: residents die or leave at their age group's rates,
 * survivors are a year older on the next 1 January, women have births (age 0 next
 * January), and in-migrants make up whatever the LHA needs to reach its configured total
 * round(base * (1 + growth)^t), so growth keeps its meaning and only the age and gender
 * make-up comes from the rates. Age groups are spread over their single years at the start
 * as singleYearAgeShares says (85+ over 85 to OLDEST_AGE) and in-migrants evenly over the
 * ages of their group, as the generator draws dates of birth; single years rather than whole groups keep the ageing
 * exact (a group's oldest members, thinned by deaths, are the ones who move up) so the
 * patients, who age one by one, follow the projection.
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
 * largest-remainder split of its total over that state's age groups, so rounding never
 * drifts. Flows are given for every year of the horizon, the last one's leading to the
 * January 1 after it.
 */
export function projectPopulation(scenario: Scenario): PopulationProjection {
  // Scenarios are immutable: planning, generating and validating one ask for its projection
  // several times, and each answer is the same.
  let projection = projections.get(scenario);
  if (!projection) {
    projection = project(scenario);
    projections.set(scenario, projection);
  }
  return projection;
}

const projections = new WeakMap<Scenario, PopulationProjection>();

function project(scenario: Scenario): PopulationProjection {
  const years = scenario.horizonYears;
  const lhaCount = scenario.lhas.length;
  const genders = GENDERS.length;
  const groups = AGE_GROUPS.length;
  const cells = groups * genders;
  const { mortality, fertility, birthGenderShares, outMigration, inMigrantAgeShares } =
    scenario.demography;
  const population = new Float64Array(years * lhaCount * cells);
  const births = new Float64Array(years * lhaCount * genders);
  const inMigrants = new Float64Array(years * lhaCount * cells);
  const deathRate = new Float64Array(years * lhaCount * cells);
  const outMigrationRate = new Float64Array(years * lhaCount * cells);

  // Probabilities of dying, leaving and staying for a year by group x gender, the same in
  // every LHA and year.
  const dies = new Float64Array(cells);
  const leaves = new Float64Array(cells);
  const stays = new Float64Array(cells);
  for (let cell = 0; cell < cells; cell++) {
    const group = Math.floor(cell / genders);
    const m = mortality[group]![cell % genders]!;
    const r = outMigration[group]!;
    const exits = -Math.expm1(-(m + r));
    dies[cell] = m + r > 0 ? (exits * m) / (m + r) : 0;
    leaves[cell] = m + r > 0 ? (exits * r) / (m + r) : 0;
    stays[cell] = Math.exp(-(m + r));
  }
  // State index: age * genders + gender.
  const cellOf = (age: number, gender: number) => GROUP_OF_AGE[age]! * genders + gender;
  const byGroup = (state: Float64Array) => {
    const counts = new Float64Array(cells);
    for (let age = 0; age < AGES; age++)
      for (let gender = 0; gender < genders; gender++)
        counts[cellOf(age, gender)]! += state[age * genders + gender]!;
    return counts;
  };

  const withinGroup = singleYearAgeShares(scenario.demography);
  scenario.lhas.forEach((lha, lhaIndex) => {
    const total = (year: number) =>
      Math.round(lha.basePopulation * (1 + lha.annualGrowthPct / 100) ** year);
    const startShares = new Float64Array(cells);
    // In-migrants per single year of age x gender, as shares of all in-migrants.
    const inMigrantShares = new Float64Array(AGES * genders);
    let state = new Float64Array(AGES * genders);
    for (let age = 0; age < AGES; age++) {
      const group = GROUP_OF_AGE[age]!;
      for (let gender = 0; gender < genders; gender++) {
        const share = lha.ageShares[group]! * lha.genderShares[gender]!;
        startShares[group * genders + gender] = share;
        state[age * genders + gender] =
          lha.basePopulation * share * withinGroup[group]![gender]![age - MIN_AGES[group]!]!;
        inMigrantShares[age * genders + gender] =
          (inMigrantAgeShares[group]! * lha.genderShares[gender]!) / GROUP_WIDTH[group]!;
      }
    }
    for (let year = 0; year < years; year++) {
      const offset = (year * lhaCount + lhaIndex) * cells;
      // Year 0 splits by the shares themselves, as before the cohort-component model.
      population.set(
        largestRemainder(total(year), year === 0 ? startShares : byGroup(state)),
        offset,
      );

      const survivors = new Float64Array(AGES * genders);
      let staying = 0;
      let born = 0;
      for (let age = 0; age < AGES; age++)
        for (let gender = 0; gender < genders; gender++) {
          const at = age * genders + gender;
          survivors[at] = state[at]! * stays[cellOf(age, gender)]!;
          staying += survivors[at]!;
          if (gender === FEMALE) born += fertility[GROUP_OF_AGE[age]!]! * state[at]!;
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

      for (let cell = 0; cell < cells; cell++) {
        deathRate[offset + cell] = dies[cell]!;
        outMigrationRate[offset + cell] = leaves[cell]! + extra * stays[cell]!;
      }
      const next = new Float64Array(AGES * genders);
      for (let age = 0; age < AGES; age++)
        for (let gender = 0; gender < genders; gender++) {
          const at = age * genders + gender;
          const older = Math.min(age + 1, OLDEST_AGE) * genders + gender;
          next[older]! += survivors[at]! * (1 - extra);
          // In-migrants by the age they have on the next 1 January.
          const arrivals = arriving * inMigrantShares[at]!;
          next[at]! += arrivals;
          inMigrants[offset + cellOf(age, gender)]! += arrivals;
        }
      for (let gender = 0; gender < genders; gender++) {
        const newborns = born * birthGenderShares[gender]!;
        births[(year * lhaCount + lhaIndex) * genders + gender] = newborns;
        next[gender]! += newborns;
      }
      state = next;
    }
  });
  return { years, lhaCount, population, births, inMigrants, deathRate, outMigrationRate };
}
