import { categorical, createStream, normal } from '@lm-synth/stats';
import { describe, expect, it } from 'vitest';
import type { PatientFeatures } from './patient-features.js';
import { pmse } from './pmse.js';

const source = createStream(6, 'pmse-test', 0);

/** Records with two numeric features and categories of 5 and 3 levels. */
function records(count: number, shift = 0): PatientFeatures {
  const x = normal(source)(shift, 1);
  const five = categorical(source)([0.4, 0.3, 0.1, 0.1, 0.1]);
  const three = categorical(source)([0.5, 0.3, 0.2]);
  return {
    count,
    numeric: [Float64Array.from({ length: count }, x), Float64Array.from({ length: count }, x)],
    categorical: [
      Int32Array.from({ length: count }, five),
      Int32Array.from({ length: count }, three),
    ],
  };
}
const rows = (count: number) => Int32Array.from({ length: count }, (_, i) => i);

describe('pmse', () => {
  it('averages its null expectation when both sides come from one distribution', () => {
    let ratio = 0;
    const reps = 20;
    for (let r = 0; r < reps; r++) {
      const result = pmse(records(1_000), rows(1_000), records(1_000), rows(1_000), [5, 3]);
      expect(result.parameters).toBe(1 + 2 + 4 + 2);
      ratio += result.value / result.nullExpectation / reps;
    }
    // The ratio's SD is sqrt(2/(k-1)) = 0.5 per fit, 0.11 over 20 fits: allow 3.5 SE.
    expect(Math.abs(ratio - 1)).toBeLessThan(0.4);
  });

  it('grows far beyond it when one side is shifted', () => {
    const result = pmse(records(1_000, 0.5), rows(1_000), records(1_000), rows(1_000), [5, 3]);
    expect(result.value / result.nullExpectation).toBeGreaterThan(20);
    expect(result.nullStandardDeviation).toBeCloseTo((Math.sqrt(2 * 8) * 0.25) / 2_000, 12);
  });
});
