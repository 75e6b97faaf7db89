import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { categoricalDistribution } from '../distributions/categorical-distribution.js';
import { createStream } from '../streams/create-stream.js';
import { DRAWS, expectDiscreteFit } from '../test-fit.js';
import { aliasTable } from './alias-table.js';
import { categorical } from './categorical.js';
import { fillCategorical } from './fill-categorical.js';

function fourthCentralMoment(weights: readonly number[]): number {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const mean = weights.reduce((sum, weight, k) => sum + (k * weight) / total, 0);
  return weights.reduce((sum, weight, k) => sum + ((k - mean) ** 4 * weight) / total, 0);
}

const manyWeights = Array.from({ length: 1000 }, (_, k) => 1 + ((k * 7919) % 97));

describe('categorical', () => {
  it.each([
    ['8 classes', [1, 2, 3, 4, 5, 6, 7, 8]],
    ['a zero-weight class', [0.5, 0, 0.3, 0.2]],
    ['a rare class', [1e-4, 1]],
    ['1000 classes', manyWeights],
  ])('matches the weights with %s', (_, weights) => {
    const stream = createStream(10, `categorical-fit-${weights.length}`, 0);
    const sample = fillCategorical(stream, new Int32Array(DRAWS), weights);
    expectDiscreteFit(sample, categoricalDistribution(weights), fourthCentralMoment(weights));
  });

  it('accepts a prebuilt alias table', () => {
    const table = aliasTable([1, 3]);
    const fromTable = fillCategorical(
      createStream(10, 'categorical-table', 0),
      new Int32Array(50),
      table,
    );
    const fromWeights = fillCategorical(
      createStream(10, 'categorical-table', 0),
      new Int32Array(50),
      [1, 3],
    );
    expect(fromTable).toEqual(fromWeights);
  });

  it('never draws a zero-weight class', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constant(0), fc.double({ min: 1e-9, max: 1e6, noNaN: true })), {
          minLength: 1,
          maxLength: 40,
        }),
        fc.nat(),
        (weights, index) => {
          fc.pre(weights.some((weight) => weight > 0));
          const draw = categorical(createStream(10, 'categorical-property', index))(weights);
          for (let i = 0; i < 200; i++) if (weights[draw()] === 0) return false;
          return true;
        },
      ),
    );
  });

  it('rejects weights without positive mass eagerly', () => {
    expect(() => categorical(createStream(10, 'categorical-test', 0))([0, 0])).toThrow(
      new RangeError('weights must have a finite, positive sum (got 0)'),
    );
  });
});
