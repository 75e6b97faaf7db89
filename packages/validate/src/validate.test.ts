import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultScenario, scenarioHash } from '@lm-synth/config';
import { writeDataset } from '@lm-synth/export-arrow';
import { generateDataset } from '@lm-synth/generators';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTestDataset } from './test-write-dataset.js';
import { validate } from './validate.js';
import { ValidateInputError } from './validate-input-error.js';

const scenario = defaultScenario();
let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'lm-synth-validate-'));
  await writeTestDataset(join(root, 'parquet'), { patients: 3_000, seed: 5 });
});
afterAll(() => rm(root, { recursive: true, force: true }));

const GATE_IDS = [
  'manifest',
  'primary-keys',
  'foreign-keys',
  'dob-age-group',
  'los-minimum',
  'alc-los',
  'discharge-time',
  'subprogram-in-program',
  'program-coverage',
  'ed-coverage',
  'ed-visit-count',
  'linked-stays',
  'care-settings',
  'pediatric-ed-ages',
  'episode-coherence',
  'activity-in-residence',
  'quasi-identifiers',
  'population-projection',
  'marginals',
  'ed-volumes',
  'yearly-volumes',
  'occupancy-band',
  'cohort-balance',
  'los-medians',
  'pediatric-share',
  'single-year-ages',
  'maternal-ages',
  'ed-acuity-by-age',
  'ed-disposition-by-acuity',
  'ed-transfers-received',
  'admission-routes',
  'admission-seasonality',
  'elective-timing',
  'arrival-to-admission',
  'alc-days',
  'discharge-timing',
  'census-weekday',
  'transfers-gap-and-program',
  'readmissions-30-day',
  'discharge-disposition',
  'cross-lha',
  'seasonality',
  'column-shapes',
  'correlation-drift',
  'k-anonymity',
];

describe('validate', () => {
  it('reports every gate of a correct dataset, with the run metadata and thresholds', async () => {
    const report = await validate(join(root, 'parquet'), scenario);
    expect(report.schemaVersion).toBe(1);
    expect(report.ok).toBe(true);
    expect(report.gates.map((gate) => gate.id)).toEqual(GATE_IDS);
    expect(report.gates.filter((gate) => gate.status === 'fail')).toEqual([]);
    expect(report.dataset).toMatchObject({
      format: 'parquet',
    });
    // 3,000 residents on 1 January of the start year, then the entrants of each encounter year.
    const patients = report.dataset.tables.find((table) => table.name === 'patients')?.rows ?? 0;
    expect(patients).toBeGreaterThan(3_000);
    expect(report.scenario).toEqual({
      id: scenario.meta.id,
      hash: scenarioHash(scenario),
      matchesDataset: true,
    });
    expect(report.thresholds).toEqual({ ...scenario.validation, familyWiseAlpha: 0.01 });
    // The time gates say info on a closed-cohort dataset (no weight, entry or exit dates).
    for (const gate of report.gates.filter(
      (g) => g.category === 'fidelity' && g.status !== 'info',
    )) {
      expect(gate.details?.checks, gate.id).toBeGreaterThan(0);
      expect(gate.details?.z, gate.id).toBeGreaterThan(3);
    }
    expect(report.privacy.kAnonymity.k).toBeGreaterThanOrEqual(1);
    const classes = report.privacy.kAnonymity.histogram.reduce(
      (sum, band) => sum + band.records,
      0,
    );
    expect(classes).toBe(patients);
    expect(report.notice).toMatch(/Synthetic, for non-production testing/);
    // The report is plain JSON: it survives a round trip unchanged.
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  it('holds a dataset against its own scenario.yaml when given none, and the counts add up', async () => {
    const report = await validate(join(root, 'parquet'));
    expect(report.scenario).toEqual({
      id: scenario.meta.id,
      hash: scenarioHash(scenario),
      matchesDataset: true,
    });
    const { pass, fail, inconclusive, info } = report.summary;
    expect(pass + fail + inconclusive + info).toBe(report.gates.length);
    expect(fail).toBe(0);
  });

  it.each(['csv', 'arrow'] as const)('reads %s datasets the same way', async (format) => {
    const dir = join(root, format);
    await writeTestDataset(dir, { patients: 3_000, seed: 5, format });
    const report = await validate(dir, scenario);
    const parquet = await validate(join(root, 'parquet'), scenario);
    expect(report.ok).toBe(true);
    expect(report.dataset.format).toBe(format);
    // Same rows, same verdicts and figures.
    const figures = (r: typeof report) =>
      r.gates.filter((g) => g.id !== 'manifest').map((g) => [g.id, g.status, g.observed]);
    expect(figures(report)).toEqual(figures(parquet));
  });

  it('reads Parquet partitioned by year and site', async () => {
    const dir = join(root, 'partitioned');
    await writeTestDataset(dir, { patients: 3_000, seed: 5, partitionBy: ['year', 'site'] });
    const report = await validate(dir, scenario);
    expect(report.gates.filter((gate) => gate.status === 'fail')).toEqual([]);
    const parquet = await validate(join(root, 'parquet'), scenario);
    expect(report.gates.find((g) => g.id === 'ed-volumes')?.observed).toBe(
      parquet.gates.find((g) => g.id === 'ed-volumes')?.observed,
    );
  });

  it('marks the gates of absent fact tables as not applicable', async () => {
    const dir = join(root, 'patients-only');
    await writeDataset(
      generateDataset(scenario, { patients: 2_000, workers: 0, withEd: false, withIp: false }),
      {
        outDir: dir,
        format: 'parquet',
        duckdb: false,
      },
    );
    const report = await validate(dir, scenario);
    expect(
      report.gates
        .filter((gate) => gate.status === 'fail')
        .map((gate) => `${gate.id}: ${gate.message}`),
    ).toEqual([]);
    expect(report.ok).toBe(true);
    const status = Object.fromEntries(report.gates.map((gate) => [gate.id, gate.status]));
    expect(status).toMatchObject({
      'ed-volumes': 'info',
      'los-medians': 'info',
      marginals: 'pass',
    });
    expect(report.gates.find((gate) => gate.id === 'ed-volumes')?.message).toBe(
      'not applicable: the dataset has no ed_encounters',
    );
  });

  it('holds the dataset to the thresholds passed in', async () => {
    // Large enough that even the smallest group of stays compared (by program, maternity now
    // open to two genders only) has a KS allowance well below the default threshold of 0.1.
    const larger = join(root, 'larger');
    await writeTestDataset(larger, { patients: 20_000, seed: 5 });
    const report = await validate(larger, scenario, { ksThreshold: 0.001, familyWiseAlpha: 0.5 });
    const shapes = report.gates.find((gate) => gate.id === 'column-shapes')!;
    expect(report.thresholds.ksThreshold).toBe(0.001);
    // Only the statistical allowance is left, and at alpha 0.5 it is narrow.
    expect(shapes.tolerance).toBeLessThan(0.1);
  }, 60_000);

  it('notices a scenario other than the one the dataset was generated from', async () => {
    const other = { ...scenario, meta: { ...scenario.meta, id: 'other' } };
    const report = await validate(join(root, 'parquet'), other);
    expect(report.scenario.matchesDataset).toBe(false);
  });

  it('rejects what it cannot read as input errors', async () => {
    await expect(validate(join(root, 'missing'), scenario)).rejects.toThrow(ValidateInputError);
    await expect(validate(root, scenario)).rejects.toMatchObject({
      isInputError: true,
      message: expect.stringMatching(/datapackage\.json/),
    });
    const corrupt = join(root, 'corrupt');
    await writeTestDataset(corrupt, { patients: 500, seed: 1 });
    await writeFile(join(corrupt, 'patients.parquet'), 'not parquet');
    // A damaged file is a finding of the manifest gate, not unreadable input.
    const damaged = await validate(corrupt, scenario);
    expect(damaged.ok).toBe(false);
    expect(damaged.gates[0]).toMatchObject({
      id: 'manifest',
      status: 'fail',
      message: expect.stringMatching(/patients\.parquet/),
    });
    await expect(validate(join(root, 'parquet'), scenario, { ksThreshold: 2 })).rejects.toThrow(
      /ksThreshold must be a number from 0 to 1/,
    );
  });
});
