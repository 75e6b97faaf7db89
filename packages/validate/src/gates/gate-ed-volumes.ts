import { ED_SUBSERVICES } from '@lm-synth/config/core';
import { CountMoments } from '../expectations/count-moments.js';
import { countTolerance } from '../expectations/count-tolerance.js';
import { patientsByCell } from '../expectations/patients-by-cell.js';
import { populationCells } from '../expectations/population-cells.js';
import type { CheckResult } from '../report/validation-report.js';
import { checksOutcome } from './checks-outcome.js';
import type { Gate } from './gate.js';
import { makeCheck } from './make-check.js';

interface Group {
  readonly key: string;
  readonly lhas: readonly number[];
}

/**
 * Start-year ED volumes by LHA x subservice, and by facility x subservice where a facility
 * is the default site of several LHAs (blueprint §7, §10: facility = the LHA's default
 * site). Expected: population x base rate, from the scenario. Observed: the encounters
 * scaled to the population by indirect standardisation — expected x O/E, where E is what
 * the scenario predicts for the dataset's own patients — which removes the noise of how
 * patients were drawn. O follows a sum of per-person NegBin(mean, k) (or Poisson) counts;
 * its tolerance is the moment-matched negative binomial's central interval, or the
 * configured relative volume tolerance when wider.
 */
export const gateEdVolumes: Gate = {
  id: 'ed-volumes',
  category: 'fidelity',
  title: 'ED volumes match population x base rate',
  tables: ['patients', 'ed_encounters'],
  statistical: true,
  async run({ sql, scenario, run, thresholds, significance }) {
    const S = ED_SUBSERVICES.length;
    const L = scenario.lhas.length;
    const model = scenario.ed.countModel;
    const patients = await patientsByCell(sql, scenario);
    const moments = Array.from({ length: L * S }, () => new CountMoments(model));
    const projected = new Float64Array(L * S);
    for (const [i, cell] of populationCells(scenario).entries()) {
      const rates = scenario.ed.ratesPer1000[cell.lhaIndex]![cell.ageIndex]![cell.genderIndex]!;
      for (let s = 0; s < S; s++) {
        const mean = rates[s]! / 1000;
        moments[cell.lhaIndex * S + s]!.addPersons(patients[i]!, mean);
        projected[cell.lhaIndex * S + s]! += cell.population * mean;
      }
    }
    const observed = new Float64Array(L * S);
    const rows = await sql.rows(`SELECT p.lha_id, e.ed_subservice, count(*) AS n
      FROM ed_encounters e JOIN patients p ON p.patient_id = e.patient_id
      WHERE year(e.arrival_ts) = ${run.startYear} GROUP BY ALL`);
    for (const row of rows) {
      const lha = Number(row.lha_id) - 1;
      const s = ED_SUBSERVICES.indexOf(row.ed_subservice as (typeof ED_SUBSERVICES)[number]);
      if (lha >= 0 && lha < L && s >= 0) observed[lha * S + s]! += Number(row.n);
    }

    const siteCode = (id: number) => scenario.sites[id - 1]?.code ?? `site ${id}`;
    const groups: Group[] = scenario.lhas.map((lha, i) => ({
      key: `${lha.name} (${siteCode(lha.defaultSiteId)})`,
      lhas: [i],
    }));
    for (const site of scenario.sites) {
      const served = scenario.lhas.flatMap((lha, i) => (lha.defaultSiteId === site.id ? [i] : []));
      if (served.length > 1) groups.push({ key: site.code, lhas: served });
    }

    const { tail, z } = significance(groups.length * S);
    const checks: CheckResult[] = [];
    for (const group of groups) {
      for (let s = 0; s < S; s++) {
        const sum = new CountMoments(model);
        let count = 0;
        let volume = 0;
        for (const lha of group.lhas) {
          sum.add(moments[lha * S + s]!);
          count += observed[lha * S + s]!;
          volume += projected[lha * S + s]!;
        }
        const key = `${group.key} / ${ED_SUBSERVICES[s]}`;
        if (sum.mean === 0) {
          checks.push(makeCheck(key, count, 0, 0));
          continue;
        }
        const scale = volume / sum.mean;
        const tolerance = countTolerance(
          count,
          sum.mean,
          thresholds.volumeTolerance * sum.mean,
          sum.distribution(),
          tail,
        );
        checks.push(makeCheck(key, count * scale, volume, tolerance * scale));
      }
    }
    return checksOutcome(checks, {
      z,
      what: 'LHA/facility x subservice volumes',
      extra: { year: run.startYear },
    });
  },
};
