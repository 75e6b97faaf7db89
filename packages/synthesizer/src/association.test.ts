import { createStream } from '@lm-synth/stats';
import { describe, expect, it } from 'vitest';
import { association } from './association.js';

describe('association', () => {
  it("is Cramér's V: 1 for a category that fixes the other, near 0 for independent ones", () => {
    const n = 10_000;
    const random = createStream(1, 'association', 0);
    const a = Float64Array.from({ length: n }, () => Math.floor(random.next() * 4));
    expect(
      association(
        a,
        a.map((x) => 3 - x),
        false,
      ),
    ).toBeCloseTo(1, 12);
    const b = Float64Array.from({ length: n }, () => Math.floor(random.next() * 3));
    // Under independence n·(k-1)·V² is chi-square with (4-1)(3-1) = 6 df: below 30 in all but 1e-5 of cases.
    expect(association(a, b, false)).toBeLessThan(Math.sqrt(30 / (n * 2)));
  });

  it('is the correlation ratio η² for a number: the share of its variance the categories explain', () => {
    const groups = Float64Array.of(0, 0, 1, 1);
    expect(association(groups, Float64Array.of(1, 3, 5, 7), true)).toBeCloseTo(16 / 20, 12);
    expect(association(groups, Float64Array.of(1, 2, 1, 2), true)).toBe(0);
  });

  it('leaves rows with a missing value out', () => {
    expect(
      association(Float64Array.of(0, 1, Number.NaN), Float64Array.of(0, 1, 0), false),
    ).toBeCloseTo(1, 12);
  });
});
