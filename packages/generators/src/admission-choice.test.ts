import {
  AGE_GROUPS,
  defaultScenario,
  GENDERS,
  OLDEST_AGE,
  singleYearAgeShares,
} from '@lm-synth/config';
import { buildDimAgeGroup } from '@lm-synth/dims';
import { createStream } from '@lm-synth/stats';
import { describe, expect, it } from 'vitest';
import { AdmissionChoice } from './admission-choice.js';
import { StreamSlot } from './stream-slot.js';

// Shares and means within 4.5 standard errors of their expectation (binomial or Poisson
// variance at the tested n): at a fixed seed a pass is stable, and an exact mechanism fails
// one check with probability about 7e-6.
const Z = 4.5;
const scenario = defaultScenario();
const ip = scenario.inpatient;
const minAges = Array.from(buildDimAgeGroup().min_age);
const maxAges = minAges.map((_, a) => (a + 1 < minAges.length ? minAges[a + 1]! - 1 : OLDEST_AGE));
const G = GENDERS.length;
const F = scenario.sites.length;
const pairs = scenario.programs.flatMap((program, p) =>
  program.subprograms.map((subprogram, sp) => ({ p, sp, subprogram })),
);
const J = pairs.length;
const offered = new Uint8Array(F * J);
for (let f = 0; f < F; f++)
  pairs.forEach(({ p, sp }, j) => {
    offered[f * J + j] = scenario.coverage.subprograms[f]![p]![sp] ? 1 : 0;
  });
const isOffered = (f: number, j: number) => offered[f * J + j] === 1;
const ambulatory = pairs.map(({ subprogram }) => subprogram.setting === 'ambulatory');
const FEMALE = GENDERS.indexOf('Female');
const MALE = GENDERS.indexOf('Male');
const agOf = (group: (typeof AGE_GROUPS)[number], gender: number) =>
  AGE_GROUPS.indexOf(group) * G + gender;

function choice(purpose: string): AdmissionChoice {
  const slot = new StreamSlot();
  slot.source = createStream(4_242, purpose, 0);
  return new AdmissionChoice(scenario, offered, minAges, maxAges, slot);
}

describe('AdmissionChoice', () => {
  it('never sends an ED or planned admission to an ambulatory subprogram, nor an ED admission to a pair its site does not offer', () => {
    const admissions = choice('pairs');
    let ambulatoryDraws = 0;
    let notOffered = 0;
    let draws = 0;
    for (let ag = 0; ag < AGE_GROUPS.length * G; ag++) {
      for (let f = 0; f < F; f++) {
        const draw = admissions.edPairAtSite[ag * F + f];
        if (!draw) continue;
        for (let i = 0; i < 500; i++) {
          const j = draw();
          draws++;
          if (ambulatory[j]) ambulatoryDraws++;
          if (!isOffered(f, j)) notOffered++;
        }
      }
      const planned = admissions.plannedPair[ag];
      if (planned)
        for (let i = 0; i < 2_000; i++) {
          draws++;
          if (ambulatory[planned()]) ambulatoryDraws++;
        }
    }
    expect(draws).toBeGreaterThan(100_000);
    expect(ambulatoryDraws).toBe(0);
    expect(notOffered).toBe(0);
  });

  it('chooses an ED admission among the pairs its site offers in proportion to admissions x ED share', () => {
    const admissions = choice('ed-mix');
    // The largest site, 65-74 women: many pairs offered, most with an ED route.
    const f = scenario.sites.reduce(
      (best, s, i) => (s.staffedBeds > scenario.sites[best]!.staffedBeds ? i : best),
      0,
    );
    const ag = agOf('65-74', FEMALE);
    const weights = pairs.map((_, j) =>
      isOffered(f, j)
        ? admissions.perPersonYear[ag * J + j]! *
          ip.admissionRoutes[pairs[j]!.p]![pairs[j]!.sp]![0]!
        : 0,
    );
    const total = weights.reduce((a, b) => a + b, 0);
    const n = 200_000;
    const counts = new Float64Array(J);
    const draw = admissions.edPairAtSite[ag * F + f]!;
    for (let i = 0; i < n; i++) counts[draw()]!++;
    weights.forEach((w, j) => {
      const p = w / total;
      if (p === 0) expect(counts[j]).toBe(0);
      else expect(Math.abs(counts[j]! - n * p)).toBeLessThanOrEqual(Z * Math.sqrt(n * p * (1 - p)));
    });
  });

  it("spreads each program's admission probability over its bed subprograms by the mix, and gives ambulatory ones none", () => {
    const admissions = choice('per-person-year');
    let checked = 0;
    for (let a = 0; a < AGE_GROUPS.length; a++)
      for (let g = 0; g < G; g++) {
        const ag = a * G + g;
        scenario.programs.forEach((program, p) => {
          const first = pairs.findIndex((pair) => pair.p === p);
          let sum = 0;
          let bedMix = 0;
          program.subprograms.forEach((subprogram, sp) => {
            const value = admissions.perPersonYear[ag * J + first + sp]!;
            if (subprogram.setting === 'ambulatory') expect(value).toBe(0);
            else bedMix += ip.subprogramMixByGender[a]![g]![p]![sp]!;
            sum += value;
          });
          // Maternity moves between age groups with the birth rates (checked below).
          const maternal = program.subprograms.some((subprogram) => subprogram.maternity);
          if (bedMix > 0 && !maternal) {
            expect(sum).toBeCloseTo(ip.admissionProbabilityByGender[a]![g]![p]!, 12);
            checked++;
          } else if (bedMix === 0) expect(sum).toBe(0);
        });
      }
    expect(checked).toBeGreaterThan(100);
  });

  it("keeps the region's maternity admissions, shared over age groups by women x birth rate", () => {
    const admissions = choice('maternity');
    const population = (a: number, g: number) =>
      scenario.lhas.reduce(
        (sum, lha) => sum + lha.basePopulation * lha.ageShares[a]! * lha.genderShares[g]!,
        0,
      );
    const maternityPairs = pairs.flatMap((pair, j) =>
      scenario.programs[pair.p]!.subprograms[pair.sp]!.maternity ? [j] : [],
    );
    let configured = 0;
    let generated = 0;
    const byGroup = new Float64Array(AGE_GROUPS.length);
    for (let a = 0; a < AGE_GROUPS.length; a++)
      for (let g = 0; g < G; g++) {
        const ag = a * G + g;
        for (const j of maternityPairs) {
          const { p, sp } = pairs[j]!;
          const mix = ip.subprogramMixByGender[a]![g]![p]!;
          const bed = scenario.programs[p]!.subprograms.reduce(
            (t, sub, k) => t + (sub.setting === 'ambulatory' ? 0 : mix[k]!),
            0,
          );
          if (bed > 0)
            configured +=
              (population(a, g) * (ip.admissionProbabilityByGender[a]![g]![p]! * mix[sp]!)) / bed;
          generated += population(a, g) * admissions.perPersonYear[ag * J + j]!;
          byGroup[a]! += population(a, g) * admissions.perPersonYear[ag * J + j]!;
        }
      }
    expect(generated).toBeCloseTo(configured, 6);
    // No maternity below 15; 25-44 carries most, 45-64 (ages 45-49, rate 1 per 1,000) very little.
    expect(byGroup[AGE_GROUPS.indexOf('5-14')]).toBe(0);
    expect(byGroup[AGE_GROUPS.indexOf('45-64')]! / generated).toBeLessThan(0.01);
    expect(byGroup[AGE_GROUPS.indexOf('25-44')]! / generated).toBeGreaterThan(0.8);
  });

  it('gives planned admissions per person-year (before frailty) the sum of the planned weights', () => {
    const admissions = choice('planned-count');
    const shares = singleYearAgeShares(scenario.demography);
    const rates = ip.maternalAgeRates;
    // Men 45-64 (no maternity pairs) and women 25-44 (maternity raised by max / mean rate).
    for (const [label, gender] of [
      ['45-64', MALE],
      ['25-44', FEMALE],
      ['85+', FEMALE],
    ] as const) {
      const a = AGE_GROUPS.indexOf(label);
      const ag = a * G + gender;
      let highest = 0;
      let mean = 0;
      for (let age = minAges[a]!; age <= maxAges[a]!; age++) {
        highest = Math.max(highest, rates[age]!);
        mean += shares[a]![FEMALE]![age - minAges[a]!]! * rates[age]!;
      }
      const lambda = pairs.reduce((sum, { p, sp, subprogram }, j) => {
        if (!scenario.sites.some((_, f) => isOffered(f, j))) return sum;
        const boost = subprogram.maternity ? (mean > 0 ? highest / mean : 0) : 1;
        return (
          sum +
          admissions.perPersonYear[ag * J + j]! *
            (1 - ip.admissionRoutes[p]![sp]![0]!) *
            (1 - ip.readmission30[a]![p]!) *
            boost
        );
      }, 0);
      expect(lambda).toBeGreaterThan(0);
      expect(admissions.plannedMean[ag]!, label).toBeCloseTo(lambda, 12);
    }
  });

  it('splits planned admissions of each pair into elective and direct as the routes say', () => {
    const admissions = choice('elective');
    pairs.forEach(({ p, sp }, j) => {
      const [, elective, direct] = ip.admissionRoutes[p]![sp]! as [number, number, number];
      expect(admissions.electiveShare[j]).toBeCloseTo(
        elective + direct > 0 ? elective / (elective + direct) : 0,
        12,
      );
    });
    // Interventional pain is all elective, general medicine never.
    const pain = pairs.findIndex((pair) => pair.subprogram.key === 'interventional_pain');
    const medicine = pairs.findIndex((pair) => pair.subprogram.key === 'general_medicine');
    expect(admissions.electiveShare[pain]).toBe(1);
    expect(admissions.electiveShare[medicine]).toBe(0);
  });

  it("accepts maternity admissions only at ages 15-49, at rate / highest rate of the woman's age group", () => {
    const admissions = choice('maternal');
    const rates = ip.maternalAgeRates;
    const adults = AGE_GROUPS.indexOf('25-44');
    for (let age = 0; age <= OLDEST_AGE; age++) {
      if (age < 15 || age > 49)
        expect(admissions.maternalAcceptance(adults, age), `age ${age}`).toBe(0);
      else expect(admissions.maternalAcceptance(adults, age), `age ${age}`).toBeGreaterThan(0);
    }
    AGE_GROUPS.forEach((_, a) => {
      let highest = 0;
      for (let age = minAges[a]!; age <= maxAges[a]!; age++)
        highest = Math.max(highest, rates[age]!);
      for (let age = 0; age <= OLDEST_AGE; age++)
        expect(admissions.maternalAcceptance(a, age)).toBeCloseTo(
          highest > 0 ? Math.min(1, rates[age]! / highest) : 0,
          12,
        );
    });
    // A woman of 25-44 on 1 January who turns 45 keeps her group's scale: rate(45) / rate(30-34).
    expect(admissions.maternalAcceptance(adults, 45)).toBeCloseTo(rates[45]! / rates[32]!, 12);
  });

  it('sends a planned or referred admission home when home offers the pair, else to the largest site that does', () => {
    const admissions = choice('site');
    for (let j = 0; j < J; j++) {
      const offering = scenario.sites.flatMap((site, f) =>
        isOffered(f, j) ? [{ f, beds: site.staffedBeds }] : [],
      );
      const largest = offering.reduce<{ f: number; beds: number } | null>(
        (best, s) => (best && best.beds >= s.beds ? best : s),
        null,
      );
      for (let ag = 0; ag < AGE_GROUPS.length * G; ag++)
        for (let home = 0; home < F; home++) {
          const site = admissions.site[(ag * F + home) * J + j];
          expect(site).toBe(isOffered(home, j) ? home : (largest?.f ?? -1));
          if (site! >= 0) expect(isOffered(site!, j)).toBe(true);
        }
    }
  });
});
