import { CATALOGUE } from '@lm-synth/dims';
import type { RowDataPacket } from 'mysql2/promise';
import { describe, expect, it } from 'vitest';
import { datasetDdl } from './dataset-ddl.js';
import { withTestDatabase } from './test-database.js';

describe('datasetDdl', () => {
  it('prints every catalogue table in foreign-key order with the flavor collation', () => {
    const mysql = datasetDdl('mysql');
    const mariadb = datasetDdl('mariadb');
    expect(mysql).toContain('COLLATE=utf8mb4_0900_ai_ci');
    expect(mariadb).not.toContain('0900');
    const order = [...mysql.matchAll(/^CREATE TABLE `(\w+)`/gm)].map((m) => m[1]);
    expect(order).toEqual(CATALOGUE.map((t) => t.name));
    expect(mysql).toContain('Synthetic data, for non-production testing.');
  });

  it('writes the blueprint §14.4 shape of dim_site', () => {
    const ddl = datasetDdl('mysql');
    const dimSite = ddl.slice(ddl.indexOf('CREATE TABLE `dim_site`'), ddl.indexOf(';'));
    expect(dimSite).toMatch(/`site_id` INT NOT NULL AUTO_INCREMENT/);
    expect(dimSite).toMatch(/`site_code` VARCHAR\(16\) NOT NULL/);
    expect(dimSite).toMatch(/PRIMARY KEY \(`site_id`\)/);
    expect(dimSite).toMatch(/UNIQUE KEY `uq_site_code` \(`site_code`\)/);
    expect(dimSite).toMatch(/\) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci/);
  });

  it('creates, on the real server, the keys and indexes the blueprint lists', async () => {
    await withTestDatabase(async ({ name, admin }) => {
      for (const statement of datasetDdl('mariadb').split(/;\n/)) {
        if (statement.includes('CREATE TABLE')) await admin.query(statement);
      }
      const [tables] = await admin.query<RowDataPacket[]>(
        'SELECT TABLE_NAME AS t, ENGINE AS e, TABLE_COLLATION AS c FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?',
        [name],
      );
      expect(tables.map((r) => r.t).sort()).toEqual(CATALOGUE.map((t) => t.name).sort());
      expect(new Set(tables.map((r) => `${r.e} ${r.c}`))).toEqual(
        new Set(['InnoDB utf8mb4_unicode_520_ci']),
      );
      const [constraints] = await admin.query<RowDataPacket[]>(
        'SELECT CONSTRAINT_NAME AS n, TABLE_NAME AS t, REFERENCED_TABLE_NAME AS r FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ?',
        [name],
      );
      const expected = CATALOGUE.flatMap((t) =>
        t.foreignKeys.map((fk) => `${t.name} ${fk.references.table}`),
      );
      expect(constraints.map((r) => `${r.t} ${r.r}`).sort()).toEqual(expected.sort());
      expect(constraints.map((r) => r.n)).toContain('ed_encounters_ibfk_ed_pat');
      const [indexes] = await admin.query<RowDataPacket[]>(
        'SELECT DISTINCT TABLE_NAME AS t, INDEX_NAME AS i FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ?',
        [name],
      );
      const found = new Set(indexes.map((r) => `${r.t}.${r.i}`));
      for (const index of [
        'patients.idx_pat_lha',
        'patients.idx_pat_site',
        'ed_encounters.idx_ed_patient',
        'ed_encounters.idx_ed_arrival',
        'ip_stays.idx_ip_patient',
        'ip_stays.idx_ip_admit',
        'dim_lha.uq_lha_name',
      ]) {
        expect(found).toContain(index);
      }
    });
  });
});
