import { requireNonNegative } from '../parameters.js';
import type { RandomSource } from '../streams/random-source.js';
import { PtrsPoisson } from './ptrs-poisson.js';

/**
 * Poisson with mean `lambda`. For λ < 10, inversion by search in a CDF table built once
 * (Devroye 1986, §X.3.3); for λ >= 10, PTRS (Hörmann 1993). Cost is O(1) in λ either way.
 */
export function poisson(source: RandomSource) {
  return (lambda: number): (() => number) => {
    requireNonNegative('lambda', lambda);
    if (lambda === 0) return () => 0;
    if (lambda < PtrsPoisson.MIN_LAMBDA) return tableInversion(source, lambda);
    const ptrs = new PtrsPoisson();
    ptrs.setLambda(lambda);
    return () => ptrs.sample(source);
  };
}

function tableInversion(source: RandomSource, lambda: number): () => number {
  const cumulative: number[] = [];
  let probability = Math.exp(-lambda);
  let sum = probability;
  cumulative.push(sum);
  // Past the mode, stop once the remaining mass is far below one 53-bit uniform step.
  for (let k = 1; k <= lambda || probability > 2 ** -60; k++) {
    probability *= lambda / k;
    sum += probability;
    cumulative.push(sum);
  }
  const table = Float64Array.from(cumulative);
  const last = table.length - 1;
  const lastProbability = probability;
  return () => {
    const u = source.next();
    let k = 0;
    while (k < last && u >= table[k]!) k++;
    if (u < table[k]!) return k;
    // Beyond the table (probability < 2^-55): continue the recurrence.
    let tailProbability = lastProbability;
    let tailSum = table[last]!;
    while (u >= tailSum && tailProbability > 0) {
      k += 1;
      tailProbability *= lambda / k;
      tailSum += tailProbability;
    }
    return k;
  };
}
