import type { Gate } from './gate.js';
import { violationsOutcome } from './violations-outcome.js';

/** A generous bound on ED boarding: the admission starts within two days of the ED arrival. */
const MAX_BOARDING_HOURS = 48;
/** A transfer begins when the first stay ends, give or take a day (discharge is to 0.01 day). */
const TRANSFER_WINDOW_HOURS = 24;

/**
 * Links between facts agree with each other in time and person: a stay's admission source
 * matches its links; an ED admission follows an "Admitted" visit of the same patient; a
 * transfer continues a stay of the same patient at another facility as it ends.
 */
export const gateLinkedStays: Gate = {
  id: 'linked-stays',
  category: 'integrity',
  title: 'Linked ED visits and transfers are consistent in time',
  tables: ['ip_stays'],
  statistical: false,
  async run({ sql, rowCounts }) {
    const rules: { name: string; sql: string }[] = [
      {
        name: 'admission source disagrees with its links',
        sql: `SELECT stay_id FROM ip_stays WHERE
          (admission_source = 'ED') IS DISTINCT FROM (ed_encounter_id IS NOT NULL)
          OR (admission_source = 'Transfer') IS DISTINCT FROM (transfer_from_stay_id IS NOT NULL)`,
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
    if (rowCounts.has('ed_encounters')) {
      rules.push({
        name: `ED admission not within ${MAX_BOARDING_HOURS} h after an "Admitted" visit of the same patient`,
        sql: `SELECT s.stay_id FROM ip_stays s JOIN ed_encounters e ON e.encounter_id = s.ed_encounter_id
          WHERE e.patient_id <> s.patient_id OR e.dispo IS DISTINCT FROM 'Admitted'
             OR s.admit_ts < e.arrival_ts OR s.admit_ts > e.arrival_ts + INTERVAL ${MAX_BOARDING_HOURS} HOUR`,
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
