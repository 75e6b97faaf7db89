import { localDateSql } from '../dataset/local-date-sql.js';
import type { Gate } from './gate.js';
import { violationsOutcome } from './violations-outcome.js';

/**
 * Each subprogram's care setting (issue 15): ambulatory subprograms (clinics, outreach, the
 * operating room) hold no bed, so they have no ip_stays rows; day cases are discharged on
 * the local day they start. Read from the scenario, not dim_subprogram, so a dataset that
 * relabels its dimension cannot excuse itself.
 */
export const gateCareSettings: Gate = {
  id: 'care-settings',
  category: 'integrity',
  title: 'No stays in ambulatory subprograms; day cases end the day they start',
  tables: ['ip_stays'],
  statistical: false,
  async run({ sql, scenario, run }) {
    const pairs = (setting: string) =>
      scenario.programs.flatMap((program) =>
        program.subprograms
          .filter((sub) => sub.setting === setting)
          .map((sub) => `(${program.id}, ${sub.id})`),
      );
    const inList = (list: string[]) =>
      list.length === 0 ? 'FALSE' : `(program_id, subprogram_id) IN (${list.join(', ')})`;
    const rules = [
      { name: 'stay in an ambulatory subprogram', where: inList(pairs('ambulatory')) },
      {
        name: 'day case not discharged on the local day it started',
        where: `${inList(pairs('day_case'))} AND (discharge_ts IS NULL OR ${localDateSql(
          'discharge_ts',
          run,
          'date',
        )} <> ${localDateSql('admit_ts', run, 'date')})`,
      },
    ];
    let violations = 0;
    const examples: string[] = [];
    const perRule: Record<string, number> = {};
    for (const rule of rules) {
      const count = await sql.scalar(`SELECT count(*) FROM ip_stays WHERE ${rule.where}`);
      if (count === 0) continue;
      violations += count;
      perRule[rule.name] = count;
      const [first] = await sql.rows(
        `SELECT min(stay_id) AS stay_id FROM ip_stays WHERE ${rule.where}`,
      );
      examples.push(`stay ${first?.stay_id}: ${rule.name}`);
    }
    return violationsOutcome(violations, {
      what: 'stays outside their care setting',
      examples,
      ...(violations > 0 ? { extra: { perRule } } : {}),
    });
  },
};
