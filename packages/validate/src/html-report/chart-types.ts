import type { Scenario } from '@lm-synth/config/core';
import type { RunMetadata } from '@lm-synth/dims';
import type { TopLevelSpec } from 'vega-lite';
import type { SqlSession } from '../dataset/sql-session.js';
import type { CompareReport } from '../report/validation-report.js';

/** A value of a chart's data: what its table shows and its spec plots. */
export type ChartValue = string | number | boolean | null;
export type ChartRow = Readonly<Record<string, ChartValue>>;

/** One side of a report: a dataset opened for SQL. */
export interface ChartDataset {
  readonly dir: string;
  readonly sql: SqlSession;
  /** The run metadata, with the time zone (UTC for datasets written before it was recorded). */
  readonly run: RunMetadata & { readonly timeZone: string };
  readonly rowCounts: ReadonlyMap<string, number>;
}

/** What a chart may read: the dataset, its scenario and, with --compare, the other dataset. */
export interface ChartContext extends ChartDataset {
  readonly scenario: Scenario;
  readonly compare?: ChartDataset & { readonly privacy?: CompareReport };
}

export type ChartSectionId = 'population' | 'ed' | 'inpatient' | 'compare';

/** How a table cell is written: counts with separators, shares as percentages. */
export type ChartColumnFormat = 'text' | 'integer' | 'decimal' | 'percent';

export interface ChartColumn {
  readonly key: string;
  readonly label: string;
  readonly format: ChartColumnFormat;
}

/**
 * One chart of the HTML report: its query (kept in the chart's own module, so a new
 * column of the dataset is one edit), the Vega-Lite spec drawn from the rows, the table
 * of the same rows and a one-line reading of what they show.
 */
export interface ReportChart {
  /** Stable, kebab-case: the figure's id in the page. */
  readonly id: string;
  readonly section: ChartSectionId;
  readonly title: string;
  /** Tables the chart reads; when one is missing the report says so instead of drawing it. */
  readonly tables: readonly string[];
  /** The chart needs --compare. */
  readonly compare?: boolean;
  readonly columns: readonly ChartColumn[];
  query(context: ChartContext): Promise<ChartRow[]>;
  spec(rows: readonly ChartRow[], context: ChartContext): TopLevelSpec;
  /** One line: what the chart shows, with its key figures. */
  reading(rows: readonly ChartRow[], context: ChartContext): string;
}
