import type { GateDetails } from '../report/validation-report.js';
import type { GateOutcome } from './gate.js';

/**
 * The outcome of an integrity rule: it passes with no violating rows and otherwise fails,
 * naming how many rows break it and a few of them.
 */
export function violationsOutcome(
  violations: number,
  options: {
    /** What is checked, e.g. "stays with los_days below 0.25". */
    readonly what: string;
    readonly examples?: readonly string[];
    readonly extra?: GateDetails;
  },
): GateOutcome {
  const examples = options.examples ?? [];
  const shown = examples.length > 0 ? ` (e.g. ${examples.slice(0, 3).join('; ')})` : '';
  return {
    status: violations === 0 ? 'pass' : 'fail',
    observed: violations,
    expected: 0,
    tolerance: 0,
    comparison: 'at-most',
    message: violations === 0 ? `no ${options.what}` : `${violations} ${options.what}${shown}`,
    details: {
      ...(examples.length > 0 ? { examples } : {}),
      ...options.extra,
    },
  };
}
