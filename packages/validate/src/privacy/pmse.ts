import { logisticRegression } from './logistic-regression.js';
import type { PatientFeatures } from './patient-features.js';

export interface PmseResult {
  readonly value: number;
  readonly nullExpectation: number;
  readonly nullStandardDeviation: number;
  /** Parameters of the discriminator, intercept included. */
  readonly parameters: number;
}

/**
 * The propensity-score mean squared error (Woo et al. 2009; Snoke et al., "General and
 * specific utility measures for synthetic data", JRSS A 181 (2018)): a logistic regression
 * on main effects (standardised numeric features, one-hot categories) tells records of A
 * from records of B; pMSE = mean (p̂ - c)² with c the share of A. When the labels are
 * exchangeable (A and B from one distribution), p̂ - c ≈ c(1-c)·xᵀ(β̂ - β₀) gives
 * Σ(p̂ - c)² ≈ c(1-c)·χ²_{k-1} for k parameters, so pMSE has mean (k-1)c(1-c)/N and
 * standard deviation √(2(k-1))·c(1-c)/N. (Snoke et al.'s (k-1)(1-c)²c/N is half of this
 * at c = ½; synthpop halves its own permutation null to match it.)
 */
export function pmse(
  a: PatientFeatures,
  aRows: Int32Array,
  b: PatientFeatures,
  bRows: Int32Array,
  levels: readonly number[],
): PmseResult {
  const records = [
    ...Array.from(aRows, (row) => ({ features: a, row, label: 1 })),
    ...Array.from(bRows, (row) => ({ features: b, row, label: 0 })),
  ];
  const numericCount = a.numeric.length;
  const means = new Float64Array(numericCount);
  const deviations = new Float64Array(numericCount);
  for (let f = 0; f < numericCount; f++) {
    const values = records.map(({ features, row }) => features.numeric[f]![row]!);
    const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
    const variance = values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / values.length;
    means[f] = mean;
    deviations[f] = Math.sqrt(variance) || 1;
  }
  // Categories with fewer than two levels carry no information and are left out.
  const offsets: number[] = [];
  let columns = 1 + numericCount;
  for (const count of levels) {
    offsets.push(columns);
    columns += Math.max(0, count - 1);
  }
  const x = new Float64Array(records.length * columns);
  const y = new Uint8Array(records.length);
  records.forEach(({ features, row, label }, i) => {
    const base = i * columns;
    x[base] = 1;
    for (let f = 0; f < numericCount; f++) {
      x[base + 1 + f] = (features.numeric[f]![row]! - means[f]!) / deviations[f]!;
    }
    features.categorical.forEach((column, f) => {
      const code = column[row]!;
      if (code > 0) x[base + offsets[f]! + code - 1] = 1;
    });
    y[i] = label;
  });
  const fitted = logisticRegression(x, y, columns);
  const n = records.length;
  const c = aRows.length / n;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += (fitted[i]! - c) ** 2;
  const spread = c * (1 - c);
  return {
    value: sum / n,
    nullExpectation: ((columns - 1) * spread) / n,
    nullStandardDeviation: (Math.sqrt(2 * (columns - 1)) * spread) / n,
    parameters: columns,
  };
}
