import { tableByName } from '@lm-synth/dims';
import { describe, expect, it } from 'vitest';
import { createTableSql } from './create-table-sql.js';

describe('createTableSql', () => {
  it('mirrors the Arrow buffers in a staging table, without constraints', () => {
    expect(createTableSql('s."capacity_daily"', tableByName('capacity_daily'), 'staging')).toBe(
      `CREATE TABLE s."capacity_daily" (
  "date" DATE,
  "site_id" INTEGER,
  "staffed_beds" INTEGER,
  "physical_beds" INTEGER,
  "nhppd" DOUBLE,
  "census" INTEGER,
  "occupancy" DOUBLE
)`,
    );
  });

  it('gives a final table its types and the keys to tables present, minus the self-reference', () => {
    const sql = createTableSql(
      '"ip_stays"',
      tableByName('ip_stays'),
      'final',
      new Set(['dim_site', 'patients', 'dim_program', 'dim_subprogram']),
    );
    expect(sql).toContain(`"admit_ts" TIMESTAMPTZ NOT NULL,`);
    expect(sql).toContain(`"discharge_ts" TIMESTAMPTZ,`);
    expect(sql).toContain(`"los_days" DECIMAL(6,2) NOT NULL,`);
    expect(sql).toContain(
      `"admission_source" ENUM('ED', 'Direct', 'Transfer', 'Elective') NOT NULL,`,
    );
    expect(sql).toContain('PRIMARY KEY ("stay_id")');
    expect(sql).toContain(
      'FOREIGN KEY ("program_id", "subprogram_id") REFERENCES "dim_subprogram" ("program_id", "subprogram_id")',
    );
    expect(sql).not.toContain('REFERENCES "ed_encounters"');
    expect(sql).not.toContain('REFERENCES "ip_stays"');
  });
});
