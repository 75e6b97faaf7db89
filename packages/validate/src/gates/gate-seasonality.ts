import { ED_SUBSERVICES } from '@lm-synth/config/core';
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
 */
export const gateSeasonality: Gate = {
  id: 'seasonality',
  category: 'fidelity',
  title: 'Monthly ED arrivals follow the seasonality profile',
  tables: ['ed_encounters'],
  statistical: true,
  async run({ sql, scenario, run, thresholds, significance }) {
    const shares = arrivalMonthShares(scenario, run.startYear);
    const rows = await sql.rows(`SELECT ed_subservice, month(arrival_ts) AS month, count(*) AS n
      FROM ed_encounters WHERE year(arrival_ts) = ${run.startYear} GROUP BY ALL`);
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
