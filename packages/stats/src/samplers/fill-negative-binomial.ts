import type { NumericArray } from '../numeric-array.js';
import type { RandomSource } from '../streams/random-source.js';
import { type NegativeBinomialParameters, negativeBinomial } from './negative-binomial.js';

/** Fills `out` with negative binomial draws by mean and dispersion. Returns `out`. */
export function fillNegativeBinomial<T extends NumericArray>(
  source: RandomSource,
  out: T,
  parameters: NegativeBinomialParameters,
): T {
  const draw = negativeBinomial(source)(parameters);
  for (let i = 0; i < out.length; i++) out[i] = draw();
  return out;
}
