import { standardNormalQuantile } from '@lm-synth/stats';

/**
 * A total variation distance between two samples (sizes n and m, over categories with
 * pooled shares `pooled`) that chance exceeds with probability at most about `alpha`: by
 * the union bound every category's difference stays within z·SE with z for alpha/K per
 * category (both tails), and TVD = ½ Σ |difference|.
 */
export function tvdCriticalValue(
  pooled: readonly number[],
  n: number,
  m: number,
  alpha: number,
): number {
  const z = standardNormalQuantile(1 - alpha / (2 * pooled.length));
  const scale = 1 / n + 1 / m;
  return 0.5 * pooled.reduce((sum, p) => sum + z * Math.sqrt(p * (1 - p) * scale), 0);
}
