import { describe, expect, it } from 'vitest';
import { joinNegativeValues } from './join-negative-values.js';

const VALUE_OPTIONS = new Set(['--patients', '--ks-threshold']);

describe('joinNegativeValues', () => {
  it('joins a negative number to the flag that takes it', () => {
    expect(joinNegativeValues(['generate', '--patients', '-5'], VALUE_OPTIONS)).toEqual([
      'generate',
      '--patients=-5',
    ]);
    expect(joinNegativeValues(['validate', '--ks-threshold', '-.5'], VALUE_OPTIONS)).toEqual([
      'validate',
      '--ks-threshold=-.5',
    ]);
  });

  it('leaves switches, options, words and everything after -- alone', () => {
    for (const argv of [
      ['generate', '--json', '-5'],
      ['generate', '--patients', '--json'],
      ['generate', '--patients', '-x'],
      ['sql', '--', '--patients', '-5'],
    ]) {
      expect(joinNegativeValues(argv, VALUE_OPTIONS)).toEqual(argv);
    }
  });
});
