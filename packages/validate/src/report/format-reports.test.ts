import { describe, expect, it } from 'vitest';
import { formatGithubAnnotations } from './format-github-annotations.js';
import { formatJsonReport } from './format-json-report.js';
import { formatTextReport } from './format-text-report.js';
import type { GateResult, ValidationReport } from './validation-report.js';

const gate = (id: string, status: GateResult['status'], message: string): GateResult => ({
  id,
  category: 'integrity',
  title: `Title of ${id}`,
  status,
  observed: null,
  expected: null,
  tolerance: null,
  comparison: 'within',
  message,
});

const report: ValidationReport = {
  schemaVersion: 1,
  ok: false,
  summary: { pass: 1, fail: 1, inconclusive: 1, info: 1 },
  dataset: {
    dir: './out',
    format: 'parquet',
    tables: [{ name: 'patients', rows: 50_000 }],
    run: {
      lmSynthVersion: '0.1.0',
      seed: 42,
      scenarioId: 'baseline',
      scenarioHash: 'sha256:abc',
      referenceDate: '2025-01-01',
      timeZone: 'America/Vancouver',
      startYear: 2025,
      horizonYears: 10,
      patients: 50_000,
      uniqueQuasiIdentifiers: true,
      withEd: true,
      withIp: true,
    },
  },
  scenario: { id: 'baseline', hash: `sha256:${'a'.repeat(64)}`, matchesDataset: true },
  thresholds: {
    ksThreshold: 0.1,
    corrThreshold: 0.1,
    marginalTolerance: 0.1,
    volumeTolerance: 0.05,
    pediatricShareUnder15Min: 0.7,
    pediatricShare25PlusMax: 0.01,
    adultEdShare25PlusMin: 0.6,
    qualityScoreMin: 0.9,
    familyWiseAlpha: 0.01,
  },
  gates: [
    gate('foreign-keys', 'pass', 'no orphans'),
    gate('ed-volumes', 'fail', '1 of 36 volumes: 50% off, 100% sure\nreally'),
    gate(
      'occupancy-band',
      'inconclusive',
      '3 of 12 site-year mean occupancies too small to detect a 10% deviation (e.g. LM-SNW 2025), decisive from about 120,000 patients; all 12 within tolerance',
    ),
    gate('k-anonymity', 'info', 'k = 3'),
  ],
  privacy: {
    kAnonymity: { quasiIdentifiers: [], k: 3, classes: 1, histogram: [], smallestClasses: [] },
  },
  notice: 'Synthetic, for non-production testing.',
};

describe('formatTextReport', () => {
  it('prints one line per gate and the verdict', () => {
    const text = formatTextReport(report, { colour: false });
    expect(text).toContain('lm-synth validate ./out (parquet, 50,000 patients, seed 42)');
    expect(text).toMatch(/^PASS {10}foreign-keys {4}no orphans$/m);
    expect(text).toMatch(/^FAIL {10}ed-volumes {6}1 of 36/m);
    expect(text).toMatch(
      /^INCONCLUSIVE {2}occupancy-band {2}.*decisive from about 120,000 patients/m,
    );
    expect(text).toContain('1 passed, 1 failed, 1 inconclusive, 1 info: FAILED');
    expect(text).not.toContain('\u001b[');
  });

  it('colours statuses for a terminal', () => {
    const text = formatTextReport(report, { colour: true });
    expect(text).toContain(`\u001b[31m${'FAIL'.padEnd(12)}\u001b[0m`);
    expect(text).toContain(`\u001b[32m${'PASS'.padEnd(12)}\u001b[0m`);
    expect(text).toContain('\u001b[33mINCONCLUSIVE\u001b[0m');
  });
});

describe('formatGithubAnnotations', () => {
  it('emits an escaped ::error per failed gate, a ::warning per inconclusive one, a ::notice per informational one and the counts', () => {
    expect(formatGithubAnnotations(report)).toBe(
      [
        '::error title=lm-synth validate%3A ed-volumes::Title of ed-volumes: 1 of 36 volumes: 50%25 off, 100%25 sure%0Areally',
        '::warning title=lm-synth validate%3A occupancy-band::Title of occupancy-band: 3 of 12 site-year mean occupancies too small to detect a 10%25 deviation (e.g. LM-SNW 2025), decisive from about 120,000 patients; all 12 within tolerance',
        '::notice title=lm-synth validate%3A k-anonymity::Title of k-anonymity: k = 3',
        'lm-synth validate: 1 of 4 gates failed (1 passed, 1 inconclusive, 1 info): FAILED',
        '',
      ].join('\n'),
    );
  });
});

describe('formatJsonReport', () => {
  it('is the report itself, pretty-printed', () => {
    const json = formatJsonReport(report);
    expect(JSON.parse(json)).toEqual(report);
    expect(json.endsWith('}\n')).toBe(true);
  });
});
