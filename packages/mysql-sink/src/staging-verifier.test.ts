import { tableByName } from '@lm-synth/dims';
import type { RowDataPacket } from 'mysql2/promise';
import { describe, expect, it } from 'vitest';
import { loadDataset } from './load-dataset.js';
import { SinkSession } from './sink-session.js';
import { StagingVerifier } from './staging-verifier.js';
import { withTestDatabase } from './test-database.js';
import { testDataset } from './test-dataset.js';

describe('StagingVerifier', () => {
  it('checks a table once the parents it references are staged, whatever order they come in', async () => {
    await withTestDatabase(async ({ url, admin }) => {
      await loadDataset(testDataset({ patients: 150 }).streams(), { url });
      await admin.query('SET foreign_key_checks = 0');
      await admin.query('DELETE FROM patients ORDER BY patient_id LIMIT 3');
      const [[orphaned]] = await admin.query<RowDataPacket[]>(
        'SELECT COUNT(*) AS n FROM ed_encounters e WHERE e.patient_id NOT IN (SELECT patient_id FROM patients)',
      );
      expect(Number(orphaned!.n)).toBeGreaterThan(0);
      const rows = async (name: string) => {
        const [[row]] = await admin.query<RowDataPacket[]>(`SELECT COUNT(*) AS n FROM ${name}`);
        return Number(row!.n);
      };

      const names = ['dim_site', 'patients', 'ed_encounters'];
      const main = await SinkSession.open({ url }, { createDatabase: false });
      const verifier = await StagingVerifier.open(main, 2);
      try {
        verifier.plan(names);
        // Children first: each waits for its parents, or its keys into them would go unchecked.
        for (const name of [...names].reverse()) {
          verifier.add(tableByName(name), name, await rows(name));
        }
        const report = await verifier.finish();
        expect(report.tables.map((t) => t.table)).toEqual(names);
        expect(report.foreignKeys.map((fk) => [fk.name, fk.orphans])).toEqual(
          names.flatMap((name) =>
            tableByName(name)
              .foreignKeys.filter((fk) => names.includes(fk.references.table))
              .map((fk) => [fk.name, fk.name === 'fk_ed_pat' ? Number(orphaned!.n) : 0]),
          ),
        );
        expect(report.ok).toBe(false);
      } finally {
        await verifier.close();
        await main.close();
      }
    });
  });
});
