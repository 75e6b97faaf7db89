import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { defaultScenario, type Scenario } from '@lm-synth/config';
import { arrowSchema, CATALOGUE, type RunMetadata, type TableBatches } from '@lm-synth/dims';
import { RecordBatchReader } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { DATASET_FILES } from './dataset-files.js';
import { listFiles } from './list-files.js';
import { readManifest } from './manifest/read-manifest.js';
import { verifyDataset } from './manifest/verify-dataset.js';
import { openDataset } from './open-dataset.js';
import { SYNTHETIC_NOTICE } from './synthetic-notice.js';
import { query } from './test-query.js';
import { useTempDir } from './test-temp-dir.js';
import { fixtureDataset } from './testing/fixture-dataset.js';
import type { FixtureDatasetOptions } from './testing/fixture-dataset-options.js';
import { fixtureRunMetadata } from './testing/fixture-run-metadata.js';
import { writeDataset } from './write-dataset.js';
import type { OutputFormat, WriteDatasetOptions } from './write-dataset-types.js';

const tempDir = useTempDir();

async function write(
  format: OutputFormat,
  options: Partial<WriteDatasetOptions> = {},
  fixture: FixtureDatasetOptions = {},
) {
  const root = await tempDir();
  const outDir = join(root, 'out');
  const summary = await writeDataset(fixtureDataset(fixture), {
    outDir,
    format,
    ...options,
  });
  return { root, outDir, summary };
}

function fixtureRows(fixture: FixtureDatasetOptions = {}): Map<string, number> {
  return new Map(
    fixtureDataset(fixture).map(({ table, batches }) => [
      table.name,
      batches.reduce((sum, batch) => sum + batch.numRows, 0),
    ]),
  );
}

const orderBy = (name: string) =>
  CATALOGUE.find((table) => table.name === name)!.primaryKey.join(', ');

describe('writeDataset to Parquet', () => {
  it('writes every catalogue table as a Parquet file DuckDB reads back, row for row', async () => {
    const { outDir, summary } = await write('parquet', { duckdb: false });
    const expected = fixtureRows();
    expect(summary.tables.map((table) => table.name)).toEqual(CATALOGUE.map((table) => table.name));
    for (const table of summary.tables) {
      expect(table.files).toEqual([`${table.name}.parquet`]);
      const [row] = await query(
        `SELECT count(*)::INTEGER AS n FROM read_parquet('${join(outDir, table.files[0]!)}')`,
      );
      expect(row!.n, table.name).toBe(expected.get(table.name));
      expect(table.rows).toBe(expected.get(table.name));
    }
    expect(await listFiles(outDir)).not.toContain(DATASET_FILES.duckdb);
  });

  it('writes instants as UTC-adjusted INT64 micros, dates as DATE, enums dictionary-encoded, zstd', async () => {
    const { outDir } = await write('parquet', { duckdb: false });
    const file = (name: string) => `'${join(outDir, `${name}.parquet`)}'`;
    const schema = new Map(
      (
        await query(
          `SELECT name, type, converted_type, logical_type FROM parquet_schema(${file('ip_stays')})
           UNION ALL SELECT name, type, converted_type, logical_type FROM parquet_schema(${file('patients')})`,
        )
      ).map((row) => [row.name, row]),
    );
    expect(schema.get('admit_ts')).toMatchObject({ type: 'INT64' });
    expect(String(schema.get('admit_ts')!.logical_type)).toMatch(
      /isAdjustedToUTC=1.*MICROS=MicroSeconds/,
    );
    expect(schema.get('dob')).toMatchObject({ type: 'INT32', converted_type: 'DATE' });
    expect(schema.get('patient_id')).toMatchObject({ type: 'BYTE_ARRAY', converted_type: 'UTF8' });
    expect(String(schema.get('los_days')!.logical_type)).toBe('DecimalType(scale=2, precision=6)');
    const columns = await query(
      `SELECT path_in_schema AS column, encodings, compression FROM parquet_metadata(${file('ip_stays')})`,
    );
    expect(columns.every((column) => column.compression === 'ZSTD')).toBe(true);
    expect(columns.find((column) => column.column === 'admission_source')!.encodings).toMatch(
      /RLE_DICTIONARY/,
    );
    const [notice] = await query(
      `SELECT decode(value) AS notice FROM parquet_kv_metadata(${file('ip_stays')}) WHERE decode(key) = 'lm_synth_notice'`,
    );
    expect(notice!.notice).toBe(SYNTHETIC_NOTICE);
  });

  it('partitions the fact tables hive-style by year and site', async () => {
    const { outDir, summary } = await write('parquet', { partitionBy: ['year', 'site'] });
    const ed = summary.tables.find((table) => table.name === 'ed_encounters')!;
    expect(ed.files.length).toBeGreaterThan(1);
    expect(ed.files).toEqual([...ed.files].sort());
    for (const file of ed.files) {
      const [, year, site] =
        /^ed_encounters\/year=(\d{4})\/site=(LM-[A-Z]{3})\/part-0\.parquet$/.exec(file)!;
      const [check] = await query(
        `SELECT count(*)::INTEGER AS n,
                count(*) FILTER (WHERE year(arrival_ts) = ${year} AND facility_id = (
                  SELECT site_id FROM read_parquet('${join(outDir, 'dim_site.parquet')}') WHERE site_code = '${site}'
                ))::INTEGER AS matching
         FROM read_parquet('${join(outDir, file)}', hive_partitioning = false)`,
      );
      expect(check!.n).toBeGreaterThan(0);
      expect(check!.matching).toBe(check!.n);
    }
    const capacity = summary.tables.find((table) => table.name === 'capacity_daily')!;
    expect(new Set(capacity.files.map((file) => file.split('/')[1]))).toEqual(
      new Set(['year=2025', 'year=2026']),
    );
    // patients has no event time, so `year` cannot split it.
    expect(summary.tables.find((table) => table.name === 'patients')!.files).toEqual([
      'patients.parquet',
    ]);
    const manifest = await readManifest(outDir);
    expect(manifest.resources.find((resource) => resource.name === 'ed_encounters')!.path).toEqual(
      ed.files,
    );
    expect((await verifyDataset(outDir)).ok).toBe(true);
  });
});

describe('writeDataset, every format', () => {
  it('holds the same rows in Parquet, CSV, Arrow IPC and lm_synth.duckdb', async () => {
    // Enough patients for several 2,048-row DuckDB chunks with nulls in ED and IP.
    const fixture = { patients: 3_000 };
    const written = await Promise.all(
      (['parquet', 'csv', 'arrow'] as const).map((format) =>
        write(format, { duckdb: format === 'parquet' }, fixture),
      ),
    );
    const snapshots = [];
    for (const { outDir } of written) {
      const dataset = await openDataset(outDir);
      const tables: Record<string, unknown> = {};
      for (const name of dataset.tables) {
        const reader = await dataset.connection.runAndReadAll(
          `SELECT * FROM ${name} ORDER BY ${orderBy(name)}`,
        );
        tables[name] = reader.getRowObjectsJson();
      }
      dataset.close();
      snapshots.push(tables);
    }
    expect(snapshots[1]).toEqual(snapshots[0]);
    expect(snapshots[2]).toEqual(snapshots[0]);
    const database = join(written[0]!.outDir, DATASET_FILES.duckdb);
    for (const name of Object.keys(snapshots[0]!)) {
      const rows = await query(
        `ATTACH '${database}' AS db (READ_ONLY); SELECT * FROM db.${name} ORDER BY ${orderBy(name)}`,
      );
      expect(rows, name).toEqual(snapshots[0]![name]);
    }
    const scenarios = snapshots[0]!.dim_scenario as Record<string, unknown>[];
    expect(scenarios.map((row) => row.description)).toEqual([
      '',
      'Growth of 2%, then\na second line; "quoted", and accents: Sẹ́lwyn Café',
    ]);
    const encounters = snapshots[0]!.ed_encounters as Record<string, unknown>[];
    expect(encounters.some((row) => row.acuity === null)).toBe(true);
    expect(encounters.some((row) => row.dispo === null)).toBe(true);
  });

  it.each(['parquet', 'csv', 'arrow'] as const)(
    'writes byte-identical %s files and manifest whatever the batch sizes',
    async (format) => {
      const partitionBy = format === 'parquet' ? (['year', 'site'] as const) : [];
      const options = { partitionBy: [...partitionBy], duckdb: format === 'parquet' };
      const a = await write(format, options, { batchRows: 7 });
      const b = await write(format, options, { batchRows: 4_000 });
      const files = await listFiles(a.outDir);
      expect(await listFiles(b.outDir)).toEqual(files);
      for (const file of files.filter((name) => name !== DATASET_FILES.duckdb)) {
        const [left, right] = await Promise.all([
          readFile(join(a.outDir, file)),
          readFile(join(b.outDir, file)),
        ]);
        expect(left.equals(right), file).toBe(true);
      }
      if (format !== 'parquet') return;
      // The DuckDB file is not byte-stable, its tables are.
      for (const table of CATALOGUE) {
        const [left, right] = await Promise.all(
          [a, b].map(({ outDir }) =>
            query(
              `ATTACH '${join(outDir, DATASET_FILES.duckdb)}' AS db (READ_ONLY);
               SELECT count(*) AS n, sum(hash(COLUMNS(*))) AS h FROM db.${table.name}`,
            ),
          ),
        );
        expect(left, table.name).toEqual(right);
      }
    },
  );

  it('answers the sample-query views in lm_synth.duckdb', async () => {
    const { outDir } = await write('parquet');
    const database = join(outDir, DATASET_FILES.duckdb);
    const sql = (body: string) => query(`ATTACH '${database}' AS db (READ_ONLY); USE db; ${body}`);
    const facilities = await sql('SELECT * FROM v_facility_summary');
    expect(facilities.map((row) => Object.keys(row))[0]).toEqual([
      'site_code',
      'site_name',
      'patient_count',
    ]);
    expect(facilities).toHaveLength(4);
    expect(facilities.reduce((sum, row) => sum + Number(row.patient_count), 0)).toBe(300);
    const demographics = await sql('SELECT * FROM v_patient_demographics');
    expect(demographics.reduce((sum, row) => sum + Number(row.patient_count), 0)).toBe(300);
    expect(demographics[0]).toMatchObject({ age_group: '0-4', gender: 'Female' });
    const projection = await sql('SELECT * FROM v_ed_volume_projection');
    expect(new Set(projection.map((row) => row.year))).toEqual(new Set([2025, 2026]));
    const [check] = await sql(`
      SELECT sum(projected_volumes)::DOUBLE AS views,
             (SELECT sum(p.population * r.baserate_per_1000 / 1000)::DOUBLE
              FROM population_projection p JOIN ed_baseline_rates r USING (lha_id, age_group, gender)) AS direct
      FROM v_ed_volume_projection`);
    // Each of the 24 (year, facility, subservice) sums is rounded to 0.005 at most.
    expect(Math.abs(Number(check!.views) - Number(check!.direct))).toBeLessThan(24 * 0.005);
    // Local time in the dataset's own zone, whatever the reader's session TimeZone.
    const local = await sql(`SET TimeZone = 'Asia/Tokyo';
      SELECT epoch(arrival_ts)::BIGINT AS utc, time_zone, arrival_local::VARCHAR AS local,
             arrival_local_date::VARCHAR AS day, arrival_local_hour AS hour,
             arrival_local_isodow AS isodow
      FROM v_ed_arrivals_local`);
    const encounters = await sql('SELECT count(*)::INTEGER AS n FROM ed_encounters');
    expect(local).toHaveLength(Number(encounters[0]!.n));
    const zone = String(local[0]!.time_zone);
    expect(['America/Vancouver', 'Australia/Sydney']).toContain(zone);
    const format = new Intl.DateTimeFormat('sv-SE', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      weekday: 'short',
    });
    for (const row of local) {
      const parts = Object.fromEntries(
        format.formatToParts(new Date(Number(row.utc) * 1000)).map((p) => [p.type, p.value]),
      );
      const day = `${parts.year}-${parts.month}-${parts.day}`;
      expect(row.local).toBe(`${day} ${parts.hour}:${parts.minute}:${parts.second}`);
      expect(row.day).toBe(day);
      expect(Number(row.hour)).toBe(Number(parts.hour));
      expect(Number(row.isodow)).toBe(new Date(`${day}T00:00:00Z`).getUTCDay() || 7);
    }
    // The routed projection moves volume between facilities and keeps the total.
    const [routed] = await sql(`
      SELECT sum(projected_volumes)::DOUBLE AS routed, count(DISTINCT facility)::INT AS facilities
      FROM v_ed_volume_projection_routed`);
    expect(Math.abs(Number(routed!.routed) - Number(check!.direct))).toBeLessThan(
      2 * 4 * 3 * 0.005,
    );
    expect(routed!.facilities).toBe(4);
  });

  it('declares primary and foreign keys in lm_synth.duckdb and enforces them', async () => {
    const { outDir } = await write('csv');
    const database = join(outDir, DATASET_FILES.duckdb);
    const constraints = await query(
      `ATTACH '${database}' AS db (READ_ONLY);
       SELECT table_name, constraint_type, constraint_column_names::VARCHAR AS columns
       FROM duckdb_constraints() WHERE database_name = 'db' AND constraint_type IN ('PRIMARY KEY', 'FOREIGN KEY')`,
    );
    for (const table of CATALOGUE) {
      expect(constraints, table.name).toContainEqual({
        table_name: table.name,
        constraint_type: 'PRIMARY KEY',
        columns: `[${table.primaryKey.join(', ')}]`,
      });
    }
    expect(constraints).toContainEqual({
      table_name: 'ed_encounters',
      constraint_type: 'FOREIGN KEY',
      columns: '[patient_id]',
    });
    await expect(
      query(
        `ATTACH '${database}' AS db; INSERT INTO db.ed_encounters VALUES (999999, 'P-nobody', 1, 'Adult ED', now(), 1, 'Admitted')`,
      ),
    ).rejects.toThrow(/foreign key/i);
  });

  it('describes the dataset, keys and run in datapackage.json', async () => {
    const fixture = { withEd: false };
    const { outDir } = await write('csv', {}, fixture);
    const text = await readFile(join(outDir, DATASET_FILES.manifest), 'utf8');
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n')[1]).toBe('  "profile": "tabular-data-package",');
    const manifest = await readManifest(outDir);
    expect(manifest.description).toContain('Synthetic, for non-production testing');
    expect(manifest.lm_synth).toEqual({
      ...fixtureRunMetadata(fixture),
      format: 'csv',
      partitionBy: [],
      duckdb: true,
      notice: SYNTHETIC_NOTICE,
    });
    expect(manifest.resources.map((resource) => resource.name)).not.toContain('ed_encounters');
    const stays = manifest.resources.find((resource) => resource.name === 'ip_stays')!;
    expect(stays).toMatchObject({
      path: 'ip_stays.csv',
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      dialect: { delimiter: ',', lineTerminator: '\n', header: true },
    });
    expect(stays.schema.missingValues).toEqual(['']);
    expect(stays.schema.fields.find((field) => field.name === 'alc_flag')).toMatchObject({
      type: 'boolean',
      trueValues: ['1'],
      falseValues: ['0'],
    });
    expect(stays.schema.fields.find((field) => field.name === 'admission_source')).toMatchObject({
      type: 'string',
      constraints: {
        required: true,
        enum: ['ED', 'Direct', 'Transfer', 'Elective'],
        maxLength: 16,
      },
    });
    // No ed_encounters resource, so no key points at it; the self-reference uses "".
    expect(stays.schema.foreignKeys!.map((fk) => fk.reference.resource)).toEqual([
      'patients',
      'dim_site',
      'dim_program',
      'dim_subprogram',
      '',
    ]);
    // The tabular-data-package profile forbids an empty foreignKeys list: tables without keys omit it.
    for (const resource of manifest.resources)
      expect(resource.schema.foreignKeys?.length ?? 1).toBeGreaterThan(0);
    expect(
      manifest.resources.find((r) => r.name === 'dim_site')!.schema.foreignKeys,
    ).toBeUndefined();
    const check = await verifyDataset(outDir);
    expect(check.ok).toBe(true);
    const sdv = JSON.parse(await readFile(join(outDir, DATASET_FILES.sdvMetadata), 'utf8'));
    expect(sdv.METADATA_SPEC_VERSION).toBe('V1');
    expect(sdv.relationships).toContainEqual({
      parent_table_name: 'patients',
      parent_primary_key: 'patient_id',
      child_table_name: 'ip_stays',
      child_foreign_key: 'patient_id',
    });
  });

  it.each(['parquet', 'csv', 'arrow'] as const)(
    'writes an empty %s table with its schema',
    async (format) => {
      const { outDir, summary } = await write(format, { duckdb: false }, { patients: 0 });
      const patients = summary.tables.find((table) => table.name === 'patients')!;
      expect(patients.rows).toBe(0);
      const dataset = await openDataset(outDir);
      const reader = await dataset.connection.runAndReadAll(
        'SELECT count(*)::INTEGER AS n FROM patients',
      );
      const columns = await dataset.connection.runAndReadAll('DESCRIBE patients');
      dataset.close();
      expect(reader.getRowObjectsJson()).toEqual([{ n: 0 }]);
      expect(columns.getRowObjectsJson().map((row) => row.column_name)).toEqual(
        CATALOGUE.find((table) => table.name === 'patients')!.columns.map((column) => column.name),
      );
    },
  );
});

describe('writeDataset to CSV and Arrow', () => {
  it('writes CSV by the documented convention', async () => {
    const { outDir } = await write('csv', { duckdb: false });
    expect(await readFile(join(outDir, 'dim_scenario.csv'), 'utf8')).toBe(
      'scenario_id,scenario_name,description,parameter_overrides,scenario_hash,time_zone\n' +
        `baseline,"NULL","",{},sha256:${'0'.repeat(64)},America/Vancouver\n` +
        'what-if,"Café growth, ""high""","Growth of 2%, then\na second line; ""quoted"", and accents: Sẹ́lwyn Café",' +
        `"{""growth"":{""ed"":1.02},""note"":""a, b""}",sha256:${'1'.repeat(64)},Australia/Sydney\n`,
    );
    const ages = await readFile(join(outDir, 'dim_age_group.csv'), 'utf8');
    expect(ages.split('\n').slice(0, 2)).toEqual([
      'age_group,sort_order,min_age,max_age',
      '0-4,1,0,4',
    ]);
    expect(ages).toContain('\n85+,8,85,\n');
    const stays = (await readFile(join(outDir, 'ip_stays.csv'), 'utf8')).split('\n');
    expect(stays[0]).toBe(
      'stay_id,patient_id,facility_id,program_id,subprogram_id,admit_ts,discharge_ts,los_days,alc_days,alc_flag,admission_source,ed_encounter_id,transfer_from_stay_id,discharge_disposition',
    );
    for (const line of stays.slice(1, -1)) {
      expect(line).toMatch(
        /^\d+,P[0-9a-f]{12},\d,\d,\d,\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ,(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)?,\d+\.\d\d,\d+\.\d\d,[01],(ED|Direct|Transfer|Elective),\d*,\d*,(Home|Home with support|Long-term care|Other facility|Died|Left against advice)$/,
      );
    }
    expect(stays.at(-1)).toBe('');
  });

  it('writes Arrow IPC files with the catalogue schema', async () => {
    const { outDir } = await write('arrow', { duckdb: false });
    const expected = fixtureRows();
    for (const table of CATALOGUE) {
      const reader = RecordBatchReader.from(await readFile(join(outDir, `${table.name}.arrow`)));
      const schema = reader.open().schema;
      expect(schema.fields.map(String)).toEqual(arrowSchema(table).fields.map(String));
      expect(schema.metadata.get('lm_synth:notice')).toBe(SYNTHETIC_NOTICE);
      let rows = 0;
      for (const batch of reader) rows += batch.numRows;
      expect(rows).toBe(expected.get(table.name));
    }
  });
});

describe('writeDataset input errors', () => {
  it.each([
    [{ partitionBy: ['week' as 'year'] }, /Unknown partition column "week"/],
    [
      { format: 'csv' as const, partitionBy: ['year' as const] },
      /partitionBy needs format parquet/,
    ],
    [{ format: 'xlsx' as 'csv' }, /Unknown format "xlsx"/],
    [{ run: { ...fixtureRunMetadata(), referenceDate: 'today' } }, /referenceDate/],
    [{ run: { ...fixtureRunMetadata(), timeZone: undefined as unknown as string } }, /timeZone/],
    [{ scenario: defaultScenario() }, /scenario does not match its run metadata/],
  ])('refuses %o before writing anything', async (options, message) => {
    const root = await tempDir();
    const { run, scenario, ...writeOptions } = options as Record<string, unknown>;
    const source = Object.assign(fixtureDataset(), {
      ...(run ? { run: run as RunMetadata } : {}),
      ...(scenario ? { scenario: scenario as Scenario } : {}),
    });
    const error = await writeDataset(source, {
      outDir: join(root, 'out'),
      format: 'parquet',
      ...(writeOptions as Partial<WriteDatasetOptions>),
    }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ isInputError: true, message: expect.stringMatching(message) });
    expect(await readdir(root)).toEqual([]);
  });

  it('says where it cannot write instead of failing with a stack trace', async () => {
    // /proc passes a permission check for root but refuses new directories.
    const error = await writeDataset(fixtureDataset(), {
      outDir: '/proc/lm-synth-out',
      format: 'parquet',
    }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      isInputError: true,
      message: expect.stringMatching(/^Cannot write into \/proc/),
    });
  });

  it('refuses a non-empty directory without force, and a foreign one even with it', async () => {
    const root = await tempDir();
    const outDir = join(root, 'out');
    const options = { outDir, format: 'csv', duckdb: false } as const;
    await writeDataset(fixtureDataset(), options);
    const before = await listFiles(outDir);
    await expect(writeDataset(fixtureDataset(), options)).rejects.toMatchObject({
      isInputError: true,
      message: expect.stringMatching(/not empty; pass \{ force: true \}/),
    });
    await writeFile(join(outDir, 'notes.txt'), 'mine');
    await expect(writeDataset(fixtureDataset(), { ...options, force: true })).rejects.toMatchObject(
      {
        isInputError: true,
        message: expect.stringMatching(/did not write \(notes\.txt\)/),
      },
    );
    expect(await listFiles(outDir)).toEqual([...before, 'notes.txt'].sort());
    const plain = join(root, 'plain');
    await writeDataset(fixtureDataset(), { ...options, outDir: plain });
    await writeFile(join(plain, DATASET_FILES.manifest), '{"not": "ours"}');
    await expect(
      writeDataset(fixtureDataset(), { ...options, outDir: plain, force: true }),
    ).rejects.toMatchObject({
      isInputError: true,
      message: expect.stringMatching(/\{ force: true \} replaces only/),
    });
    expect((await readdir(root)).sort()).toEqual(['out', 'plain']);
  });

  it('replaces a previous dataset with force', async () => {
    const root = await tempDir();
    const outDir = join(root, 'out');
    await writeDataset(fixtureDataset(), { outDir, format: 'parquet' });
    await writeDataset(fixtureDataset({ seed: 2 }), {
      outDir,
      format: 'csv',
      duckdb: false,
      force: true,
    });
    const manifest = await readManifest(outDir);
    expect(manifest.lm_synth).toMatchObject({ seed: 2, format: 'csv' });
    const files = await listFiles(outDir);
    expect(files.some((file) => file.endsWith('.parquet') || file === DATASET_FILES.duckdb)).toBe(
      false,
    );
    expect(await readdir(root)).toEqual(['out']);
  });

  it('leaves no trace when the source fails midway', async () => {
    const root = await tempDir();
    const outDir = join(root, 'out');
    async function* failing(): AsyncGenerator<TableBatches> {
      yield* fixtureDataset().slice(0, 11);
      throw new Error('generator broke');
    }
    await expect(
      writeDataset(Object.assign(failing(), { run: fixtureRunMetadata() }), {
        outDir,
        format: 'parquet',
      }),
    ).rejects.toThrow('generator broke');
    expect(await readdir(root)).toEqual([]);
  });

  it('refuses tables out of catalogue order', async () => {
    const root = await tempDir();
    const [site, program] = fixtureDataset();
    await expect(
      writeDataset(Object.assign([program!, site!], { run: fixtureRunMetadata() }), {
        outDir: join(root, 'out'),
        format: 'csv',
      }),
    ).rejects.toThrow(/dim_site arrived after dim_program/);
    expect(await readdir(root)).toEqual([]);
  });
});
