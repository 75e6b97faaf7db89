import { localNewYear } from '../dataset/local-new-year.js';
import type { Gate } from './gate.js';
import { violationsOutcome } from './violations-outcome.js';

/**
 * A generous bound on ED boarding: the admission starts within two days of the ED arrival,
 * or within the scenario's longest boarding or transfer delay when that is longer.
 */
const MIN_BOARDING_BOUND_HOURS = 48;
/** A transfer begins when the first stay ends, give or take a day (discharge is to 0.01 day). */
const TRANSFER_WINDOW_HOURS = 24;

/**
 * Links between facts agree with each other in time and person: a stay's admission source
 * matches its links; an ED admission follows an "Admitted" visit of the same patient; a
 * transfer continues a stay of the same patient at another facility as it ends, or
 * receives a patient an ED of another facility "Transferred" (issue 15: ed_encounter_id
 * on a Transfer stay, within the same bound as boarding; never both links).
 * The generator also writes the warm-up year's stays (the year before the start year)
 * that are not discharged by the start year's first local midnight, but not the warm-up
 * year's ED visits, nor stays discharged before that midnight: an ED admission may lack its
 * link when it was admitted from the warm-up year (from the warm-up year's first midnight
 * to the start's plus the boarding bound, as a 31 December visit may be admitted after
 * midnight), a transfer when the stay it continues could have ended before the start
 * (admitted before the start's midnight plus the transfer window). A link such a stay
 * does carry is checked like any other. ED links are required only when the dataset has
 * ED encounters.
 */
export const gateLinkedStays: Gate = {
  id: 'linked-stays',
  category: 'integrity',
  title: 'Linked ED visits and transfers are consistent in time',
  tables: ['ip_stays'],
  statistical: false,
  async run({ sql, run, rowCounts, scenario }) {
    const MAX_BOARDING_HOURS = Math.max(
      MIN_BOARDING_BOUND_HOURS,
      scenario.ed.arrivalToAdmissionHours.max,
      scenario.ed.transferDelayHours.max,
    );
    const warmUpStart = localNewYear(run.timeZone, run.startYear - 1);
    const start = localNewYear(run.timeZone, run.startYear);
    const admittedBefore = (hours: number) =>
      `(epoch(admit_ts) >= ${warmUpStart} AND epoch(admit_ts) < ${start + hours * 3600})`;
    const withEd = rowCounts.has('ed_encounters');
    const rules: { name: string; sql: string }[] = [
      {
        name: 'admission source disagrees with its links',
        sql: `SELECT stay_id FROM ip_stays WHERE
          (ed_encounter_id IS NOT NULL AND admission_source NOT IN ('ED', 'Transfer'))
          OR (transfer_from_stay_id IS NOT NULL AND admission_source IS DISTINCT FROM 'Transfer')
          OR (ed_encounter_id IS NOT NULL AND transfer_from_stay_id IS NOT NULL)
          OR (admission_source = 'ED' AND ed_encounter_id IS NULL AND ${withEd}
              AND NOT ${admittedBefore(MAX_BOARDING_HOURS)})
          OR (admission_source = 'Transfer' AND transfer_from_stay_id IS NULL
              AND (ed_encounter_id IS NULL OR NOT ${withEd})
              AND NOT ${admittedBefore(Math.max(TRANSFER_WINDOW_HOURS, MAX_BOARDING_HOURS))})`,
      },
      {
        name: 'transfer not from a stay of the same patient at another facility, as it ends',
        sql: `SELECT s.stay_id FROM ip_stays s JOIN ip_stays f ON f.stay_id = s.transfer_from_stay_id
          WHERE f.patient_id <> s.patient_id OR f.facility_id = s.facility_id
             OR s.admit_ts < f.admit_ts
             OR (f.discharge_ts IS NOT NULL AND (s.admit_ts < f.discharge_ts - INTERVAL ${TRANSFER_WINDOW_HOURS} HOUR
                                               OR s.admit_ts > f.discharge_ts + INTERVAL ${TRANSFER_WINDOW_HOURS} HOUR))`,
      },
    ];
    if (withEd) {
      rules.push({
        name: `ED admission not within ${MAX_BOARDING_HOURS} h after an "Admitted" visit of the same patient`,
        sql: `SELECT s.stay_id FROM ip_stays s JOIN ed_encounters e ON e.encounter_id = s.ed_encounter_id
          WHERE s.admission_source = 'ED' AND (e.patient_id <> s.patient_id OR e.dispo IS DISTINCT FROM 'Admitted'
             OR s.admit_ts < e.arrival_ts OR s.admit_ts > e.arrival_ts + INTERVAL ${MAX_BOARDING_HOURS} HOUR)`,
      });
      rules.push({
        name: `transfer from an ED not within ${MAX_BOARDING_HOURS} h after a "Transferred" visit of the same patient at another facility`,
        sql: `SELECT s.stay_id FROM ip_stays s JOIN ed_encounters e ON e.encounter_id = s.ed_encounter_id
          WHERE s.admission_source = 'Transfer' AND (e.patient_id <> s.patient_id
             OR e.dispo IS DISTINCT FROM 'Transferred' OR e.facility_id = s.facility_id
             OR s.admit_ts < e.arrival_ts OR s.admit_ts > e.arrival_ts + INTERVAL ${MAX_BOARDING_HOURS} HOUR)`,
      });
    }
    let violations = 0;
    const examples: string[] = [];
    const perRule: Record<string, number> = {};
    for (const rule of rules) {
      const count = await sql.scalar(`SELECT count(*) FROM (${rule.sql})`);
      if (count === 0) continue;
      violations += count;
      perRule[rule.name] = count;
      const [first] = await sql.rows(`SELECT min(stay_id) AS stay_id FROM (${rule.sql})`);
      examples.push(`stay ${first?.stay_id}: ${rule.name}`);
    }
    return violationsOutcome(violations, {
      what: 'stays with inconsistent ED or transfer links',
      examples,
      ...(violations > 0 ? { extra: { perRule } } : {}),
    });
  },
};
