import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeDataset } from '@lm-synth/export-arrow';
import { fixtureDataset } from '@lm-synth/export-arrow/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './test-run-cli.js';

let root: string;
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'lm-synth-cli-sql-'));
  for (const format of ['parquet', 'csv'] as const) {
    await writeDataset(fixtureDataset(), {
      outDir: join(root, format),
      format,
      duckdb: false,
    });
  }
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('lm-synth sql', () => {
  it('prints an aligned table with a row count', async () => {
    const result = await runCli([
      'sql',
      '--in',
      join(root, 'parquet'),
      'SELECT site_code, patient_count FROM v_facility_summary ORDER BY site_code',
    ]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('site_code  patient_count');
    expect(lines[1]).toBe('---------  -------------');
    expect(lines[2]).toMatch(/^LM-BLH +\d+$/);
    expect(lines.at(-2)).toBe('(4 rows)');
  });

  it('prints JSON objects with exact decimals and UTC instants', async () => {
    const result = await runCli([
      'sql',
      '--in',
      join(root, 'parquet'),
      '--json',
      `SELECT count(*) AS visits, min(arrival_ts) AS first, sum(baserate_per_1000) AS rates
       FROM ed_encounters, (SELECT sum(baserate_per_1000) AS baserate_per_1000 FROM ed_baseline_rates)`,
    ]);
    expect(result.code).toBe(0);
    const [row] = JSON.parse(result.stdout);
    expect(typeof row.visits).toBe('number');
    expect(row.first).toMatch(/^2025-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(row.rates).toMatch(/^\d+\.\d\d$/);
  });

  it('shows ED arrivals in the local time of the dataset’s zone, from a CSV dataset too', async () => {
    const result = await runCli([
      'sql',
      '--in',
      join(root, 'csv'),
      '--json',
      `SELECT arrival_ts, time_zone, arrival_local::VARCHAR AS local, arrival_local_hour AS hour
       FROM v_ed_arrivals_local ORDER BY encounter_id LIMIT 50`,
    ]);
    expect(result.code).toBe(0);
    const rows = JSON.parse(result.stdout) as Record<string, string | number>[];
    expect(rows).toHaveLength(50);
    for (const row of rows) {
      const local = new Intl.DateTimeFormat('sv-SE', {
        timeZone: String(row.time_zone),
        hourCycle: 'h23',
        dateStyle: 'short',
        timeStyle: 'medium',
      }).format(new Date(String(row.arrival_ts)));
      expect(row.local).toBe(local);
      expect(Number(row.hour)).toBe(Number(local.slice(11, 13)));
    }
  });

  it('prints CSV by the lm-synth convention, from a CSV dataset too', async () => {
    const result = await runCli([
      'sql',
      '--in',
      join(root, 'csv'),
      '--csv',
      "SELECT site_name, site_id = 4 AS quoted, NULL AS nothing, '' AS empty FROM dim_site ORDER BY site_id DESC LIMIT 1",
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      'site_name,quoted,nothing,empty\n"Mossy Cedar Community, ""Old"" Wing",1,,""\n',
    );
  });

  it('reports a SQL error on stderr with exit code 2', async () => {
    const result = await runCli(['sql', '--in', join(root, 'parquet'), 'SELECT * FROM nowhere']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      /^lm-synth: Catalog Error: Table with name nowhere does not exist/,
    );
  });

  it('refuses a directory without a manifest and conflicting flags', async () => {
    const missing = await runCli(['sql', '--in', join(root, 'nothing'), 'SELECT 1']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/has no datapackage\.json: not an lm-synth dataset\n$/);
    const both = await runCli(['sql', '--in', join(root, 'csv'), '--json', '--csv', 'SELECT 1']);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/--json and --csv cannot be combined/);
  });
});
