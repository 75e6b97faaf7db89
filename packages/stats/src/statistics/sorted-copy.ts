/** The sample as a new ascending Float64Array; NaN is rejected since it has no rank. */
export function sortedCopy(sample: ArrayLike<number>, name = 'sample'): Float64Array {
  const sorted = Float64Array.from(sample);
  for (let i = 0; i < sorted.length; i++) {
    if (Number.isNaN(sorted[i])) throw new RangeError(`${name}[${i}] is NaN`);
  }
  return sorted.sort();
}
