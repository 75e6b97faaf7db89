import { describe, expect, it } from 'vitest';
import { withoutServerPaths } from './without-server-paths.js';

describe('withoutServerPaths', () => {
  it('makes paths below the directory relative and names the directory by its base name', () => {
    const report = {
      dataset: { dir: '/srv/data/out', rows: 3 },
      gates: [{ message: 'patients.parquet (/srv/data/out/patients.parquet) is missing' }],
      other: '/srv/data/outside',
    };
    expect(withoutServerPaths(report, '/srv/data/out')).toEqual({
      dataset: { dir: 'out', rows: 3 },
      gates: [{ message: 'patients.parquet (patients.parquet) is missing' }],
      other: '/srv/data/outside',
    });
  });
});
