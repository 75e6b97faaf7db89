import { standardNormalQuantile } from '@lm-synth/stats';
import { binomialQuantiles } from '../expectations/binomial-quantiles.js';
import type { Significance } from '../expectations/significance.js';
import type { CheckResult } from '../report/validation-report.js';
import type { UndetectableCheck } from './detectable-outcome.js';
import { makeCheck } from './make-check.js';

/** A deviation counts as detectable when the check would see it at least 80% of the time. */
const POWER_Z = standardNormalQuantile(0.8);

/** A share's check, and whether it could see the deviation it exists for. */
export interface ShareCheck {
  readonly check: CheckResult;
  /** Null when decisive; else the check's key with its size and the size it needs. */
  readonly undetectable: UndetectableCheck | null;
}

/**
 * `observed` events out of `n` against `expected` events (a sum of per-row probabilities,
 * so mixtures over ages or levels are exact) with `variance` (the sum of p(1 - p)), as
 * shares. The tolerance, on the side the observation fell, is z standard errors or the
 * exact Binomial(n, expected / n) quantile at the tail, whichever is wider: small expected
 * counts stay honest where the normal approximation would fail them by chance (a mixture's
 * variance is at most the binomial's, so its quantiles are conservative). `deviation` is
 * the shift in events the check exists to see (the defect's expectation minus the model's):
 * it is decisive when the deviation clears the tolerance on its side plus 0.84 of the
 * defect's own standard error (80% power). Tolerance and standard error grow like the root
 * of n and the deviation like n, so it becomes decisive near n x (needed / deviation)^2.
 */
export function shareCheck(
  key: string,
  observed: number,
  expected: number,
  variance: number,
  n: number,
  { tail, z }: Significance,
  deviation: number,
): ShareCheck {
  const sd = Math.sqrt(Math.max(variance, 0));
  const p = n > 0 ? Math.min(Math.max(expected / n, 0), 1) : 0;
  const quantiles = binomialQuantiles(n, p);
  const above = Math.max(z * sd, quantiles.quantile(1 - tail) - expected);
  const below = Math.max(z * sd, expected - quantiles.quantile(tail));
  const tolerance = observed >= expected ? above : below;
  const check = makeCheck(
    key,
    n > 0 ? observed / n : 0,
    n > 0 ? expected / n : 0,
    n > 0 ? tolerance / n : 0,
  );
  const alternative = n > 0 ? Math.min(Math.max((expected + deviation) / n, 0), 1) : 0;
  const needed =
    (deviation >= 0 ? above : below) + POWER_Z * Math.sqrt(n * alternative * (1 - alternative));
  if (n > 0 && deviation !== 0 && needed < Math.abs(deviation)) {
    return { check, undetectable: null };
  }
  const scale =
    deviation === 0 || n === 0 ? Number.POSITIVE_INFINITY : (needed / Math.abs(deviation)) ** 2;
  const size = Number.isFinite(scale) ? `~${Math.ceil(n * scale).toLocaleString('en')}` : 'never';
  return { check, undetectable: { key: `${key} (${n} rows; decisive from ${size})`, scale } };
}
