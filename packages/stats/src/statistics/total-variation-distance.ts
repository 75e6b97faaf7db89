/**
 * Total variation distance ½ Σ |p_i - q_i| between two distributions over the same
 * categories, each given as probabilities or counts (normalised to sum to 1 first).
 */
export function totalVariationDistance(p: ArrayLike<number>, q: ArrayLike<number>): number {
  if (p.length !== q.length) {
    throw new RangeError(`p and q must have the same length (got ${p.length} and ${q.length})`);
  }
  const totalP = checkedSum(p, 'p');
  const totalQ = checkedSum(q, 'q');
  let distance = 0;
  for (let i = 0; i < p.length; i++) distance += Math.abs(p[i]! / totalP - q[i]! / totalQ);
  return distance / 2;
}

function checkedSum(values: ArrayLike<number>, name: string): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    if (!(Number.isFinite(value) && value >= 0)) {
      throw new RangeError(`${name}[${i}] must be a finite number >= 0 (got ${value})`);
    }
    total += value;
  }
  if (!(total > 0)) throw new RangeError(`${name} must have a positive sum`);
  return total;
}
