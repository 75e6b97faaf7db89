import type { CheckResult } from '../report/validation-report.js';
import { DURATION_PROBABILITIES, durationQuantileChecks } from './duration-quantile-checks.js';
import type { Gate } from './gate.js';
import { makeCheck } from './make-check.js';
import { shareCheck } from './share-check.js';
import { sharesOutcome } from './shares-outcome.js';

/**
 * Inter-facility transfers (issue 15): a transfer stay starts transfer_gap_hours after the
 * stay it continues ends - lognormal, within (0, max] (zero tolerance outside; the shares at
 * or below its quartiles and 90th percentile are binomial) - and changes program with
 * probability transfer_program_change_share (binomial). The defects the checks exist for
 * are a transfer at the very second the first stay ends (10% of a tail share) and one that
 * never changes program; inconclusive when no check could see them.
 */
export const gateTransfersGapAndProgram: Gate = {
  id: 'transfers-gap-and-program',
  category: 'fidelity',
  title: 'Transfers start after a plausible gap, sometimes in another program',
  tables: ['ip_stays'],
  statistical: true,
  async run({ sql, scenario, significance }) {
    const { gap, changed } = await sql.columns(`SELECT
        (epoch(s.admit_ts) - epoch(f.discharge_ts)) / 3600.0 AS gap,
        s.program_id <> f.program_id AS changed
      FROM ip_stays s JOIN ip_stays f ON f.stay_id = s.transfer_from_stay_id
      WHERE f.discharge_ts IS NOT NULL`);
    const hours = Float64Array.from(gap ?? [], Number);
    const n = hours.length;
    const duration = scenario.inpatient.transferGapHours;
    const level = significance(DURATION_PROBABILITIES.length + 1);
    const shares = durationQuantileChecks('gap hours', hours, duration, 0, level);
    const change = (changed ?? []).filter((value) => value === true).length;
    const q = scenario.inpatient.transferProgramChangeShare;
    shares.push(shareCheck('program changed', change, n * q, n * q * (1 - q), n, level, -n * q));
    let outside = 0;
    for (const value of hours) if (value <= 0 || value > duration.max + 1 / 3600) outside++;
    const plain: CheckResult[] = [
      makeCheck(
        `transfers not within (0, ${duration.max}] h of the discharge`,
        outside,
        0,
        0,
        'at-most',
      ),
    ];
    return sharesOutcome(shares, { z: level.z, what: 'transfer gap and program checks', plain });
  },
};
