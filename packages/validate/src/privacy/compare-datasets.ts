import type { SqlSession } from '../dataset/sql-session.js';
import { significance } from '../expectations/significance.js';
import { checksOutcome } from '../gates/checks-outcome.js';
import { makeCheck } from '../gates/make-check.js';
import type { CompareReport, GateResult } from '../report/validation-report.js';
import { nearestNeighbours } from './nearest-neighbours.js';
import { PATIENT_FEATURES } from './patient-feature-names.js';
import { readPatientFeatures } from './patient-features.js';
import { pmse } from './pmse.js';
import { sampleIndices } from './sample-indices.js';

/** Records of each side whose nearest neighbours are searched. */
const SAMPLE = 1_000;
/** Records of the other dataset searched (a random subset beyond this). */
const REFERENCE_CAP = 20_000;
/** Records of each side the pMSE discriminator is fitted on. */
const PMSE_SAMPLE = 5_000;
/** Too-close records `--in` may have beyond the baseline share, at most (absolute). */
const CLOSE_SHARE_EXCESS = 0.05;
/** The pMSE may be this many times its null expectation, at most. */
const PMSE_RATIO_MAX = 3;
const GATES = 3;

/**
 * Privacy of `--in` (e.g. a model's sample) against another dataset (e.g. its training
 * data), on patients: distance to the closest record (DCR) and nearest-neighbour distance
 * ratio (NNDR) under the Gower distance, each held against the other dataset's own records
 * (leave-one-out) — copies and near-copies show up as an excess of records closer than the
 * baseline's 5th percentile — and the pMSE of a logistic-regression discriminator.
 */
export async function compareDatasets(
  input: SqlSession,
  against: SqlSession,
  againstDir: string,
  familyWiseAlpha: number,
): Promise<{ report: CompareReport; gates: GateResult[] }> {
  const dictionary: Map<string, number>[] = [];
  const a = await readPatientFeatures(input, dictionary);
  const b = await readPatientFeatures(against, dictionary);
  const reference = sampleIndices(b.count, REFERENCE_CAP, 'compare-reference');
  const queries = sampleIndices(a.count, SAMPLE, 'compare-input');
  const self = sampleIndices(reference.length, SAMPLE, 'compare-baseline');
  const baselineRows = Int32Array.from(self, (position) => reference[position]!);
  const observed = nearestNeighbours(a, queries, b, reference);
  const baseline = nearestNeighbours(b, baselineRows, b, reference, self);
  const ratio = ({ nearest, second }: typeof observed) =>
    Float64Array.from(nearest, (d, i) => (second[i]! > 0 ? d / second[i]! : 1));

  const { z } = significance(familyWiseAlpha, GATES, 1, 1);
  const dcr = closeness(observed.nearest, baseline.nearest, z);
  const nndr = closeness(ratio(observed), ratio(baseline), z);
  const discriminator = pmse(
    a,
    sampleIndices(a.count, PMSE_SAMPLE, 'pmse-input'),
    b,
    sampleIndices(b.count, PMSE_SAMPLE, 'pmse-against'),
    dictionary.map((codes) => codes.size),
  );
  const pmseRatio = discriminator.value / discriminator.nullExpectation;

  const gates: GateResult[] = [
    {
      id: 'privacy-dcr',
      category: 'privacy',
      title: 'Distance to closest record no closer than the baseline',
      ...checksOutcome([dcr.check('records closer than 5% of the baseline')], {
        z,
        what: 'DCR shares',
      }),
    },
    {
      id: 'privacy-nndr',
      category: 'privacy',
      title: 'Nearest-neighbour distance ratio no lower than the baseline',
      ...checksOutcome([nndr.check('records with a lower NNDR than 5% of the baseline')], {
        z,
        what: 'NNDR shares',
      }),
    },
    {
      id: 'privacy-pmse',
      category: 'privacy',
      title: 'pMSE of a discriminator near its null expectation',
      ...checksOutcome(
        [
          makeCheck(
            'pMSE / null expectation',
            pmseRatio,
            1,
            Math.max(PMSE_RATIO_MAX - 1, z * Math.sqrt(2 / (discriminator.parameters - 1))),
            'at-most',
          ),
        ],
        { z, what: 'pMSE ratios', extra: { pmse: discriminator.value } },
      ),
    },
  ];
  return {
    report: {
      against: againstDir,
      features: [...PATIENT_FEATURES.numeric, ...PATIENT_FEATURES.categorical],
      sampleSize: queries.length,
      referenceSize: reference.length,
      distanceToClosestRecord: dcr.summary,
      nearestNeighbourDistanceRatio: nndr.summary,
      pmse: {
        value: discriminator.value,
        nullExpectation: discriminator.nullExpectation,
        nullStandardDeviation: discriminator.nullStandardDeviation,
        ratio: pmseRatio,
      },
    },
    gates,
  };
}

/**
 * The share of `observed` at or below the baseline's 5th percentile, against the same
 * share of the baseline (5% or more with ties); the excess may reach the configured
 * allowance or z standard errors of a difference of two proportions, if wider.
 */
function closeness(observed: Float64Array, baseline: Float64Array, z: number) {
  const cut = quantile(baseline, 0.05);
  const share = (values: Float64Array) =>
    values.filter((value) => value <= cut).length / Math.max(1, values.length);
  const observedShare = share(observed);
  const baselineShare = share(baseline);
  const pooled =
    (observedShare * observed.length + baselineShare * baseline.length) /
    Math.max(1, observed.length + baseline.length);
  const standardError = Math.sqrt(
    pooled * (1 - pooled) * (1 / Math.max(1, observed.length) + 1 / Math.max(1, baseline.length)),
  );
  return {
    summary: {
      observed: { p05: quantile(observed, 0.05), median: quantile(observed, 0.5) },
      baseline: { p05: cut, median: quantile(baseline, 0.5) },
      closeShare: { observed: observedShare, baseline: baselineShare },
    },
    check: (key: string) =>
      makeCheck(
        key,
        observedShare,
        baselineShare,
        Math.max(CLOSE_SHARE_EXCESS, z * standardError),
        'at-most',
      ),
  };
}

/** The order statistic at rank ⌈p·n⌉ (type 1 quantile); 0 for no values. */
function quantile(values: Float64Array, p: number): number {
  if (values.length === 0) return 0;
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
}
