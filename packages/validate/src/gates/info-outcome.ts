import type { GateDetails } from '../report/validation-report.js';
import type { GateOutcome } from './gate.js';

/** A gate outcome that checked nothing (not applicable, not run, nothing to compare): status info. */
export function infoOutcome(message: string, details?: GateDetails): GateOutcome {
  return {
    status: 'info',
    observed: null,
    expected: null,
    tolerance: null,
    comparison: 'within',
    message,
    ...(details ? { details } : {}),
  };
}
