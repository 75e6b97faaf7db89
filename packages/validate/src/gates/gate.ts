import type { Scenario } from '@lm-synth/config/core';
import type { SqlSession } from '../dataset/sql-session.js';
import type { Significance } from '../expectations/significance.js';
import type { ReferenceSample } from '../reference/reference-sample.js';
import type {
  Comparison,
  DatasetSummary,
  GateCategory,
  GateDetails,
  GateStatus,
  ReportThresholds,
} from '../report/validation-report.js';

/** What a gate may read: the dataset through SQL, the scenario and the run metadata. */
export interface GateContext {
  readonly dir: string;
  readonly sql: SqlSession;
  /** Tables present in the dataset, with their row counts. */
  readonly rowCounts: ReadonlyMap<string, number>;
  readonly scenario: Scenario;
  readonly run: DatasetSummary['run'];
  readonly thresholds: ReportThresholds;
  /**
   * The significance of each of `comparisons` checks of this gate: Bonferroni over the
   * gate's share of the family-wise alpha, split over both tails unless `sides` is 1.
   */
  significance(comparisons: number, sides?: 1 | 2): Significance;
  /** A sample drawn from the scenario itself (memoised), for shape and correlation gates. */
  referenceSample(): Promise<ReferenceSample>;
}

/** A gate's verdict before the registry adds its id, category and title. */
export interface GateOutcome {
  readonly status: GateStatus;
  readonly observed: number | null;
  readonly expected: number | null;
  readonly tolerance: number | null;
  readonly comparison: Comparison;
  readonly message: string;
  readonly details?: GateDetails;
}

export interface Gate {
  /** Stable id in the report, kebab-case. */
  readonly id: string;
  readonly category: GateCategory;
  readonly title: string;
  /** Tables the gate needs; when one is missing the gate reports `info` and does not run. */
  readonly tables: readonly string[];
  /** Fidelity gates make statistical comparisons and share the family-wise alpha. */
  readonly statistical: boolean;
  run(context: GateContext): Promise<GateOutcome>;
}
