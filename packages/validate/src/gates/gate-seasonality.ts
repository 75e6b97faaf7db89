import { ED_SUBSERVICES } from '@lm-synth/config/core';
import { localDateSql } from '../dataset/local-date-sql.js';
import { startResidentSql } from '../dataset/start-resident-sql.js';
import { tableColumns } from '../dataset/table-columns.js';
import { arrivalMonthShares } from '../expectations/arrival-month-shares.js';
import { binomialQuantiles } from '../expectations/binomial-quantiles.js';
import { countTolerance } from '../expectations/count-tolerance.js';
import type { CheckResult } from '../report/validation-report.js';
import { checksOutcome } from './checks-outcome.js';
import type { Gate } from './gate.js';
import { makeCheck } from './make-check.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * The monthly profile of start-year ED arrivals per subservice follows the seasonal
 * multipliers (blueprint §4). Given a subservice's visits, each month's count is binomial;
 * it may deviate by the volume tolerance (relative) or its exact central interval.
 * Months are local (the dataset's zone). In an open cohort only patients present the whole
 * start year are counted - the residents of 1 January who do not exit that year - since
 * the profile describes a full year: entrants' visits crowd into the months after their
 * entry and leavers' into those before their exit. Whether a resident exits (a drawn exit,
 * or a death at a visit, which depends on dispositions, not days) does not depend on the
 * days of their visits, so the stayers' visits follow the profile exactly.
 */
export const gateSeasonality: Gate = {
  id: 'seasonality',
  category: 'fidelity',
  title: 'Monthly ED arrivals follow the seasonality profile',
  tables: ['patients', 'ed_encounters'],
  statistical: true,
  async run({ sql, scenario, run, thresholds, significance }) {
    const shares = arrivalMonthShares(scenario, run.startYear);
    const stayer = (await tableColumns(sql, 'patients')).has('exit_date')
      ? `${await startResidentSql(sql)} AND (p.exit_date IS NULL OR year(p.exit_date) > ${run.startYear})`
      : 'TRUE';
    const rows = await sql.rows(`SELECT e.ed_subservice,
        ${localDateSql('e.arrival_ts', run, 'month')} AS month, count(*) AS n
      FROM ed_encounters e JOIN patients p ON p.patient_id = e.patient_id
      WHERE ${stayer} AND ${localDateSql('e.arrival_ts', run, 'year')} = ${run.startYear}
      GROUP BY ALL`);
    const counts = ED_SUBSERVICES.map(() => new Array<number>(12).fill(0));
    for (const row of rows) {
      const s = ED_SUBSERVICES.indexOf(row.ed_subservice as (typeof ED_SUBSERVICES)[number]);
      if (s >= 0) counts[s]![Number(row.month) - 1]! += Number(row.n);
    }
    const { tail, z } = significance(ED_SUBSERVICES.length * 12);
    const checks: CheckResult[] = [];
    ED_SUBSERVICES.forEach((name, s) => {
      const visits = counts[s]!.reduce((sum, n) => sum + n, 0);
      if (visits === 0) return;
      counts[s]!.forEach((count, month) => {
        const share = shares[s]![month]!;
        const tolerance = countTolerance(
          count,
          visits * share,
          thresholds.volumeTolerance * visits * share,
          binomialQuantiles(visits, share),
          tail,
        );
        checks.push(
          makeCheck(`${name} / ${MONTHS[month]}`, count / visits, share, tolerance / visits),
        );
      });
    });
    return checksOutcome(checks, {
      z,
      what: 'subservice x month shares',
      extra: { year: run.startYear },
    });
  },
};
