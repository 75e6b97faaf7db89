import { describe, expect, it } from 'vitest';
import { expectClose } from '../test-close.js';
import { erfc } from './erfc.js';

describe('erfc', () => {
  // References: mpmath at 40 digits.
  it.each([
    [-3, 1.9999779095030015],
    [-0.3, 1.3286267594591274],
    [0, 1],
    [1e-20, 1],
    [0.2, 0.7772974107895215],
    [0.46875, 0.507386526782062],
    [0.5, 0.4795001221869535],
    [1.7, 0.01620954140922544],
    [3.9, 3.4792248597231765e-8],
    [4.1, 6.700027654084918e-9],
    [10, 2.088487583762545e-45],
    [26, 5.663192408856143e-296],
  ])('erfc(%d) = %d to 1e-15 relative', (x, expected) => {
    expectClose(erfc(x), expected, 1e-15);
  });

  it('underflows to 0 (and 2) far out, and propagates NaN', () => {
    expect(erfc(27)).toBe(0);
    expect(erfc(-27)).toBe(2);
    expect(erfc(Number.NaN)).toBeNaN();
  });
});
