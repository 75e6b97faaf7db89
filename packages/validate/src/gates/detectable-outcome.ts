import type { CheckResult, GateDetails } from '../report/validation-report.js';
import { checksOutcome } from './checks-outcome.js';
import type { GateOutcome } from './gate.js';

/** The deviation a time gate must be able to see to say PASS (issue 14: 10%). */
export const DETECTABLE_DEVIATION = 0.1;

/**
 * checksOutcome for gates that must not pass what they cannot see: any failing check
 * fails the gate; otherwise, if some checks could not have detected the deviation they
 * exist for at this dataset's size (`undetectable`, by key), the gate is inconclusive
 * rather than passing; only when every check could have, it passes.
 */
export function detectableOutcome(
  checks: readonly CheckResult[],
  undetectable: readonly string[],
  options: { readonly z?: number; readonly what: string; readonly extra?: GateDetails },
): GateOutcome {
  const outcome = checksOutcome(checks, options);
  if (outcome.status !== 'pass' || undetectable.length === 0) return outcome;
  const shown = undetectable.slice(0, 3).join('; ');
  return {
    ...outcome,
    status: 'inconclusive',
    message: `${undetectable.length} of ${checks.length} ${options.what} too small to detect a ${
      DETECTABLE_DEVIATION * 100
    }% deviation (e.g. ${shown}); ${outcome.message}`,
    details: { ...outcome.details, undetectable: undetectable.slice(0, 20) },
  };
}
