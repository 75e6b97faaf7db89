import type { CheckResult, Comparison } from '../report/validation-report.js';

/** Room for floating-point error when a check sits exactly on its bound. */
const EPSILON = 1e-9;

/** A check of `observed` against `expected` ± `tolerance` (or one side of it). */
export function makeCheck(
  key: string,
  observed: number,
  expected: number,
  tolerance: number,
  comparison: Comparison = 'within',
): CheckResult {
  const slack = tolerance + EPSILON * Math.max(1, Math.abs(expected));
  const passed =
    comparison === 'within'
      ? Math.abs(observed - expected) <= slack
      : comparison === 'at-least'
        ? observed >= expected - slack
        : observed <= expected + slack;
  return { key, observed, expected, tolerance, comparison, passed };
}

/** How far a check strays, in units of its tolerance: above 1 fails. */
export function checkExcess(check: CheckResult): number {
  const deviation =
    check.comparison === 'within'
      ? Math.abs(check.observed - check.expected)
      : check.comparison === 'at-least'
        ? check.expected - check.observed
        : check.observed - check.expected;
  if (check.tolerance > 0) return deviation / check.tolerance;
  return deviation > 0 ? Number.POSITIVE_INFINITY : 0;
}
