import { DURATION_PROBABILITIES, durationQuantileChecks } from './duration-quantile-checks.js';
import type { Gate } from './gate.js';
import { sharesOutcome } from './shares-outcome.js';

/** The shortest ED boarding the generator draws, in hours. */
const MIN_HOURS = 0.5;

/**
 * ED arrival to admission has a realistic boarding tail (issue 15): the hours from an
 * "Admitted" visit's arrival to its stay's admit_ts follow ed.arrival_to_admission_hours
 * (lognormal truncated to [0.5 h, max]); the shares at or below its quartiles and 90th
 * percentile are binomial. None may fall outside [0.5 h, max] (zero tolerance).
 */
export const gateArrivalToAdmission: Gate = {
  id: 'arrival-to-admission',
  category: 'fidelity',
  title: 'ED arrival to admission follows the boarding distribution',
  tables: ['ed_encounters', 'ip_stays'],
  statistical: true,
  async run({ sql, scenario, significance }) {
    const hours = await sql.numbers(`SELECT (epoch(s.admit_ts) - epoch(e.arrival_ts)) / 3600.0
      FROM ip_stays s JOIN ed_encounters e ON e.encounter_id = s.ed_encounter_id
      WHERE s.admission_source = 'ED'`);
    const duration = scenario.ed.arrivalToAdmissionHours;
    const level = significance(DURATION_PROBABILITIES.length);
    const shares = durationQuantileChecks('hours', hours, duration, MIN_HOURS, level);
    // A second of rounding either side.
    let outside = 0;
    for (const value of hours) {
      if (value < MIN_HOURS - 1 / 3600 || value > duration.max + 1 / 3600) outside++;
    }
    const plain = [
      {
        key: `admissions outside [${MIN_HOURS}, ${duration.max}] h`,
        observed: outside,
        expected: 0,
        tolerance: 0,
        comparison: 'at-most' as const,
        passed: outside === 0,
      },
    ];
    return sharesOutcome(shares, { z: level.z, what: 'boarding-time quantile shares', plain });
  },
};
