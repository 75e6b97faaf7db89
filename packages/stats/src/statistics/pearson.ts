/**
 * Pearson's correlation coefficient of paired samples (two-pass, centred sums). NaN when
 * either sample is constant.
 */
export function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  if (n !== y.length) {
    throw new RangeError(`x and y must have the same length (got ${n} and ${y.length})`);
  }
  if (n < 2) throw new RangeError(`need at least two pairs (got ${n})`);
  let sumX = 0;
  let sumY = 0;
  for (let i = 0; i < n; i++) {
    sumX += x[i]!;
    sumY += y[i]!;
  }
  const meanX = sumX / n;
  const meanY = sumY / n;
  let crossProducts = 0;
  let squaresX = 0;
  let squaresY = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i]! - meanX;
    const dy = y[i]! - meanY;
    crossProducts += dx * dy;
    squaresX += dx * dx;
    squaresY += dy * dy;
  }
  return crossProducts / Math.sqrt(squaresX * squaresY);
}
