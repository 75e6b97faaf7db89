import { ageSql } from '../dataset/age-sql.js';
import { localDateSql } from '../dataset/local-date-sql.js';
import type { Gate } from './gate.js';
import { violationsOutcome } from './violations-outcome.js';

/**
 * The Pediatric ED sees children and youth only (issue 15): no visit there by a patient
 * older than ed.pediatric_max_age in whole years on the local day of arrival. The
 * generator sends such visits to the Adult ED, so any one is a defect.
 */
export const gatePediatricEdAges: Gate = {
  id: 'pediatric-ed-ages',
  category: 'integrity',
  title: 'Pediatric ED visits only up to the pediatric age',
  tables: ['patients', 'ed_encounters'],
  statistical: false,
  async run({ sql, scenario, run }) {
    const max = scenario.ed.pediatricMaxAge;
    const visits = `SELECT e.encounter_id, p.dob, ${localDateSql('e.arrival_ts', run, 'date')} AS arrival_day
      FROM ed_encounters e JOIN patients p ON p.patient_id = e.patient_id
      WHERE e.ed_subservice = 'Pediatric ED'`;
    const violating = `FROM (SELECT encounter_id, ${ageSql('dob', 'arrival_day', true)} AS age FROM (${visits}))
      WHERE age > ${max}`;
    const violations = await sql.scalar(`SELECT count(*) ${violating}`);
    const examples =
      violations === 0
        ? []
        : (
            await sql.rows(`SELECT encounter_id, age ${violating} ORDER BY encounter_id LIMIT 3`)
          ).map((row) => `encounter ${row.encounter_id}: aged ${row.age}`);
    return violationsOutcome(violations, {
      what: `Pediatric ED visits by patients older than ${max}`,
      examples,
    });
  },
};
