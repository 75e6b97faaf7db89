import { categorical, cramersV, createStream } from '@lm-synth/stats';
import { describe, expect, it } from 'vitest';
import { cramersVStandardError } from './cramers-v-standard-error.js';

describe('cramersVStandardError', () => {
  it('matches the spread of V over repeated samples, and bounds it near independence', () => {
    const source = createStream(9, 'cramers-v-se-test', 0);
    const cases = [
      // Strong association: the delta method carries the SE.
      [
        [0.3, 0.05],
        [0.05, 0.2],
        [0.1, 0.3],
      ],
      // Independence: the chi-square floor carries it.
      [
        [0.12, 0.18],
        [0.2, 0.3],
        [0.08, 0.12],
      ],
    ];
    for (const [index, cells] of cases.entries()) {
      const draw = categorical(source)(cells.flat());
      const n = 2_000;
      const values: number[] = [];
      let estimated = 0;
      for (let t = 0; t < 300; t++) {
        const table = cells.map((row) => row.map(() => 0));
        for (let i = 0; i < n; i++) {
          const cell = draw();
          table[Math.floor(cell / 2)]![cell % 2]! += 1;
        }
        values.push(cramersV(table));
        estimated += cramersVStandardError(table) / 300;
      }
      const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
      const spread = Math.sqrt(
        values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (values.length - 1),
      );
      if (index === 0) {
        expect(estimated / spread).toBeGreaterThan(0.8);
        expect(estimated / spread).toBeLessThan(1.5);
      } else {
        // Near independence the SE also covers V's upward bias: it is at least the spread.
        expect(estimated).toBeGreaterThan(spread);
        expect(estimated).toBeGreaterThan(mean * 0.8);
      }
    }
  });
});
