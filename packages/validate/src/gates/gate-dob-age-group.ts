import { buildDimAgeGroup } from '@lm-synth/dims';
import { quoteLiteral } from '@lm-synth/export-arrow';
import { ageSql } from '../dataset/age-sql.js';
import { tableColumns } from '../dataset/table-columns.js';
import type { Gate } from './gate.js';
import { violationsOutcome } from './violations-outcome.js';

/**
 * Each patient's date of birth puts them in their age group when they joined the cohort:
 * a resident (or any patient of a closed cohort) at the dataset's reference date, an
 * entrant (birth, in-migrant) at its entry_date. A birth enters on its date of birth, and
 * nobody enters before being born.
 */
export const gateDobAgeGroup: Gate = {
  id: 'dob-age-group',
  category: 'integrity',
  title: 'Date of birth agrees with the age group at the reference date (entrants: at entry)',
  tables: ['patients'],
  statistical: false,
  async run({ sql, run }) {
    const columns = await tableColumns(sql, 'patients');
    const open = columns.has('entry_date') && columns.has('entry_reason');
    const bands = buildDimAgeGroup();
    const values = bands.age_group
      .map(
        (group, i) =>
          `(${quoteLiteral(group)}, ${bands.min_age[i]}, ${bands.max_age[i] ?? 'NULL'})`,
      )
      .join(', ');
    const at = open
      ? `(CASE WHEN p.entry_reason = 'Resident' THEN DATE ${quoteLiteral(run.referenceDate)} ELSE p.entry_date END)`
      : `DATE ${quoteLiteral(run.referenceDate)}`;
    const age = ageSql('dob', at, true);
    const entry = open
      ? ` OR p.entry_date IS NULL OR p.entry_date < p.dob
         OR (p.entry_reason = 'Birth' AND p.entry_date <> p.dob)`
      : '';
    const violating = `FROM patients p LEFT JOIN (VALUES ${values}) b(age_group, min_age, max_age) ON p.age_group = b.age_group
      WHERE p.dob IS NULL OR b.age_group IS NULL OR ${age} < b.min_age
         OR ${age} > coalesce(b.max_age, ${age})${entry}`;
    const violations = await sql.scalar(`SELECT count(*) ${violating}`);
    const examples =
      violations === 0
        ? []
        : (
            await sql.rows(
              `SELECT p.patient_id, CAST(p.dob AS VARCHAR) AS dob, p.age_group${
                open ? ', p.entry_reason, CAST(p.entry_date AS VARCHAR) AS entry' : ''
              } ${violating} ORDER BY p.patient_id LIMIT 3`,
            )
          ).map(
            (row) =>
              `${row.patient_id}: born ${row.dob}, age group ${row.age_group}${
                open ? `, ${row.entry_reason} on ${row.entry}` : ''
              }`,
          );
    return violationsOutcome(violations, {
      what: open
        ? `patients whose date of birth contradicts their age group at ${run.referenceDate} (entrants: at entry) or their entry`
        : `patients whose date of birth contradicts their age group at ${run.referenceDate}`,
      examples,
    });
  },
};
