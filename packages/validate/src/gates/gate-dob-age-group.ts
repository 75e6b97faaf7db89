import { buildDimAgeGroup } from '@lm-synth/dims';
import { ageSql } from '../dataset/age-sql.js';
import { sqlLiteral } from '../dataset/sql-literal.js';
import type { Gate } from './gate.js';
import { violationsOutcome } from './violations-outcome.js';

/** Each patient's date of birth puts them in their age group at the dataset's reference date. */
export const gateDobAgeGroup: Gate = {
  id: 'dob-age-group',
  category: 'integrity',
  title: 'Date of birth agrees with the age group at the reference date',
  tables: ['patients'],
  statistical: false,
  async run({ sql, run }) {
    const bands = buildDimAgeGroup();
    const values = bands.age_group
      .map(
        (group, i) => `(${sqlLiteral(group)}, ${bands.min_age[i]}, ${bands.max_age[i] ?? 'NULL'})`,
      )
      .join(', ');
    const violating = `FROM patients p LEFT JOIN (VALUES ${values}) b(age_group, min_age, max_age) ON p.age_group = b.age_group
      WHERE p.dob IS NULL OR b.age_group IS NULL OR ${ageSql('dob', run.referenceDate)} < b.min_age
         OR ${ageSql('dob', run.referenceDate)} > coalesce(b.max_age, ${ageSql('dob', run.referenceDate)})`;
    const violations = await sql.scalar(`SELECT count(*) ${violating}`);
    const examples =
      violations === 0
        ? []
        : (
            await sql.rows(
              `SELECT p.patient_id, CAST(p.dob AS VARCHAR) AS dob, p.age_group ${violating} ORDER BY p.patient_id LIMIT 3`,
            )
          ).map((row) => `${row.patient_id}: born ${row.dob}, age group ${row.age_group}`);
    return violationsOutcome(violations, {
      what: `patients whose date of birth contradicts their age group at ${run.referenceDate}`,
      examples,
    });
  },
};
