import type { PatientFeatures } from './patient-features.js';

/** Distances from each query record to its nearest and second-nearest reference record. */
export interface NeighbourDistances {
  readonly nearest: Float64Array;
  readonly second: Float64Array;
}

/**
 * Brute-force nearest neighbours under the Gower distance: the mean over features of
 * |x - y| / range for numeric features (range over the reference records) and 0/1
 * mismatch for categorical ones, so every distance lies in [0, 1]. A query that is itself
 * a reference record (`self[i]` >= 0) skips that record: leave-one-out.
 */
export function nearestNeighbours(
  queries: PatientFeatures,
  queryRows: Int32Array,
  reference: PatientFeatures,
  referenceRows: Int32Array,
  self?: Int32Array,
): NeighbourDistances {
  const numericCount = reference.numeric.length;
  const featureCount = numericCount + reference.categorical.length;
  const scale = reference.numeric.map((column) => {
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (const row of referenceRows) {
      min = Math.min(min, column[row]!);
      max = Math.max(max, column[row]!);
    }
    return max > min ? 1 / (max - min) : 0;
  });
  // Row-major copies of the reference rows, for a tight inner loop.
  const refNumeric = new Float64Array(referenceRows.length * numericCount);
  const refCategorical = new Int32Array(referenceRows.length * reference.categorical.length);
  referenceRows.forEach((row, r) => {
    reference.numeric.forEach((column, f) => {
      refNumeric[r * numericCount + f] = column[row]! * scale[f]!;
    });
    reference.categorical.forEach((column, f) => {
      refCategorical[r * reference.categorical.length + f] = column[row]!;
    });
  });
  const nearest = new Float64Array(queryRows.length);
  const second = new Float64Array(queryRows.length);
  const numeric = new Float64Array(numericCount);
  const categorical = new Int32Array(reference.categorical.length);
  queryRows.forEach((row, q) => {
    queries.numeric.forEach((column, f) => {
      numeric[f] = column[row]! * scale[f]!;
    });
    queries.categorical.forEach((column, f) => {
      categorical[f] = column[row]!;
    });
    let best = Number.POSITIVE_INFINITY;
    let next = Number.POSITIVE_INFINITY;
    const skip = self?.[q] ?? -1;
    for (let r = 0; r < referenceRows.length; r++) {
      if (r === skip) continue;
      let sum = 0;
      for (let f = 0; f < numericCount; f++) {
        sum += Math.abs(numeric[f]! - refNumeric[r * numericCount + f]!);
      }
      for (let f = 0; f < categorical.length; f++) {
        if (categorical[f] !== refCategorical[r * categorical.length + f]) sum += 1;
      }
      if (sum < next) {
        if (sum < best) {
          next = best;
          best = sum;
        } else {
          next = sum;
        }
      }
    }
    nearest[q] = best / featureCount;
    second[q] = next / featureCount;
  });
  return { nearest, second };
}
