import { regularizedGammaP } from '@lm-synth/stats';

/**
 * The threshold x of an event that befalls a patient of Gamma(k, 1/k) frailty G with
 * probability min(1, x / G) on each of their visits or stays (which come G-times as often),
 * chosen so that over all of them (weighted by G) the share of events is still p:
 * E[min(G, x)] = p, with E[min(G, x)] = P(k + 1, k x) + x (1 - P(k, k x)) and P the regularized
 * lower incomplete gamma function. The hazard per person-year, m min(G, x), then depends on
 * frailty only below x. Without frailty (k infinite) x = p.
 */
export function frailtyScaledChance(p: number, k: number): number {
  if (!(p > 0)) return 0;
  if (!Number.isFinite(k)) return p;
  if (p >= 1) return Number.POSITIVE_INFINITY;
  const expectedMin = (x: number) =>
    regularizedGammaP(k + 1, k * x) + x * (1 - regularizedGammaP(k, k * x));
  let low = p;
  let high = 2 * p;
  while (expectedMin(high) < p) high *= 2;
  for (let step = 0; step < 200 && high - low > 1e-12 * high; step++) {
    const middle = (low + high) / 2;
    if (expectedMin(middle) < p) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}
