import { chartNumber } from '../chart-number.js';
import type { ChartRow, ReportChart } from '../chart-types.js';
import { formatPercent } from '../format-percent.js';

/**
 * The privacy metrics validate's --compare computes (privacy-dcr, privacy-nndr,
 * privacy-pmse): distance to the closest record and nearest-neighbour distance ratio of
 * this dataset's records against the other dataset, beside the other dataset's own
 * records (leave-one-out), the baseline of an independent sample.
 */
export const privacyDistances: ReportChart = {
  id: 'privacy-distances',
  section: 'compare',
  title: 'Privacy: distances to the closest records of the other dataset',
  tables: ['patients'],
  compare: true,
  columns: [
    { key: 'metric', label: 'Metric', format: 'text' },
    { key: 'measure', label: 'Measure', format: 'text' },
    { key: 'side', label: 'Records', format: 'text' },
    { key: 'value', label: 'Value', format: 'decimal' },
  ],
  async query({ compare }) {
    const privacy = compare?.privacy;
    if (!privacy) return [];
    const rows: ChartRow[] = [];
    for (const [metric, summary] of [
      ['DCR', privacy.distanceToClosestRecord],
      ['NNDR', privacy.nearestNeighbourDistanceRatio],
    ] as const) {
      for (const [side, key] of [
        ['this dataset', 'observed'],
        ['baseline', 'baseline'],
      ] as const) {
        rows.push({ metric, measure: '5th percentile', side, value: summary[key].p05 });
        rows.push({ metric, measure: 'median', side, value: summary[key].median });
        rows.push({
          metric,
          measure: 'share ≤ baseline 5th pct.',
          side,
          value: summary.closeShare[key],
        });
      }
    }
    rows.push({
      metric: 'pMSE',
      measure: 'value',
      side: 'this dataset',
      value: privacy.pmse.value,
    });
    rows.push({
      metric: 'pMSE',
      measure: 'null expectation',
      side: 'baseline',
      value: privacy.pmse.nullExpectation,
    });
    rows.push({
      metric: 'pMSE',
      measure: 'ratio',
      side: 'this dataset',
      value: privacy.pmse.ratio,
    });
    return rows;
  },
  spec(rows) {
    return {
      data: { values: rows.filter((row) => row.metric !== 'pMSE').map((row) => ({ ...row })) },
      facet: { column: { field: 'metric', type: 'nominal', title: null } },
      spec: {
        width: 300,
        height: 180,
        mark: { type: 'bar' },
        encoding: {
          x: { field: 'measure', type: 'nominal', title: null, sort: ['5th percentile', 'median'] },
          xOffset: { field: 'side', type: 'nominal' },
          y: { field: 'value', type: 'quantitative', title: 'Distance or share' },
          color: { field: 'side', type: 'nominal', title: 'Records' },
        },
      },
    };
  },
  reading(rows) {
    const value = (metric: string, measure: string, side: string) =>
      chartNumber(
        rows.find((row) => row.metric === metric && row.measure === measure && row.side === side)
          ?.value,
      );
    if (rows.length === 0) return 'No privacy comparison.';
    const close = 'share ≤ baseline 5th pct.';
    return `${formatPercent(value('DCR', close, 'this dataset'))} of this dataset's records are as close to a record of the other as the closest 5% of an independent sample (baseline ${formatPercent(value('DCR', close, 'baseline'))}); the pMSE is ${value('pMSE', 'ratio', 'this dataset').toFixed(2)} times its null expectation (1: the two cannot be told apart).`;
  },
};
