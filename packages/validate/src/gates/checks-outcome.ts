import { formatNumber as format } from '../report/format-number.js';
import type { CheckResult, GateDetails } from '../report/validation-report.js';
import type { GateOutcome } from './gate.js';
import { infoOutcome } from './info-outcome.js';
import { checkExcess } from './make-check.js';

/** Failing checks listed in a report, at most. */
const MAX_LISTED = 20;
/** Closest passing calls listed when nothing fails. */
const CLOSEST_LISTED = 3;

/**
 * Sums a gate's checks up: it fails when any check fails, and reports the figures of the
 * worst check (largest deviation relative to its tolerance).
 */
export function checksOutcome(
  checks: readonly CheckResult[],
  options: { readonly z?: number; readonly what: string; readonly extra?: GateDetails },
): GateOutcome {
  if (checks.length === 0) {
    return infoOutcome(`nothing to check: no ${options.what} in the dataset`, {
      checks: 0,
      ...options.extra,
    });
  }
  const ranked = [...checks].sort((a, b) => checkExcess(b) - checkExcess(a));
  const failing = ranked.filter((check) => !check.passed);
  const worst = ranked[0]!;
  const details: GateDetails = {
    checks: checks.length,
    worst: failing.length > 0 ? failing.slice(0, MAX_LISTED) : ranked.slice(0, CLOSEST_LISTED),
    ...(options.z === undefined ? {} : { z: round(options.z, 3) }),
    ...options.extra,
  };
  const figures = `${format(worst.observed)} vs ${describeBound(worst)}`;
  const message =
    failing.length > 0
      ? `${failing.length} of ${checks.length} ${options.what} out of tolerance; worst ${worst.key}: ${figures}`
      : `all ${checks.length} ${options.what} within tolerance; closest ${worst.key}: ${figures}`;
  return {
    status: failing.length > 0 ? 'fail' : 'pass',
    observed: worst.observed,
    expected: worst.expected,
    tolerance: worst.tolerance,
    comparison: worst.comparison,
    message,
    details,
  };
}

function describeBound(check: CheckResult): string {
  const expected = format(check.expected);
  const tolerance = format(check.tolerance);
  if (check.comparison === 'at-least') return `at least ${expected} - ${tolerance}`;
  if (check.comparison === 'at-most') return `at most ${expected} + ${tolerance}`;
  return `${expected} ± ${tolerance}`;
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
