import { appendFile, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CATALOGUE } from '@lm-synth/dims';
import type { Connection } from 'mysql2/promise';
import { describe, expect, it } from 'vitest';
import { loadDataset } from './load-dataset.js';
import { withTestDatabase } from './test-database.js';
import { testDataset } from './test-dataset.js';
import { checksum, databaseLines, expectedLines } from './test-expected-rows.js';
import { withOutputDirectory } from './test-output-directory.js';
import { verifyDatabase } from './verify-database.js';

const dataset = testDataset({ patients: 300, batchRows: 128 });

async function snapshot(admin: Connection): Promise<Map<string, string>> {
  const result = new Map<string, string>();
  for (const table of CATALOGUE)
    result.set(table.name, checksum(await databaseLines(admin, table)));
  return result;
}
const expected = new Map(
  CATALOGUE.map((table) => [
    table.name,
    checksum(expectedLines(table, dataset.tables.get(table.name)!)),
  ]),
);

describe('loadDataset from an output directory', () => {
  it.each(['csv', 'parquet', 'arrow'] as const)('loads %s files exactly', async (format) => {
    await withOutputDirectory(dataset, format, async (dir) => {
      await withTestDatabase(async ({ url, admin }) => {
        const report = await loadDataset(dir, { url });
        expect(report.verification.ok).toBe(true);
        expect(report.verification.projection?.year).toBe(2025);
        expect(await snapshot(admin)).toEqual(expected);
      });
    });
  });

  it('loads CSV through the INSERT fallback too', async () => {
    await withOutputDirectory(dataset, 'csv', async (dir) => {
      await withTestDatabase(async ({ url, admin }) => {
        const report = await loadDataset(dir, { url }, { method: 'insert' });
        expect(report.method).toBe('insert');
        expect(await snapshot(admin)).toEqual(expected);
      });
    });
  });

  it('refuses a missing or altered file before touching the database', async () => {
    await withOutputDirectory(dataset, 'csv', async (dir) => {
      await withTestDatabase(async ({ url, admin }) => {
        await loadDataset(testDataset({ patients: 50 }).streams(), { url });
        const before = await snapshot(admin);
        await appendFile(
          join(dir, 'patients.csv'),
          'P000000000999,1,1,0-4,Female,2000-01-01,Adult ED,1.0000,0\n',
        );
        await expect(loadDataset(dir, { url })).rejects.toThrow(
          /incomplete or altered, nothing was loaded: patients: its files do not match the size and sha256/,
        );
        await rm(join(dir, 'dim_site.csv'));
        await expect(loadDataset(dir, { url })).rejects.toThrow(/dim_site: missing dim_site\.csv/);
        expect(await snapshot(admin)).toEqual(before);
      });
    });
  });

  it('verifies a loaded database against the manifest', async () => {
    await withOutputDirectory(dataset, 'csv', async (dir) => {
      await withTestDatabase(async ({ url, admin }) => {
        await loadDataset(dir, { url });
        expect((await verifyDatabase({ url }, { dataset: dir })).ok).toBe(true);
        await admin.query('SET foreign_key_checks = 0');
        await admin.query('DELETE FROM ed_encounters ORDER BY encounter_id LIMIT 3');
        await admin.query("UPDATE patients SET lha_id = 99 WHERE patient_id = 'P000000000001'");
        const report = await verifyDatabase({ url }, { dataset: dir });
        expect(report.ok).toBe(false);
        const ed = report.tables.find((t) => t.table === 'ed_encounters')!;
        expect(ed.rows).toBe(ed.expected! - 3);
        expect(report.foreignKeys.find((fk) => fk.name === 'fk_pat_lha')?.orphans).toBe(1);
      });
    });
  });

  it('says when the directory is no dataset', async () => {
    await withOutputDirectory(dataset, 'csv', async (dir) => {
      const manifest = join(dir, 'datapackage.json');
      await writeFile(
        manifest,
        (await readFile(manifest, 'utf8')).replace('"resources"', '"resourcez"'),
      );
      await expect(
        loadDataset(dir, { url: 'mysql://root@127.0.0.1/lm_unused' }),
      ).rejects.toMatchObject({
        isInputError: true,
      });
    });
  });
});
