import { localNewYear } from '../dataset/local-new-year.js';
import type { CheckResult } from '../report/validation-report.js';
import { DURATION_PROBABILITIES, durationQuantileChecks } from './duration-quantile-checks.js';
import type { Gate } from './gate.js';
import { makeCheck } from './make-check.js';
import { sharesOutcome } from './shares-outcome.js';

/**
 * An ED "Transferred" disposition is received somewhere (issue 15): from an Urgent Care
 * Centre, by an Adult or Pediatric ED visit of the same patient at another facility
 * (never itself Transferred); from an ED, by a stay at another facility with
 * admission_source Transfer and ed_encounter_id the visit. Zero tolerance for a transfer
 * received by nothing, except visits within ed.transfer_delay_hours max of the horizon's
 * end, whose receiving visit or stay may fall after it. The delay from the transferring
 * arrival to the receiving arrival or admission follows ed.transfer_delay_hours (the
 * shares at or below its quartiles and 90th percentile, binomial; 10% of a tail share is
 * the deviation they exist for); inconclusive when none could see it.
 */
export const gateEdTransfersReceived: Gate = {
  id: 'ed-transfers-received',
  category: 'fidelity',
  title: 'ED transfers are received by another facility after the transfer delay',
  tables: ['ed_encounters', 'ip_stays'],
  statistical: true,
  async run({ sql, scenario, run, significance }) {
    const end = localNewYear(run.timeZone, run.startYear + run.horizonYears);
    const duration = scenario.ed.transferDelayHours;
    const window = duration.max * 3600;
    const rows = await sql.rows(`WITH t AS (
        SELECT encounter_id, patient_id, facility_id, ed_subservice, arrival_ts FROM ed_encounters
        WHERE dispo = 'Transferred' AND epoch(arrival_ts) < ${end - window}),
      by_visit AS (
        SELECT t.encounter_id, min(epoch(e.arrival_ts) - epoch(t.arrival_ts)) AS delay,
          arg_min(e.dispo, e.arrival_ts) AS received_dispo
        FROM t JOIN ed_encounters e ON e.patient_id = t.patient_id
          AND e.facility_id <> t.facility_id AND e.ed_subservice <> 'Urgent Care Centre'
          AND epoch(e.arrival_ts) > epoch(t.arrival_ts)
          AND epoch(e.arrival_ts) <= epoch(t.arrival_ts) + ${window} + 1
        WHERE t.ed_subservice = 'Urgent Care Centre' GROUP BY t.encounter_id),
      by_stay AS (
        SELECT t.encounter_id, min(epoch(s.admit_ts) - epoch(t.arrival_ts)) AS delay
        FROM t JOIN ip_stays s ON s.ed_encounter_id = t.encounter_id
          AND s.admission_source = 'Transfer' AND s.facility_id <> t.facility_id
        WHERE t.ed_subservice <> 'Urgent Care Centre' GROUP BY t.encounter_id)
      SELECT t.encounter_id, t.ed_subservice AS subservice,
        coalesce(v.delay, s.delay) / 3600.0 AS delay, v.received_dispo
      FROM t LEFT JOIN by_visit v USING (encounter_id) LEFT JOIN by_stay s USING (encounter_id)`);
    const missing = rows.filter((row) => row.delay === null);
    const delays = Float64Array.from(
      rows.filter((row) => row.delay !== null),
      (row) => Number(row.delay),
    );
    const retransferred = rows.filter((row) => row.received_dispo === 'Transferred').length;
    const level = significance(DURATION_PROBABILITIES.length);
    const shares = durationQuantileChecks('delay hours', delays, duration, 0, level);
    const plain: CheckResult[] = [
      makeCheck('transfers received by nothing', missing.length, 0, 0, 'at-most'),
      makeCheck(
        'UCC transfers received by a visit itself Transferred',
        retransferred,
        0,
        0,
        'at-most',
      ),
    ];
    return sharesOutcome(shares, {
      z: level.z,
      what: 'ED transfer checks',
      plain,
      extra: {
        transferred: rows.length,
        ...(missing.length > 0
          ? {
              examples: missing
                .slice(0, 3)
                .map((row) => `encounter ${row.encounter_id} (${row.subservice})`),
            }
          : {}),
      },
    });
  },
};
