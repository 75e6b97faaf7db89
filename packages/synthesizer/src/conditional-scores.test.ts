import { createStream, standardNormalQuantile } from '@lm-synth/stats';
import { describe, expect, it } from 'vitest';
import { conditionalScores } from './conditional-scores.js';

describe('conditionalScores', () => {
  it('ranks a cell’s rows within the cell and the others among all rows', () => {
    const keys = Float64Array.of(10, 20, 30, 40, 50, 60);
    const cellKeys = Float64Array.of(10, 20, 30, Number.NaN, Number.NaN, Number.NaN);
    const groups = Int32Array.of(0, 0, 0, -1, -1, -1);
    const scores = conditionalScores(keys, cellKeys, groups, createStream(1, 'conditional', 0));
    // Cell rows: ranks 0..2 of 3; the rest: ranks 3..5 of 6.
    [0, 1, 2].forEach((rank) => {
      expect(scores[rank]).toBeCloseTo(standardNormalQuantile((rank + 0.5) / 3), 12);
    });
    [3, 4, 5].forEach((rank) => {
      expect(scores[rank]).toBeCloseTo(standardNormalQuantile((rank + 0.5) / 6), 12);
    });
  });
});
