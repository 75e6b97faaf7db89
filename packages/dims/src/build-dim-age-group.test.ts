import { AGE_GROUPS } from '@lm-synth/config/core';
import { describe, expect, it } from 'vitest';
import { buildDimAgeGroup } from './build-dim-age-group.js';

describe('buildDimAgeGroup', () => {
  it('derives contiguous age ranges from the labels, the top band open', () => {
    const columns = buildDimAgeGroup();
    expect(columns.age_group).toEqual([...AGE_GROUPS]);
    expect(Array.from(columns.sort_order)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(Array.from(columns.min_age)).toEqual([0, 5, 15, 25, 45, 65, 75, 85]);
    expect(columns.max_age).toEqual([4, 14, 24, 44, 64, 74, 84, null]);
  });
});
