/**
 * Splits `total` into integers proportional to `weights` that add up to `total`
 * exactly: Hamilton's largest-remainder method. Ties go to the lower index, so
 * the result is deterministic. All-zero weights give all zeros (total must be 0).
 */
export function largestRemainder(total: number, weights: ArrayLike<number>): Float64Array {
  const count = weights.length;
  const shares = new Float64Array(count);
  let weightSum = 0;
  for (let i = 0; i < count; i++) weightSum += weights[i]!;
  if (total === 0 || count === 0) return shares;
  if (!(weightSum > 0)) throw new RangeError('weights must have a positive sum');
  const remainders = new Float64Array(count);
  let assigned = 0;
  for (let i = 0; i < count; i++) {
    const exact = (total * weights[i]!) / weightSum;
    const whole = Math.floor(exact);
    shares[i] = whole;
    remainders[i] = exact - whole;
    assigned += whole;
  }
  const order = Array.from({ length: count }, (_, i) => i).sort(
    (a, b) => remainders[b]! - remainders[a]! || a - b,
  );
  for (let k = 0; k < total - assigned; k++) {
    const index = order[k]!;
    shares[index] = shares[index]! + 1;
  }
  return shares;
}
