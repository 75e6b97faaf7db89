import { describe, expect, it } from 'vitest';
import type { CompareReport } from '../../report/validation-report.js';
import type { ChartContext } from '../chart-types.js';
import { privacyDistances } from './privacy-distances.js';

const privacy: CompareReport = {
  against: 'other',
  features: ['dob'],
  sampleSize: 1000,
  referenceSize: 5000,
  distanceToClosestRecord: {
    observed: { p05: 0.01, median: 0.05 },
    baseline: { p05: 0.012, median: 0.06 },
    closeShare: { observed: 0.07, baseline: 0.05 },
  },
  nearestNeighbourDistanceRatio: {
    observed: { p05: 0.3, median: 0.8 },
    baseline: { p05: 0.35, median: 0.82 },
    closeShare: { observed: 0.04, baseline: 0.05 },
  },
  pmse: { value: 0.002, nullExpectation: 0.001, nullStandardDeviation: 0.0005, ratio: 2 },
};

describe('privacyDistances', () => {
  it("shows validate's compare report: DCR and NNDR against the baseline, and the pMSE", async () => {
    const context = { compare: { privacy } } as unknown as ChartContext;
    const rows = await privacyDistances.query(context);
    expect(rows).toContainEqual({
      metric: 'DCR',
      measure: 'median',
      side: 'this dataset',
      value: 0.05,
    });
    expect(rows).toContainEqual({
      metric: 'NNDR',
      measure: 'share ≤ baseline 5th pct.',
      side: 'baseline',
      value: 0.05,
    });
    expect(rows).toContainEqual({
      metric: 'pMSE',
      measure: 'ratio',
      side: 'this dataset',
      value: 2,
    });
    expect(privacyDistances.reading(rows, context)).toBe(
      "7.0% of this dataset's records are as close to a record of the other as the closest 5% of an independent sample (baseline 5.0%); the pMSE is 2.00 times its null expectation (1: the two cannot be told apart).",
    );
  });

  it('has no rows without a comparison', async () => {
    expect(await privacyDistances.query({} as ChartContext)).toEqual([]);
  });
});
