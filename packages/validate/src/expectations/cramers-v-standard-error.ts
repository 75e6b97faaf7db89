import { cramersV } from '@lm-synth/stats';

const STEP = 1e-6;

/**
 * Standard error of Cramér's V estimated from a contingency table of counts, counting its
 * upward bias as error too: the multinomial delta method, Var ≈ (Σ p·g² - (Σ p·g)²)/n with
 * g the gradient of V in the cell probabilities (central differences), plus the square of
 * the bias V - V₀, where V₀² = V² - df/(n·(q-1)) removes χ²'s expectation under
 * independence (Bergsma 2013). Near V = 0, where the gradient vanishes, the bias carries it.
 */
export function cramersVStandardError(table: readonly (readonly number[])[]): number {
  const cells = table.flat();
  const n = cells.reduce((sum, count) => sum + count, 0);
  const rows = table.filter((row) => row.some((count) => count > 0)).length;
  const columns = (table[0] ?? []).filter((_, c) => table.some((row) => row[c]! > 0)).length;
  const q = Math.min(rows, columns);
  if (n === 0 || q < 2) return 0;
  const p = table.map((row) => row.map((count) => count / n));
  const at = (r: number, c: number, delta: number) => {
    const shifted = p.map((row) => [...row]);
    shifted[r]![c]! += delta;
    const v = cramersV(shifted);
    return Number.isNaN(v) ? 0 : v;
  };
  let mean = 0;
  let square = 0;
  for (const [r, row] of p.entries()) {
    for (const [c, share] of row.entries()) {
      if (share === 0) continue;
      const step = Math.min(STEP, share / 2);
      const gradient = (at(r, c, step) - at(r, c, -step)) / (2 * step);
      mean += share * gradient;
      square += share * gradient * gradient;
    }
  }
  const degreesOfFreedom = (rows - 1) * (columns - 1);
  const v = at(0, 0, 0);
  const bias = v - Math.sqrt(Math.max(0, v * v - degreesOfFreedom / (n * (q - 1))));
  return Math.sqrt(Math.max(0, square - mean * mean) / n + bias * bias);
}
