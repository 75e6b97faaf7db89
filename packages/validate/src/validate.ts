import { defaultScenarioSnapshot, type Scenario, scenarioHash } from '@lm-synth/config/core';
import { readDatasetScenario, SYNTHETIC_NOTICE } from '@lm-synth/export-arrow';
import { openValidationDataset } from './dataset/open-validation-dataset.js';
import { significance } from './expectations/significance.js';
import type { GateContext } from './gates/gate.js';
import { GATES } from './gates/gate-registry.js';
import { infoOutcome } from './gates/info-outcome.js';
import { compareDatasets } from './privacy/compare-datasets.js';
import { kAnonymity } from './privacy/k-anonymity.js';
import { type QualityReport, qualityReport } from './quality/quality-report.js';
import { drawReferenceSample } from './reference/draw-reference-sample.js';
import type { ReferenceSample } from './reference/reference-sample.js';
import { referenceSize } from './reference/reference-size.js';
import type {
  GateResult,
  KAnonymityReport,
  ReportThresholds,
  ValidationReport,
} from './report/validation-report.js';
import { ValidateInputError } from './validate-input-error.js';
import type { ValidateOptions } from './validate-options.js';

const DEFAULT_FAMILY_WISE_ALPHA = 0.01;
/** The reference sample does not depend on the dataset's seed. */
const REFERENCE_SEED = 1;

/**
 * Validates the lm-synth dataset in `dir` (Parquet, CSV or Arrow IPC) against `scenario`
 * (by default the dataset's own scenario.yaml; the packaged defaults for datasets written
 * before datasets carried their scenario):
 * integrity rules, fidelity to the scenario with tolerances that allow for sampling error
 * at the dataset's size, k-anonymity and, with `compare`, privacy against another dataset.
 * Throws a ValidateInputError (or another `isInputError`) when the dataset cannot be read.
 */
export async function validate(
  dir: string,
  given?: Scenario,
  options: ValidateOptions = {},
): Promise<ValidationReport> {
  const scenario = given ?? (await datasetScenario(dir));
  const thresholds = resolveThresholds(scenario, options);
  const opened = await openValidationDataset(dir);
  try {
    const { dataset, sql, rowCounts, damaged } = opened;
    const {
      format,
      partitionBy: _p,
      duckdb: _d,
      notice: _n,
      ...recorded
    } = dataset.manifest.lm_synth;
    // A dataset written before the scenario named its zone applied its profiles in UTC.
    const run = { ...recorded, timeZone: recorded.timeZone ?? 'UTC' };
    const runnable = GATES.filter((gate) => gate.tables.every((table) => rowCounts.has(table)));
    const statisticalGates = runnable.filter((gate) => gate.statistical).length;
    let reference: Promise<ReferenceSample> | undefined;
    const context: GateContext = {
      dir,
      sql,
      rowCounts,
      scenario,
      run,
      thresholds,
      significance: (comparisons, sides = 2) =>
        significance(thresholds.familyWiseAlpha, statisticalGates, comparisons, sides),
      referenceSample: () =>
        (reference ??= Promise.resolve().then(() =>
          drawReferenceSample(
            scenario,
            referenceSize(rowCounts.get('patients') ?? 0),
            run.startYear,
            REFERENCE_SEED,
          ),
        )),
    };
    const gates: GateResult[] = [];
    for (const gate of GATES) {
      const { id, category, title } = gate;
      const unreadable = damaged.filter((resource) => gate.tables.includes(resource.name));
      if (unreadable.length > 0) {
        gates.push({
          id,
          category,
          title,
          ...infoOutcome(`not run: ${unreadable.map((resource) => resource.problem).join('; ')}`),
        });
        continue;
      }
      const missing = gate.tables.filter((table) => !rowCounts.has(table));
      if (missing.length > 0) {
        gates.push({
          id,
          category,
          title,
          ...infoOutcome(`not applicable: the dataset has no ${missing.join(', ')}`),
        });
        continue;
      }
      gates.push({ id, category, title, ...(await gate.run(context)) });
    }
    const anonymity = rowCounts.has('patients') ? await kAnonymity(sql) : null;
    if (anonymity) gates.push(kAnonymityGate(anonymity));
    let compare: ValidationReport['privacy']['compare'];
    if (options.compare !== undefined) {
      const other = await openValidationDataset(options.compare);
      try {
        if (!rowCounts.has('patients') || !other.rowCounts.has('patients')) {
          throw new ValidateInputError('{ compare } needs patients in both datasets');
        }
        const result = await compareDatasets(
          sql,
          other.sql,
          options.compare,
          thresholds.familyWiseAlpha,
        );
        const quality = await qualityReport(sql, other.sql);
        compare = { ...result.report, quality };
        gates.push(...result.gates, qualityGate(quality, thresholds.qualityScoreMin));
      } finally {
        other.close();
      }
    }
    const hash = scenarioHash(scenario);
    return {
      schemaVersion: 1,
      ok: gates.every((gate) => gate.status !== 'fail'),
      summary: summarise(gates),
      dataset: {
        dir,
        format,
        tables: [...rowCounts].map(([name, rows]) => ({ name, rows })),
        run,
      },
      scenario: { id: scenario.meta.id, hash, matchesDataset: hash === run.scenarioHash },
      thresholds,
      gates,
      privacy: {
        kAnonymity: anonymity ?? {
          quasiIdentifiers: [],
          k: 0,
          classes: 0,
          histogram: [],
          smallestClasses: [],
        },
        ...(compare ? { compare } : {}),
      },
      notice: SYNTHETIC_NOTICE,
    };
  } finally {
    opened.close();
  }
}

async function datasetScenario(dir: string): Promise<Scenario> {
  const own = await readDatasetScenario(dir);
  const packaged = defaultScenarioSnapshot()?.scenario;
  if (own) return own.scenario;
  if (packaged) return packaged;
  throw new ValidateInputError(`${dir} names no scenario and the packaged defaults are not built`);
}

function summarise(gates: readonly GateResult[]): ValidationReport['summary'] {
  const summary = { pass: 0, fail: 0, inconclusive: 0, info: 0 };
  for (const gate of gates) summary[gate.status]++;
  return summary;
}

function resolveThresholds(scenario: Scenario, options: ValidateOptions): ReportThresholds {
  const thresholds: ReportThresholds = {
    ...scenario.validation,
    ksThreshold: options.ksThreshold ?? scenario.validation.ksThreshold,
    corrThreshold: options.corrThreshold ?? scenario.validation.corrThreshold,
    familyWiseAlpha: options.familyWiseAlpha ?? DEFAULT_FAMILY_WISE_ALPHA,
  };
  for (const [name, value] of Object.entries({
    ksThreshold: thresholds.ksThreshold,
    corrThreshold: thresholds.corrThreshold,
  })) {
    if (!(value >= 0 && value <= 1)) {
      throw new ValidateInputError(`${name} must be a number from 0 to 1 (got ${value})`);
    }
  }
  const alpha = thresholds.familyWiseAlpha;
  if (!(alpha > 0 && alpha < 1)) {
    throw new ValidateInputError(`familyWiseAlpha must be between 0 and 1 (got ${alpha})`);
  }
  return thresholds;
}

function kAnonymityGate(report: KAnonymityReport): GateResult {
  const smallest = report.smallestClasses[0];
  const below5 = report.histogram
    .filter((band) => band.maxSize !== null && band.maxSize < 5)
    .reduce((sum, band) => sum + band.records, 0);
  return {
    id: 'k-anonymity',
    category: 'privacy',
    title: 'k-anonymity over (age group, gender, LHA, home facility)',
    status: 'info',
    observed: report.k,
    expected: null,
    tolerance: null,
    comparison: 'at-least',
    message: `k = ${report.k} over ${report.classes} classes; ${below5} patients in classes smaller than 5${
      smallest ? `; smallest: ${Object.values(smallest.values).join(' / ')} (${smallest.size})` : ''
    }`,
  };
}

/** The overall quality score against the scenario's minimum, each property's score beside it. */
function qualityGate(report: QualityReport, minimum: number): GateResult {
  const properties = report.properties
    .map((property) => `${property.name} ${property.score.toFixed(3)}`)
    .join(', ');
  const passed = report.score >= minimum;
  return {
    id: 'quality-score',
    category: 'fidelity',
    title: 'Overall quality against the compared dataset (SDMetrics-style)',
    status: passed ? 'pass' : 'fail',
    observed: report.score,
    expected: minimum,
    tolerance: 0,
    comparison: 'at-least',
    message: `overall quality ${report.score.toFixed(3)} (${passed ? 'at least' : 'below'} ${minimum}): ${properties}`,
    details: {
      properties: report.properties.map((property) => ({
        name: property.name,
        score: property.score,
      })),
    },
  };
}
