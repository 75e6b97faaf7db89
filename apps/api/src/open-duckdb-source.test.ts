import { t } from '@lm-synth/dims';
import { describe, expect, inject, it } from 'vitest';
import { openDuckdbSource } from './open-duckdb-source.js';

const COUNT = [{ name: 'n', type: t.int64() }];
// A self-join of the patients: long enough to be running when close() is called.
const SLOW =
  'SELECT COUNT(*) AS n FROM patients a, patients b WHERE a.dob < b.dob AND a.gender = ?';

describe('openDuckdbSource', () => {
  it('lets running queries finish before it closes DuckDB, and refuses new ones', async () => {
    const source = await openDuckdbSource(inject('datasetDir'));
    const running = ['Female', 'Male', 'Other'].map((gender) =>
      source.select(SLOW, [gender], COUNT),
    );
    // Closing DuckDB under a running statement corrupted its memory and aborted the process.
    await source.close();
    const counts = await Promise.all(running);
    expect(counts.every(([row]) => Number(row?.n) > 0)).toBe(true);
    await expect(source.select('SELECT 1 AS n', [], COUNT)).rejects.toThrow(/closed/);
  });

  it('binds a string compared with an ENUM column as that ENUM', async () => {
    const source = await openDuckdbSource(inject('datasetDir'));
    try {
      const [row] = await source.select(
        'SELECT COUNT(*) AS n FROM patients WHERE age_group = ? AND lha_id = ?',
        ['85+', 2],
        COUNT,
      );
      expect(Number(row?.n)).toBeGreaterThan(0);
    } finally {
      await source.close();
    }
  });
});
