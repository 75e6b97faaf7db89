import { t } from '@lm-synth/dims';
import { describe, expect, inject, it } from 'vitest';
import { openDuckdbSource } from './open-duckdb-source.js';

const COUNT = [{ name: 'n', type: t.int64() }];
const FAST = 'SELECT COUNT(*) AS n FROM patients WHERE lha_id = ?';
// A self-join of the patients: still running when close() is called.
const SLOW =
  'SELECT COUNT(*) AS n FROM patients a, patients b WHERE a.dob < b.dob AND a.lha_id = ?';

describe('openDuckdbSource', () => {
  it('lets running queries finish before it closes DuckDB, and refuses new ones', async () => {
    // Closing DuckDB under running statements corrupted its memory and killed the process
    // (as a server stopping under load did); rounds vary the moment close() comes.
    for (let round = 0; round < 10; round++) {
      const source = await openDuckdbSource(inject('datasetDir'));
      const running = Array.from({ length: 40 }, (_, index) =>
        source.select(index % 2 === 0 ? SLOW : FAST, [1 + (index % 12)], COUNT),
      );
      await new Promise((wait) => setTimeout(wait, round));
      await source.close();
      const counts = await Promise.all(running);
      expect(counts.every(([row]) => Number(row?.n) >= 0)).toBe(true);
      await expect(source.select(FAST, [1], COUNT)).rejects.toThrow(/closed/);
    }
  });

  it('compares an ENUM column with a bound string', async () => {
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
