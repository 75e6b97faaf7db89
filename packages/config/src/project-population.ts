// TEMPORARY stand-in with the agreed interface; replaced by the demography branch at merge.
import { AGE_GROUPS, GENDERS } from './domains.js';
import type { Scenario } from './scenario.js';

export interface PopulationProjection {
  readonly years: number;
  readonly lhaCount: number;
  readonly population: Float64Array;
  readonly births: Float64Array;
  readonly inMigrants: Float64Array;
  readonly deathRate: Float64Array;
  readonly outMigrationRate: Float64Array;
}

const DEATHS = [0.001, 0.0001, 0.0005, 0.001, 0.004, 0.012, 0.035, 0.13];
const WIDTH = [5, 10, 10, 20, 20, 10, 10, 0];
const MIGRANT_AGE = [6, 10, 20, 42, 14, 5, 2, 1];

function split(total: number, weights: ArrayLike<number>): Float64Array {
  const n = weights.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += weights[i]!;
  const exact = Array.from({ length: n }, (_, i) => (total * weights[i]!) / sum);
  const out = Float64Array.from(exact, Math.floor);
  let rest = total - out.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; rest > 0; k++, rest--) out[order[k]![1]]! += 1;
  return out;
}

export function projectPopulation(scenario: Scenario): PopulationProjection {
  const A = AGE_GROUPS.length;
  const G = GENDERS.length;
  const L = scenario.lhas.length;
  const Y = scenario.horizonYears;
  const cells = A * G;
  const population = new Float64Array(Y * L * cells);
  const births = new Float64Array(Y * L * G);
  const inMigrants = new Float64Array(Y * L * cells);
  const deathRate = new Float64Array(Y * L * cells);
  const outMigrationRate = new Float64Array(Y * L * cells);
  scenario.lhas.forEach((lha, l) => {
    let state = new Float64Array(cells);
    lha.ageShares.forEach((a, ai) => {
      lha.genderShares.forEach((g, gi) => {
        state[ai * G + gi] = lha.basePopulation * a * g;
      });
    });
    for (let y = 0; y < Y; y++) {
      const total = Math.round(lha.basePopulation * (1 + lha.annualGrowthPct / 100) ** y);
      population.set(split(total, state), (y * L + l) * cells);
      const next = new Float64Array(cells);
      let out = 0;
      for (let a = 0; a < A; a++)
        for (let g = 0; g < G; g++) {
          const c = a * G + g;
          const d = DEATHS[a]!;
          const o = 0.014;
          deathRate[(y * L + l) * cells + c] = d;
          outMigrationRate[(y * L + l) * cells + c] = o;
          const stay = state[c]! * (1 - d - o);
          out += state[c]! * o;
          const up = WIDTH[a]! > 0 ? stay / WIDTH[a]! : 0;
          next[c] = next[c]! + stay - up;
          if (a + 1 < A) next[(a + 1) * G + g] = next[(a + 1) * G + g]! + up;
        }
      let women = 0;
      for (let a = 2; a < 4; a++) women += state[a * G]!;
      const born = women * 0.045;
      for (let g = 0; g < G; g++) {
        births[(y * L + l) * G + g] = born * lha.genderShares[g]!;
        next[g] = next[g]! + born * lha.genderShares[g]!;
      }
      const target = lha.basePopulation * (1 + lha.annualGrowthPct / 100) ** (y + 1);
      const natural = next.reduce((s, v) => s + v, 0);
      const incoming = Math.max(0, target - natural);
      const mw = MIGRANT_AGE.reduce((s, v) => s + v, 0);
      for (let a = 0; a < A; a++)
        for (let g = 0; g < G; g++) {
          const v = (incoming * MIGRANT_AGE[a]! * lha.genderShares[g]!) / mw;
          inMigrants[(y * L + l) * cells + a * G + g] = v;
          next[a * G + g] = next[a * G + g]! + v;
        }
      void out;
      state = next;
    }
  });
  return { years: Y, lhaCount: L, population, births, inMigrants, deathRate, outMigrationRate };
}
