import { localDateSql } from '../dataset/local-date-sql.js';
import { tableColumns } from '../dataset/table-columns.js';
import type { Gate } from './gate.js';
import { violationsOutcome } from './violations-outcome.js';

/**
 * One patient's episodes agree with each other (issue 15): a stay starts at or after the
 * previous one's discharge (no two beds at once; an undischarged stay is the last); no ED
 * visit arrives strictly inside a stay (the visit that led to an admission arrives before
 * it); a death - a Deceased ED visit or a stay discharged Died - is final: no later
 * arrival or admission, and the patient leaves the cohort by Death on its local day.
 * Death checks need the stays' discharge_disposition and run only where it exists.
 */
export const gateEpisodeCoherence: Gate = {
  id: 'episode-coherence',
  category: 'integrity',
  title: 'No overlapping stays, no ED visits during a stay, death is final',
  tables: ['patients', 'ip_stays'],
  statistical: false,
  async run({ sql, run, rowCounts }) {
    const withEd = rowCounts.has('ed_encounters');
    const stayColumns = await tableColumns(sql, 'ip_stays');
    const patientColumns = await tableColumns(sql, 'patients');
    const deathEvents = [
      ...(stayColumns.has('discharge_disposition')
        ? [
            `SELECT patient_id, discharge_ts AS death_ts FROM ip_stays WHERE discharge_disposition = 'Died'`,
          ]
        : []),
      ...(withEd
        ? [`SELECT patient_id, arrival_ts AS death_ts FROM ed_encounters WHERE dispo = 'Deceased'`]
        : []),
    ];
    const deaths =
      deathEvents.length === 0
        ? null
        : `(SELECT patient_id, min(death_ts) AS death_ts FROM (${deathEvents.join(' UNION ALL ')}) GROUP BY patient_id)`;
    const rules: { name: string; sql: string }[] = [
      {
        name: 'stay starts before the previous stay of the patient ends',
        sql: `SELECT 'stay ' || stay_id AS example FROM (
            SELECT stay_id, discharge_ts,
              lead(admit_ts) OVER (PARTITION BY patient_id ORDER BY admit_ts, stay_id) AS next_admit
            FROM ip_stays)
          WHERE next_admit IS NOT NULL AND (discharge_ts IS NULL OR next_admit < discharge_ts)`,
      },
    ];
    if (withEd) {
      rules.push({
        name: 'ED visit arrives while the patient is in a bed',
        sql: `SELECT 'encounter ' || e.encounter_id AS example FROM ed_encounters e
          JOIN ip_stays s ON s.patient_id = e.patient_id
          WHERE e.arrival_ts > s.admit_ts AND (s.discharge_ts IS NULL OR e.arrival_ts < s.discharge_ts)`,
      });
    }
    if (deaths) {
      rules.push({
        name: 'admission after the patient died',
        sql: `SELECT 'stay ' || s.stay_id AS example FROM ip_stays s JOIN ${deaths} d
            ON d.patient_id = s.patient_id WHERE s.admit_ts >= d.death_ts`,
      });
      // A closed cohort has no exit columns: nothing to agree with.
      if (patientColumns.has('exit_reason') && patientColumns.has('exit_date')) {
        rules.push({
          name: 'patient who died in hospital not exited by Death on that local day',
          sql: `SELECT 'patient ' || p.patient_id AS example FROM patients p JOIN ${deaths} d
            ON d.patient_id = p.patient_id
            WHERE p.exit_reason IS DISTINCT FROM 'Death'
               OR p.exit_date IS DISTINCT FROM ${localDateSql('d.death_ts', run, 'date')}`,
        });
      }
      if (withEd) {
        rules.push({
          name: 'ED arrival after the patient died',
          sql: `SELECT 'encounter ' || e.encounter_id AS example FROM ed_encounters e JOIN ${deaths} d
            ON d.patient_id = e.patient_id WHERE e.arrival_ts > d.death_ts`,
        });
      }
    }
    let violations = 0;
    const examples: string[] = [];
    const perRule: Record<string, number> = {};
    for (const rule of rules) {
      const count = await sql.scalar(`SELECT count(*) FROM (${rule.sql})`);
      if (count === 0) continue;
      violations += count;
      perRule[rule.name] = count;
      const [first] = await sql.rows(`SELECT min(example) AS example FROM (${rule.sql})`);
      examples.push(`${first?.example}: ${rule.name}`);
    }
    return violationsOutcome(violations, {
      what: 'episodes contradicting each other',
      examples,
      ...(violations > 0 ? { extra: { perRule } } : {}),
    });
  },
};
