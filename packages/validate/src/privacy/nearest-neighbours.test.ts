import { describe, expect, it } from 'vitest';
import { nearestNeighbours } from './nearest-neighbours.js';
import type { PatientFeatures } from './patient-features.js';

const features = (numeric: number[][], categorical: number[][]): PatientFeatures => ({
  count: numeric[0]!.length,
  numeric: numeric.map((column) => Float64Array.from(column)),
  categorical: categorical.map((column) => Int32Array.from(column)),
});

describe('nearestNeighbours', () => {
  // One numeric feature over 0..10 and one categorical: Gower = (|dx| / 10 + mismatch) / 2.
  const reference = features([[0, 5, 10]], [[0, 1, 1]]);
  const all = Int32Array.from([0, 1, 2]);

  it('finds the two closest records under the Gower distance', () => {
    const queries = features([[4, 0]], [[1, 0]]);
    const { nearest, second } = nearestNeighbours(queries, Int32Array.from([0, 1]), reference, all);
    expect(nearest[0]).toBeCloseTo(0.05, 12); // 5: |4-5|/10
    expect(second[0]).toBeCloseTo(0.3, 12); // 10: |4-10|/10 / 2, closer than 0: (0.4 + 1) / 2
    expect(nearest[1]).toBe(0); // an exact copy of record 0
  });

  it('leaves a record out of its own search', () => {
    const { nearest } = nearestNeighbours(reference, all, reference, all, all);
    expect(nearest[0]).toBeCloseTo(0.75, 12); // 0 vs 5: (0.5 + 1) / 2
    expect(nearest[1]).toBeCloseTo(0.25, 12); // 5 vs 10: 0.5 / 2
  });
});
