/** A tiny ridge penalty keeps the fit finite when a category occurs in one class only. */
const RIDGE = 1e-3;
const MAX_ITERATIONS = 50;
const TOLERANCE = 1e-9;

/**
 * Fits a logistic regression of `y` (0/1) on the rows of `x` (row-major, `columns` wide,
 * including any intercept column) by iteratively reweighted least squares — Newton's
 * method on the log-likelihood (McCullagh & Nelder, Generalized Linear Models, §4.4) —
 * with a small ridge penalty. Returns the fitted probabilities.
 */
export function logisticRegression(x: Float64Array, y: Uint8Array, columns: number): Float64Array {
  const rows = y.length;
  const beta = new Float64Array(columns);
  const fitted = new Float64Array(rows);
  const hessian = new Float64Array(columns * columns);
  const gradient = new Float64Array(columns);
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    hessian.fill(0);
    for (let j = 0; j < columns; j++) {
      gradient[j] = -RIDGE * beta[j]!;
      hessian[j * columns + j] = RIDGE;
    }
    for (let i = 0; i < rows; i++) {
      let eta = 0;
      for (let j = 0; j < columns; j++) eta += x[i * columns + j]! * beta[j]!;
      const p = 1 / (1 + Math.exp(-eta));
      fitted[i] = p;
      const weight = p * (1 - p);
      const residual = y[i]! - p;
      for (let j = 0; j < columns; j++) {
        const xij = x[i * columns + j]!;
        if (xij === 0) continue;
        gradient[j]! += xij * residual;
        for (let k = j; k < columns; k++)
          hessian[j * columns + k]! += weight * xij * x[i * columns + k]!;
      }
    }
    for (let j = 0; j < columns; j++)
      for (let k = 0; k < j; k++) hessian[j * columns + k] = hessian[k * columns + j]!;
    const step = solveSymmetric(hessian, gradient, columns);
    let largest = 0;
    for (let j = 0; j < columns; j++) {
      beta[j]! += step[j]!;
      largest = Math.max(largest, Math.abs(step[j]!));
    }
    if (largest < TOLERANCE) break;
  }
  for (let i = 0; i < rows; i++) {
    let eta = 0;
    for (let j = 0; j < columns; j++) eta += x[i * columns + j]! * beta[j]!;
    fitted[i] = 1 / (1 + Math.exp(-eta));
  }
  return fitted;
}

/** Solves A z = b for a symmetric positive definite A by Cholesky decomposition. */
function solveSymmetric(a: Float64Array, b: Float64Array, n: number): Float64Array {
  const l = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    let diagonal = a[j * n + j]!;
    for (let k = 0; k < j; k++) diagonal -= l[j * n + k]! ** 2;
    const root = Math.sqrt(Math.max(diagonal, 1e-300));
    l[j * n + j] = root;
    for (let i = j + 1; i < n; i++) {
      let sum = a[i * n + j]!;
      for (let k = 0; k < j; k++) sum -= l[i * n + k]! * l[j * n + k]!;
      l[i * n + j] = sum / root;
    }
  }
  const z = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = b[i]!;
    for (let k = 0; k < i; k++) sum -= l[i * n + k]! * z[k]!;
    z[i] = sum / l[i * n + i]!;
  }
  for (let i = n - 1; i >= 0; i--) {
    let sum = z[i]!;
    for (let k = i + 1; k < n; k++) sum -= l[k * n + i]! * z[k]!;
    z[i] = sum / l[i * n + i]!;
  }
  return z;
}
