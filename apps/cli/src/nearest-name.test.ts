import { describe, expect, it } from 'vitest';
import { nearestName } from './nearest-name.js';

describe('nearestName', () => {
  const options = ['--patients', '--start-year', '--years', '--format', '--force'];

  it('finds a typo, a swapped pair of letters counting as one edit', () => {
    expect(nearestName('--patinets', options)).toBe('--patients');
    expect(nearestName('--fromat', options)).toBe('--format');
    expect(nearestName('--YEARS', options)).toBe('--years');
  });

  it('suggests nothing for a name far from every candidate', () => {
    expect(nearestName('--zzzzzzzz', options)).toBeUndefined();
    expect(nearestName('x', [])).toBeUndefined();
  });
});
