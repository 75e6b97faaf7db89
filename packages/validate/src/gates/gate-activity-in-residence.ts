import { localDateSql } from '../dataset/local-date-sql.js';
import { tableColumns } from '../dataset/table-columns.js';
import type { Gate } from './gate.js';
import { violationsOutcome } from './violations-outcome.js';

interface Rule {
  /** What a violating row is, e.g. "ED arrivals after the patient's exit_date". */
  readonly what: string;
  /** FROM ... WHERE ... selecting the violating rows of table alias x. */
  readonly from: string;
  /** The row's id, and how it breaks the rule, for examples. */
  readonly id: string;
  readonly detail: string;
}

const text = (expression: string) => `CAST(${expression} AS VARCHAR)`;

/**
 * No activity outside a patient's residence (issue 14 item 8): no ED arrival, admission
 * or discharge before the patient's entry_date or after their exit_date (dates on the
 * scenario's local calendar; the exit day itself counts as resident, as a death in the ED
 * or a discharge on the day of leaving does; residents' warm-up stays, admitted in the
 * year before the start and still in a bed at it, are the one exception to the entry
 * rule), and nothing after an ED visit the patient
 * died at ('Deceased'): no later arrival or admission. Datasets without entry and exit
 * dates (a closed cohort) get the death rules only.
 */
export const gateActivityInResidence: Gate = {
  id: 'activity-in-residence',
  category: 'integrity',
  title: 'No activity before entry, after exit or after death',
  tables: ['patients'],
  statistical: false,
  async run({ sql, run, rowCounts }) {
    const columns = await tableColumns(sql, 'patients');
    const dated = columns.has('entry_date') && columns.has('exit_date');
    const rules: Rule[] = [];
    const outside = (
      table: string,
      id: string,
      column: string,
      label: string,
      side: 'entry' | 'exit',
      allowed?: string,
    ) => {
      if (!dated || !rowCounts.has(table)) return;
      const day = localDateSql(`x.${column}`, run, 'date');
      const bound = side === 'entry' ? 'p.entry_date' : 'p.exit_date';
      rules.push({
        what: `${label} ${side === 'entry' ? 'before' : 'after'} the patient's ${side}_date`,
        from: `FROM ${table} x JOIN patients p ON p.patient_id = x.patient_id
          WHERE ${day} ${side === 'entry' ? '<' : '>'} ${bound}${allowed ? ` AND NOT (${allowed})` : ''}`,
        id: `x.${id}`,
        detail: `${text(day)} || ' vs ${side} ' || ${text(bound)}`,
      });
    };
    outside('ed_encounters', 'encounter_id', 'arrival_ts', 'ED arrivals', 'entry');
    outside('ed_encounters', 'encounter_id', 'arrival_ts', 'ED arrivals', 'exit');
    // The warm-up year's stays still in a bed on 1 January of the start year were admitted
    // before the residents' entry_date (that 1 January): allowed for residents, that year only.
    outside(
      'ip_stays',
      'stay_id',
      'admit_ts',
      'admissions',
      'entry',
      `p.entry_reason = 'Resident' AND ${localDateSql('x.admit_ts', run, 'year')} = ${run.startYear - 1}`,
    );
    outside('ip_stays', 'stay_id', 'admit_ts', 'admissions', 'exit');
    outside('ip_stays', 'stay_id', 'discharge_ts', 'discharges', 'exit');
    if (rowCounts.has('ed_encounters')) {
      const deaths = `(SELECT patient_id, min(arrival_ts) AS died FROM ed_encounters
          WHERE dispo = 'Deceased' GROUP BY patient_id) d`;
      const after = (table: string, id: string, column: string, label: string) =>
        rules.push({
          what: `${label} after the patient died in the ED`,
          from: `FROM ${table} x JOIN ${deaths} ON d.patient_id = x.patient_id
            WHERE x.${column} > d.died`,
          id: `x.${id}`,
          detail: `${text(`x.${column}`)} || ' after death at ' || ${text('d.died')}`,
        });
      after('ed_encounters', 'encounter_id', 'arrival_ts', 'ED arrivals');
      if (rowCounts.has('ip_stays')) after('ip_stays', 'stay_id', 'admit_ts', 'admissions');
    }
    let violations = 0;
    const found: string[] = [];
    const examples: string[] = [];
    for (const rule of rules) {
      const n = await sql.scalar(`SELECT count(*) ${rule.from}`);
      if (n === 0) continue;
      violations += n;
      found.push(`${n} ${rule.what}`);
      const rows = await sql.rows(
        `SELECT x.patient_id AS patient, ${rule.id} AS id, ${rule.detail} AS detail ${rule.from}
         ORDER BY id LIMIT 2`,
      );
      for (const row of rows) examples.push(`${row.patient} #${row.id}: ${row.detail}`);
    }
    const outcome = violationsOutcome(violations, {
      what: dated
        ? 'ED arrivals, admissions or discharges before entry, after exit or after death in the ED'
        : 'ED arrivals or admissions after death in the ED (no entry or exit dates to check)',
      examples,
    });
    if (found.length === 0) return outcome;
    return { ...outcome, message: `${found.join('; ')} (e.g. ${examples.slice(0, 2).join('; ')})` };
  },
};
