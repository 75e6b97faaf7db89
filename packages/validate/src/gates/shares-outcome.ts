import type { CheckResult, GateDetails } from '../report/validation-report.js';
import { detectableOutcome } from './detectable-outcome.js';
import type { GateOutcome } from './gate.js';
import type { ShareCheck } from './share-check.js';

/**
 * The outcome of a gate whose checks each carry the deviation of the defect the gate exists
 * for (shareCheck): any failing check fails it; it passes only when at least one check
 * could have seen that defect with 80% power (a Bonferroni family rejects the defect then
 * too), else it is inconclusive, listing the checks with the size each would need.
 * `plain` checks (integrity-like, zero tolerance) count towards failing only.
 */
export function sharesOutcome(
  shares: readonly ShareCheck[],
  options: {
    readonly z: number;
    readonly what: string;
    readonly plain?: readonly CheckResult[];
    readonly extra?: GateDetails;
  },
): GateOutcome {
  const checks = [...(options.plain ?? []), ...shares.map((share) => share.check)];
  const decisive = shares.some((share) => share.undetectable === null);
  const undetectable = decisive
    ? []
    : shares.flatMap((share) => (share.undetectable === null ? [] : [share.undetectable]));
  return detectableOutcome(checks, shares.length > 0 && !decisive ? undetectable : [], {
    z: options.z,
    what: options.what,
    ...(options.extra ? { extra: options.extra } : {}),
  });
}
