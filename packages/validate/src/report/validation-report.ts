import type { RunMetadata } from '@lm-synth/dims';

/**
 * The validation report, as `validate()` returns it and `--format json` prints it. This shape
 * is a public contract: fields are only ever added within a schema version; renaming or
 * removing one bumps `schemaVersion`. Gate ids are stable across releases.
 */
export interface ValidationReport {
  readonly schemaVersion: 1;
  /** True when no gate failed (inconclusive and info gates do not fail a dataset). */
  readonly ok: boolean;
  /** How many gates ended in each status. */
  readonly summary: Readonly<Record<GateStatus, number>>;
  readonly dataset: DatasetSummary;
  readonly scenario: ScenarioSummary;
  readonly thresholds: ReportThresholds;
  /** Every gate in registry order, integrity first. */
  readonly gates: readonly GateResult[];
  readonly privacy: PrivacyReport;
  readonly notice: string;
}

export type GateCategory = 'integrity' | 'fidelity' | 'privacy';

/**
 * `info` reports without judging: a gate that does not apply, or a k-anonymity report.
 * `inconclusive`: the gate ran but, at the dataset's size, could not have detected the
 * deviation it exists to catch, so it neither passes nor fails (it does not fail `ok`).
 */
export type GateStatus = 'pass' | 'fail' | 'info' | 'inconclusive';

/** How `observed` is held against `expected` and `tolerance`. */
export type Comparison = 'within' | 'at-least' | 'at-most';

export interface GateResult {
  /** Stable identifier, e.g. `foreign-keys` or `ed-volumes`. */
  readonly id: string;
  readonly category: GateCategory;
  readonly title: string;
  readonly status: GateStatus;
  /**
   * For a gate made of many checks (cells), the figures of its worst check: the one with
   * the largest deviation relative to its tolerance. Integrity gates count violations
   * against an expected 0. Null when nothing was measured.
   */
  readonly observed: number | null;
  readonly expected: number | null;
  /**
   * The allowed deviation of `observed` from `expected`: within ±tolerance, or at least
   * expected - tolerance, or at most expected + tolerance, as `comparison` says.
   */
  readonly tolerance: number | null;
  readonly comparison: Comparison;
  /** One line a person can act on. */
  readonly message: string;
  readonly details?: GateDetails;
}

export interface GateDetails {
  /** How many checks the gate made. */
  readonly checks?: number;
  /** The failing checks (all of them up to a cap) or, when none fails, the closest calls. */
  readonly worst?: readonly CheckResult[];
  /** Offending rows, as a few example keys. */
  readonly examples?: readonly string[];
  /** Two-sided z used for the statistical part of each check's tolerance. */
  readonly z?: number;
  readonly [key: string]: unknown;
}

/** One comparison inside a gate, e.g. one LHA x age group x gender cell. */
export interface CheckResult {
  readonly key: string;
  readonly observed: number;
  readonly expected: number;
  readonly tolerance: number;
  readonly comparison: Comparison;
  readonly passed: boolean;
}

export interface DatasetSummary {
  readonly dir: string;
  readonly format: string;
  readonly tables: readonly { readonly name: string; readonly rows: number }[];
  /** The `lm_synth` run metadata from datapackage.json. */
  readonly run: RunMetadata;
}

export interface ScenarioSummary {
  readonly id: string;
  readonly hash: string;
  /** The dataset's manifest names this same scenario hash. */
  readonly matchesDataset: boolean;
}

export interface ReportThresholds {
  readonly ksThreshold: number;
  readonly corrThreshold: number;
  readonly marginalTolerance: number;
  readonly volumeTolerance: number;
  readonly pediatricShareUnder15Min: number;
  readonly pediatricShare25PlusMax: number;
  readonly adultEdShare25PlusMin: number;
  readonly qualityScoreMin: number;
  /** Family-wise false-fail rate the statistical tolerances are set for. */
  readonly familyWiseAlpha: number;
}

export interface PrivacyReport {
  readonly kAnonymity: KAnonymityReport;
  readonly compare?: CompareReport;
}

export interface KAnonymityReport {
  /** The quasi-identifiers of an equivalence class. */
  readonly quasiIdentifiers: readonly string[];
  /** Size of the smallest class: the dataset is k-anonymous for this k. */
  readonly k: number;
  readonly classes: number;
  /** Classes by size band: sizes minSize..maxSize (null: no upper end), how many classes and patients. */
  readonly histogram: readonly {
    readonly minSize: number;
    readonly maxSize: number | null;
    readonly classes: number;
    readonly records: number;
  }[];
  /** The smallest classes, smallest first. */
  readonly smallestClasses: readonly {
    readonly values: Readonly<Record<string, string | number>>;
    readonly size: number;
  }[];
}

export type { QualityDetail, QualityProperty, QualityReport } from '../quality/quality-report.js';

export interface CompareReport {
  /** The dataset `--in` is measured against (e.g. the training data of a model). */
  readonly against: string;
  /** Patient columns the distance (Gower: mean over features) is computed on. */
  readonly features: readonly string[];
  /** Records of `--in`, and of the other dataset (leave-one-out), whose neighbours are searched. */
  readonly sampleSize: number;
  /** Records of the other dataset searched for neighbours. */
  readonly referenceSize: number;
  readonly distanceToClosestRecord: DistanceSummary;
  readonly nearestNeighbourDistanceRatio: DistanceSummary;
  readonly pmse: {
    readonly value: number;
    /** Expected pMSE when both sides come from one distribution: (k-1)c(1-c)/N. */
    readonly nullExpectation: number;
    readonly nullStandardDeviation: number;
    /** value / nullExpectation. */
    readonly ratio: number;
  };
  /** SDMetrics-style quality of `--in` against the other dataset, with per-column detail. */
  readonly quality?: import('../quality/quality-report.js').QualityReport;
}

export interface DistanceSummary {
  /** Quantiles for `--in` records against the other dataset. */
  readonly observed: { readonly p05: number; readonly median: number };
  /**
   * The same for the other dataset's own records (leave-one-out): what an independent
   * sample of the same population looks like.
   */
  readonly baseline: { readonly p05: number; readonly median: number };
  /** Share of records at or below the baseline's 5th percentile, `--in` and baseline. */
  readonly closeShare: { readonly observed: number; readonly baseline: number };
}
