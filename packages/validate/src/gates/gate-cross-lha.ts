import { ED_SUBSERVICES } from '@lm-synth/config/core';
import { quoteLiteral } from '@lm-synth/export-arrow';
import { localDateSql } from '../dataset/local-date-sql.js';
import { binomialQuantiles } from '../expectations/binomial-quantiles.js';
import { countTolerance } from '../expectations/count-tolerance.js';
import type { CheckResult } from '../report/validation-report.js';
import { checksOutcome } from './checks-outcome.js';
import type { Gate } from './gate.js';
import { makeCheck } from './make-check.js';

/**
 * Cross-LHA care (blueprint §3: 5-10%) at the scenario's shares: patients whose home
 * facility is not their LHA's default site, and ED visits away from the home facility
 * where the home offers the subservice and another site does too. Each share may deviate
 * by the marginal tolerance (relative) or its exact binomial central interval, if wider.
 * Every patient of an open cohort gets a home facility by the same rule, entrants too;
 * ED visits are the start year's, on the local calendar.
 */
export const gateCrossLha: Gate = {
  id: 'cross-lha',
  category: 'fidelity',
  title: 'Cross-LHA care at the configured shares',
  tables: ['patients'],
  statistical: true,
  async run({ sql, scenario, run, rowCounts, thresholds, significance }) {
    const withEd = rowCounts.has('ed_encounters');
    const { tail, z } = significance(withEd ? 2 : 1);
    const defaults = scenario.lhas.map((lha) => `(${lha.id}, ${lha.defaultSiteId})`).join(', ');
    const [patients] = await sql.rows(`SELECT count(*) AS n,
        count(*) FILTER (WHERE p.facility_home_id <> d.site_id) AS away
      FROM patients p JOIN (VALUES ${defaults}) d(lha_id, site_id) ON d.lha_id = p.lha_id`);
    const checks: CheckResult[] = [];
    const share = (key: string, hits: number, trials: number, expected: number) => {
      if (trials === 0) return;
      const tolerance = countTolerance(
        hits,
        trials * expected,
        thresholds.marginalTolerance * trials * expected,
        binomialQuantiles(trials, expected),
        tail,
      );
      checks.push(makeCheck(key, hits / trials, expected, tolerance / trials));
    };
    share(
      'patients with a home facility outside their LHA',
      Number(patients?.away ?? 0),
      Number(patients?.n ?? 0),
      scenario.crossLha.homeFacilityShare,
    );
    if (withEd) {
      const offers = (site: number, s: number) => scenario.coverage.ed[site]?.[s] === true;
      const eligible = scenario.sites.flatMap((site, f) =>
        ED_SUBSERVICES.flatMap((name, s) =>
          offers(f, s) && scenario.sites.some((_, other) => other !== f && offers(other, s))
            ? [`(${site.id}, ${quoteLiteral(name)})`]
            : [],
        ),
      );
      if (eligible.length > 0) {
        const [visits] = await sql.rows(`SELECT count(*) AS n,
            count(*) FILTER (WHERE e.facility_id <> p.facility_home_id) AS away
          FROM ed_encounters e JOIN patients p ON p.patient_id = e.patient_id
          JOIN (VALUES ${eligible.join(', ')}) v(site_id, ed_subservice)
            ON v.site_id = p.facility_home_id AND v.ed_subservice = e.ed_subservice
          WHERE ${localDateSql('e.arrival_ts', run, 'year')} = ${run.startYear}`);
        share(
          'ED visits away from a home facility that offers the subservice',
          Number(visits?.away ?? 0),
          Number(visits?.n ?? 0),
          scenario.crossLha.edNonHomeShare,
        );
      }
    }
    return checksOutcome(checks, { z, what: 'cross-LHA shares' });
  },
};
