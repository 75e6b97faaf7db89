import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultScenario } from '@lm-synth/config';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTestDataset } from '../test-write-dataset.js';
import { validate } from '../validate.js';

const scenario = defaultScenario();
let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'lm-synth-compare-'));
  await writeTestDataset(join(root, 'a'), { patients: 5_000, seed: 1 });
  await writeTestDataset(join(root, 'b'), { patients: 5_000, seed: 2 });
}, 60_000);
afterAll(() => rm(root, { recursive: true, force: true }));

const privacyGates = (report: Awaited<ReturnType<typeof validate>>) =>
  Object.fromEntries(
    report.gates
      .filter((gate) => gate.id.startsWith('privacy-'))
      .map((gate) => [gate.id, gate.status]),
  );

describe('validate --compare', () => {
  it('passes an independent sample of the same scenario', async () => {
    const report = await validate(join(root, 'a'), scenario, { compare: join(root, 'b') });
    expect(privacyGates(report)).toEqual({
      'privacy-dcr': 'pass',
      'privacy-nndr': 'pass',
      'privacy-pmse': 'pass',
    });
    const compare = report.privacy.compare!;
    // Another sample of the same scenario scores well on every quality property.
    expect(report.gates.find((gate) => gate.id === 'quality-score')?.status).toBe('pass');
    expect(compare.quality?.properties.map((property) => property.name)).toEqual([
      'Column Shapes',
      'Column Pair Trends',
      'Cardinality',
      'Intertable Trends',
    ]);
    expect(compare.sampleSize).toBe(1_000);
    // Every patient of the other dataset: its 5,000 residents and the entrants of its
    // encounter years, below the 20,000 cap.
    expect(compare.referenceSize).toBeGreaterThan(5_000);
    expect(compare.referenceSize).toBeLessThanOrEqual(20_000);
    // Independent samples: the share of close records matches the baseline's within sampling error.
    const { observed, baseline } = compare.distanceToClosestRecord.closeShare;
    expect(Math.abs(observed - baseline)).toBeLessThan(0.05);
    expect(compare.pmse.ratio).toBeGreaterThan(0.3);
    expect(compare.pmse.ratio).toBeLessThan(2);
  });

  it('fails DCR and NNDR for a copy of the training data, which a discriminator cannot tell apart', async () => {
    const report = await validate(join(root, 'a'), scenario, { compare: join(root, 'a') });
    expect(privacyGates(report)).toEqual({
      'privacy-dcr': 'fail',
      'privacy-nndr': 'fail',
      'privacy-pmse': 'pass',
    });
    const compare = report.privacy.compare!;
    expect(compare.distanceToClosestRecord.observed.median).toBe(0);
    // A copy has every column, pair and relation exactly: quality 1.
    expect(compare.quality?.score).toBeCloseTo(1, 12);
    expect(compare.distanceToClosestRecord.closeShare.observed).toBe(1);
  });

  it('fails pMSE for a sample of a different population', async () => {
    const older = join(root, 'older');
    const shifted = {
      ...scenario,
      lhas: scenario.lhas.map((lha) => ({
        ...lha,
        ageShares: lha.ageShares
          .map((share, age) => (age >= 5 ? share * 3 : share))
          .map((share, _, all) => share / all.reduce((sum, s) => sum + s, 0)),
      })),
    };
    await writeTestDataset(older, { patients: 5_000, seed: 3, scenario: shifted });
    const report = await validate(older, scenario, { compare: join(root, 'b') });
    expect(privacyGates(report)['privacy-pmse']).toBe('fail');
    expect(report.privacy.compare!.pmse.ratio).toBeGreaterThan(3);
  }, 60_000);
});
