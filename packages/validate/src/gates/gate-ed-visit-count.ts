import { localDateSql } from '../dataset/local-date-sql.js';
import type { Gate } from './gate.js';
import { violationsOutcome } from './violations-outcome.js';

/**
 * patients.ed_visits_year is the number of the patient's ED encounters in the start year,
 * counted on the local calendar of the dataset's time zone (the generator's calendar
 * years): a visit late on 31 December local time is a start-year visit even though its
 * UTC instant falls in the next year.
 */
export const gateEdVisitCount: Gate = {
  id: 'ed-visit-count',
  category: 'integrity',
  title: "ed_visits_year equals the patient's start-year encounters",
  tables: ['patients', 'ed_encounters'],
  statistical: false,
  async run({ sql, run }) {
    const violating = `FROM patients p LEFT JOIN (
        SELECT patient_id, count(*) AS encounters FROM ed_encounters
        WHERE ${localDateSql('arrival_ts', run, 'year')} = ${run.startYear} GROUP BY patient_id
      ) e ON e.patient_id = p.patient_id
      WHERE p.ed_visits_year IS DISTINCT FROM coalesce(e.encounters, 0)`;
    const violations = await sql.scalar(`SELECT count(*) ${violating}`);
    const examples =
      violations === 0
        ? []
        : (
            await sql.rows(
              `SELECT p.patient_id, p.ed_visits_year, coalesce(e.encounters, 0) AS encounters ${violating} ORDER BY p.patient_id LIMIT 3`,
            )
          ).map(
            (row) =>
              `${row.patient_id}: ed_visits_year ${row.ed_visits_year}, ${row.encounters} encounters`,
          );
    return violationsOutcome(violations, {
      what: `patients whose ed_visits_year differs from their ${run.startYear} encounters`,
      examples,
    });
  },
};
