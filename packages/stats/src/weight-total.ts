/**
 * Σ weights of a categorical distribution, checked eagerly: non-empty, every
 * weight finite and ≥ 0, and a finite, positive sum (RangeError otherwise).
 */
export function weightTotal(weights: ArrayLike<number>): number {
  const size = weights.length;
  if (size === 0) throw new RangeError('weights must not be empty');
  let total = 0;
  for (let i = 0; i < size; i++) {
    const weight = weights[i]!;
    if (!(Number.isFinite(weight) && weight >= 0)) {
      throw new RangeError(`weights[${i}] must be a finite number >= 0 (got ${String(weight)})`);
    }
    total += weight;
  }
  if (!(total > 0 && Number.isFinite(total))) {
    throw new RangeError(`weights must have a finite, positive sum (got ${total})`);
  }
  return total;
}
