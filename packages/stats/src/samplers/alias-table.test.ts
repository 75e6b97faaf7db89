import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aliasTable } from './alias-table.js';

/** The distribution an alias table encodes: column i gives i w.p. probability[i], else alias[i]. */
function impliedProbabilities(weights: readonly number[]): number[] {
  const { probability, alias } = aliasTable(weights);
  const n = weights.length;
  const implied = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    implied[i]! += probability[i]! / n;
    implied[alias[i]!]! += (1 - probability[i]!) / n;
  }
  return implied;
}

const weightsArbitrary = fc
  .array(fc.oneof(fc.constant(0), fc.double({ min: 1e-12, max: 1e12, noNaN: true })), {
    minLength: 1,
    maxLength: 200,
  })
  .filter((weights) => weights.some((weight) => weight > 0));

describe('aliasTable', () => {
  it('encodes probabilities that sum to 1 and equal the normalised weights', () => {
    fc.assert(
      fc.property(weightsArbitrary, (weights) => {
        const total = weights.reduce((sum, weight) => sum + weight, 0);
        const implied = impliedProbabilities(weights);
        const sum = implied.reduce((accumulated, value) => accumulated + value, 0);
        return (
          Math.abs(sum - 1) < 1e-12 &&
          implied.every((value, i) => Math.abs(value - weights[i]! / total) < 1e-12)
        );
      }),
    );
  });

  it('keeps every column probability in [0, 1] and gives zero weights exactly zero mass', () => {
    fc.assert(
      fc.property(weightsArbitrary, (weights) => {
        const { probability } = aliasTable(weights);
        const implied = impliedProbabilities(weights);
        return (
          probability.every((value) => value >= 0 && value <= 1) &&
          weights.every((weight, i) => weight > 0 || implied[i] === 0)
        );
      }),
    );
  });

  it.each([
    [[], 'weights must not be empty'],
    [[1, -1], 'weights[1] must be a finite number >= 0 (got -1)'],
    [[1, Number.POSITIVE_INFINITY], 'weights[1] must be a finite number >= 0 (got Infinity)'],
  ])('rejects %o', (weights, message) => {
    expect(() => aliasTable(weights)).toThrow(new RangeError(message));
  });
});
