import { standardNormalQuantile } from '@lm-synth/stats';
import type { CheckResult, GateDetails } from '../report/validation-report.js';
import { checksOutcome } from './checks-outcome.js';
import type { GateOutcome } from './gate.js';

/** The deviation a gate must be able to see to say PASS (issue 14: 10%). */
export const DETECTABLE_DEVIATION = 0.1;

/** A deviation counts as detectable when the test would see it at least 80% of the time. */
export const POWER_Z = standardNormalQuantile(0.8);

/** A check that could not have detected the deviation at this size. */
export interface UndetectableCheck {
  readonly key: string;
  /** By how much the patients must grow for it to become decisive (see decisiveScale). */
  readonly scale: number;
}

/**
 * checksOutcome for gates that must not pass what they cannot see: any failing check
 * fails the gate; otherwise, if some checks could not have detected the deviation they
 * exist for at this dataset's size (`undetectable`), the gate is inconclusive rather
 * than passing, and says from about how many patients (`patients` is the dataset's) it
 * would be decisive; only when every check could have, it passes.
 */
export function detectableOutcome(
  checks: readonly CheckResult[],
  undetectable: readonly UndetectableCheck[],
  options: {
    readonly z?: number;
    readonly what: string;
    /** The dataset's patients; without it the checks' own keys say the size they need. */
    readonly patients?: number;
    readonly extra?: GateDetails;
  },
): GateOutcome {
  const outcome = checksOutcome(checks, options);
  if (outcome.status !== 'pass' || undetectable.length === 0) return outcome;
  const ranked = [...undetectable].sort((a, b) => b.scale - a.scale);
  const shown = ranked
    .slice(0, 3)
    .map((check) => check.key)
    .join('; ');
  // Asked only when some check is not decisive now: at least a little more than this size.
  const scale = Math.max(ranked[0]!.scale, 1.01);
  const decisiveAt =
    Number.isFinite(scale) && options.patients !== undefined
      ? roundUp(options.patients * scale)
      : null;
  const when =
    options.patients === undefined
      ? 'decisive at the sizes shown'
      : decisiveAt === null
        ? 'no dataset size makes it decisive'
        : `decisive from about ${decisiveAt.toLocaleString('en-US')} patients`;
  return {
    ...outcome,
    status: 'inconclusive',
    message: `${undetectable.length} of ${checks.length} ${options.what} too small to detect a ${
      DETECTABLE_DEVIATION * 100
    }% deviation (e.g. ${shown}), ${when}; ${outcome.message}`,
    details: {
      ...outcome.details,
      undetectable: ranked.slice(0, 20).map((check) => check.key),
      decisiveAtPatients: decisiveAt,
    },
  };
}

/** Two significant figures, rounded up: an estimate should not promise too few patients. */
function roundUp(value: number): number {
  const unit = 10 ** Math.max(0, Math.floor(Math.log10(value)) - 1);
  return Math.ceil(value / unit) * unit;
}
