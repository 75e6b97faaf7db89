import { CATALOGUE } from '@lm-synth/dims';
import type { RowDataPacket } from 'mysql2/promise';
import { describe, expect, it } from 'vitest';
import { loadDataset } from './load-dataset.js';
import { quoteIdentifier as q } from './quote-identifier.js';
import { SinkSession } from './sink-session.js';
import { withTestDatabase } from './test-database.js';
import { testDataset } from './test-dataset.js';
import { verifyTable } from './verify-table.js';

describe('verifyTable', () => {
  it('counts the same orphans whether it looks up every row or distinct keys first', async () => {
    await withTestDatabase(async ({ url, admin }) => {
      await loadDataset(testDataset({ patients: 200 }).streams(), { url });
      await admin.query('SET foreign_key_checks = 0');
      // Orphans through a large parent (patients), a self-reference, a sparse nullable key,
      // and a small parent (dim_site); a null key references nothing (MATCH SIMPLE).
      await admin.query('DELETE FROM patients ORDER BY patient_id LIMIT 5');
      await admin.query(
        'UPDATE ip_stays SET transfer_from_stay_id = 999999 ORDER BY stay_id LIMIT 2',
      );
      await admin.query('UPDATE ip_stays SET ed_encounter_id = 42 ORDER BY stay_id DESC LIMIT 3');
      await admin.query('UPDATE ed_encounters SET facility_id = 99 ORDER BY encounter_id LIMIT 4');
      await admin.query('UPDATE ip_stays SET ed_encounter_id = NULL ORDER BY stay_id LIMIT 1');

      const session = await SinkSession.open({ url }, { createDatabase: false });
      try {
        for (const table of CATALOGUE) {
          const check = (rowsOf?: (name: string) => number) =>
            verifyTable(
              session,
              { table, name: table.name },
              { parentOf: (name) => name, keys: true, ...(rowsOf ? { rowsOf } : {}) },
            );
          // Parents as large as the child: a lookup per row; as small as nothing: distinct keys.
          const perRow = await check(() => Number.MAX_SAFE_INTEGER);
          const distinctFirst = await check(() => 0);
          expect(perRow, table.name).toEqual(distinctFirst);
          for (const fk of perRow.foreignKeys) {
            const spec = table.foreignKeys.find((f) => f.name === fk.name)!;
            const [[row]] = await admin.query<RowDataPacket[]>(
              `SELECT COUNT(*) AS n FROM ${q(table.name)} c WHERE ${spec.columns.map((c) => `c.${q(c)} IS NOT NULL`).join(' AND ')} AND (${spec.columns.map(q).join(', ')}) NOT IN (SELECT ${spec.references.columns.map(q).join(', ')} FROM ${q(spec.references.table)})`,
            );
            expect(fk.orphans, `${table.name}.${fk.name}`).toBe(Number(row!.n));
          }
        }
        const orphans = async (table: string) =>
          (
            await verifyTable(
              session,
              { table: CATALOGUE.find((t) => t.name === table)!, name: table },
              { parentOf: (name) => name, keys: true },
            )
          ).foreignKeys
            .filter((fk) => fk.orphans > 0)
            .map((fk) => fk.name);
        expect(await orphans('ip_stays')).toEqual(
          expect.arrayContaining(['fk_ip_transfer', 'fk_ip_ed']),
        );
        expect(await orphans('ed_encounters')).toEqual(['fk_ed_pat', 'fk_ed_site']);
      } finally {
        await session.close();
      }
    });
  });
});
