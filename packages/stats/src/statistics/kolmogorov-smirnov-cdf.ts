/**
 * P(D_n < d) for the one-sample Kolmogorov–Smirnov statistic, exactly, by Marsaglia, Tsang &
 * Wang, "Evaluating Kolmogorov's distribution", J. Stat. Softw. 8(18) (2003): an m×m matrix
 * raised to the n-th power, with their quick approximation where the answer is within 1e-7
 * of 1. Cost grows as (n·d)³ log n, so callers keep n moderate.
 */
export function kolmogorovSmirnovCdf(n: number, d: number): number {
  if (d <= 0) return 0;
  if (d >= 1) return 1;
  const s = d * d * n;
  if (s > 7.24 || (s > 3.76 && n > 99)) {
    return 1 - 2 * Math.exp(-(2.000071 + 0.331 / Math.sqrt(n) + 1.409 / n) * s);
  }
  const k = Math.floor(n * d) + 1;
  const m = 2 * k - 1;
  const h = k - n * d;
  const H = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) H[i * m + j] = i - j + 1 < 0 ? 0 : 1;
  }
  for (let i = 0; i < m; i++) {
    H[i * m] = H[i * m]! - h ** (i + 1);
    H[(m - 1) * m + i] = H[(m - 1) * m + i]! - h ** (m - i);
  }
  H[(m - 1) * m] = H[(m - 1) * m]! + (2 * h - 1 > 0 ? (2 * h - 1) ** m : 0);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) {
      for (let g = 1; g <= i - j + 1; g++) H[i * m + j] = H[i * m + j]! / g;
    }
  }
  const { matrix, exponent } = matrixPower(H, 0, m, n);
  let value = matrix[(k - 1) * m + k - 1]!;
  let scale = exponent;
  for (let i = 1; i <= n; i++) {
    value = (value * i) / n;
    if (value < 1e-140) {
      value *= 1e140;
      scale -= 140;
    }
  }
  return value * 10 ** scale;
}

function multiply(a: Float64Array, b: Float64Array, m: number): Float64Array {
  const product = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let k = 0; k < m; k++) {
      const aik = a[i * m + k]!;
      if (aik === 0) continue;
      for (let j = 0; j < m; j++) product[i * m + j] = product[i * m + j]! + aik * b[k * m + j]!;
    }
  }
  return product;
}

/** A^n with a decimal exponent carried separately to avoid overflow. */
function matrixPower(
  a: Float64Array,
  aExponent: number,
  m: number,
  n: number,
): { matrix: Float64Array; exponent: number } {
  if (n === 1) return { matrix: a, exponent: aExponent };
  const half = matrixPower(a, aExponent, m, Math.floor(n / 2));
  const squared = multiply(half.matrix, half.matrix, m);
  let matrix = squared;
  let exponent = 2 * half.exponent;
  if (n % 2 === 1) {
    matrix = multiply(a, squared, m);
    exponent += aExponent;
  }
  const centre = Math.floor(m / 2);
  if (matrix[centre * m + centre]! > 1e140) {
    for (let i = 0; i < m * m; i++) matrix[i] = matrix[i]! * 1e-140;
    exponent += 140;
  }
  return { matrix, exponent };
}
