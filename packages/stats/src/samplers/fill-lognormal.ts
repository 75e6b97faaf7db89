import type { NumericArray } from '../numeric-array.js';
import { fastExp } from '../special/fast-exp.js';
import type { RandomSource } from '../streams/random-source.js';
import { fillNormal } from './fill-normal.js';
import { lognormal } from './lognormal.js';

/**
 * Fills `out` with Lognormal(mu, sigma) draws. Returns `out`. The normals are drawn first
 * and exponentiated in a second pass: the same values as the one-at-a-time form, but two
 * short loops run faster than one that does both.
 */
export function fillLognormal<T extends NumericArray>(
  source: RandomSource,
  out: T,
  mu: number,
  sigma: number,
): T {
  // Checks the parameters; also the path for other arrays, whose precision the normals
  // would lose before exponentiation.
  const draw = lognormal(source)(mu, sigma);
  if (sigma === 0 || !(out instanceof Float64Array)) {
    for (let i = 0; i < out.length; i++) out[i] = draw();
    return out;
  }
  fillNormal(source, out, mu, sigma);
  for (let i = 0; i < out.length; i++) out[i] = fastExp(out[i]!);
  return out;
}
