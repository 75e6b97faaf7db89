import { localDateSql } from '../dataset/local-date-sql.js';
import { binomialQuantiles } from '../expectations/binomial-quantiles.js';
import type { CheckResult } from '../report/validation-report.js';
import { checksOutcome } from './checks-outcome.js';
import type { Gate } from './gate.js';
import { makeCheck } from './make-check.js';

const UNDER_15 = "('0-4', '5-14')";
const FROM_25 = "('25-44', '45-64', '65-74', '75-84', '85+')";

/**
 * Blueprint §4, §7: the Pediatric ED sees at least the configured share of under-15
 * visits and next to none from 25, where the Adult ED dominates. Each share may fall short
 * of its bound only by what chance allows at the bound: a one-sided exact binomial test of
 * the visit count against the bound itself. Start-year visits on the local calendar, by the
 * patient's age_group: the age in that year for residents (at the reference date) and for
 * the year's entrants (at entry), as the generator assigns subservices.
 */
export const gatePediatricShare: Gate = {
  id: 'pediatric-share',
  category: 'fidelity',
  title: 'Pediatric ED carries children, Adult ED adults',
  tables: ['patients', 'ed_encounters'],
  statistical: true,
  async run({ sql, run, thresholds, significance }) {
    const [row] = await sql.rows(`SELECT
        count(*) FILTER (WHERE p.age_group IN ${UNDER_15}) AS under15,
        count(*) FILTER (WHERE p.age_group IN ${UNDER_15} AND e.ed_subservice = 'Pediatric ED') AS under15_pediatric,
        count(*) FILTER (WHERE p.age_group IN ${FROM_25}) AS from25,
        count(*) FILTER (WHERE p.age_group IN ${FROM_25} AND e.ed_subservice = 'Pediatric ED') AS from25_pediatric,
        count(*) FILTER (WHERE p.age_group IN ${FROM_25} AND e.ed_subservice = 'Adult ED') AS from25_adult
      FROM ed_encounters e JOIN patients p ON p.patient_id = e.patient_id
      WHERE ${localDateSql('e.arrival_ts', run, 'year')} = ${run.startYear}`);
    const count = (name: string) => Number(row?.[name] ?? 0);
    const { tail, z } = significance(3, 1);
    const share = (
      key: string,
      hits: number,
      visits: number,
      bound: number,
      comparison: 'at-least' | 'at-most',
    ): CheckResult[] => {
      if (visits === 0) return [];
      const quantiles = binomialQuantiles(visits, bound);
      const allowed =
        comparison === 'at-least'
          ? bound - quantiles.quantile(tail) / visits
          : quantiles.quantile(1 - tail) / visits - bound;
      return [makeCheck(key, hits / visits, bound, Math.max(0, allowed), comparison)];
    };
    const checks = [
      ...share(
        'Pediatric ED share of under-15 visits',
        count('under15_pediatric'),
        count('under15'),
        thresholds.pediatricShareUnder15Min,
        'at-least',
      ),
      ...share(
        'Pediatric ED share of visits from 25',
        count('from25_pediatric'),
        count('from25'),
        thresholds.pediatricShare25PlusMax,
        'at-most',
      ),
      ...share(
        'Adult ED share of visits from 25',
        count('from25_adult'),
        count('from25'),
        thresholds.adultEdShare25PlusMin,
        'at-least',
      ),
    ];
    return checksOutcome(checks, { z, what: 'age-appropriate ED shares' });
  },
};
