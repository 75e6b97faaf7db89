import { AGE_GROUPS, ED_SUBSERVICES, GENDERS } from '@lm-synth/config/core';
import { localDateSql } from '../dataset/local-date-sql.js';
import { startResidentSql } from '../dataset/start-resident-sql.js';
import { tableColumns } from '../dataset/table-columns.js';
import { CountMoments } from '../expectations/count-moments.js';
import { countTolerance } from '../expectations/count-tolerance.js';
import { cumulativeArrivalShares } from '../expectations/cumulative-arrival-shares.js';
import { edVisitRouting } from '../expectations/ed-visit-routing.js';
import { populationCells } from '../expectations/population-cells.js';
import type { CheckResult } from '../report/validation-report.js';
import { decisiveScale } from './decisive-scale.js';
import {
  DETECTABLE_DEVIATION,
  detectableOutcome,
  POWER_Z,
  type UndetectableCheck,
} from './detectable-outcome.js';
import type { Gate } from './gate.js';
import { makeCheck } from './make-check.js';

/**
 * Start-year ED volumes by LHA x subservice (visits of the LHA's patients wherever seen)
 * and by facility x subservice against the routed projection (v_ed_volume_projection_routed:
 * population x base rate x the scenario's routing to that facility), blueprint §7, §10.
 * Observed counts are scaled to the population by indirect standardisation — expected x
 * O/E, where E is what the scenario predicts for the dataset's own patients (for a
 * facility: given each patient's home facility) — which removes the noise of how
 * patients were drawn and homed. O follows a sum of per-person NegBin(mean, k) (or
 * Poisson) counts, thinned by routing shares (a thinned NegBin(m, k) is NegBin(m p, k));
 * its tolerance is the moment-matched negative binomial's central interval, or the
 * configured relative volume tolerance when wider. With an open cohort only the patients
 * resident on 1 January of the start year (entry_reason 'Resident', the sample of the
 * start-year population) and their start-year visits (local calendar) are counted, each
 * resident exposed until their exit: one who dies or leaves on day d of the start year is
 * expected to make the share of the year's visits that falls on days up to d (seasonality
 * x weekday, as the generator places visits; the exit day counts). For a death at an ED
 * visit this is the optional-stopping expectation of a Poisson count given the frailty,
 * which ignores only that frail patients die a little earlier - a few hundred patients at
 * the default size, far inside the tolerance.
 */
export const gateEdVolumes: Gate = {
  id: 'ed-volumes',
  category: 'fidelity',
  title: 'ED volumes match population x base rate, routed to facilities',
  tables: ['patients', 'ed_encounters'],
  statistical: true,
  async run({ sql, scenario, run, thresholds, significance }) {
    const S = ED_SUBSERVICES.length;
    const L = scenario.lhas.length;
    const F = scenario.sites.length;
    const model = scenario.ed.countModel;
    const routing = edVisitRouting(scenario);
    const resident = `WHERE ${await startResidentSql(sql)}`;
    // The day of the start year a resident exits on (0 = 1 January), -1 when they stay.
    const exitDay = (await tableColumns(sql, 'patients')).has('exit_date')
      ? `CASE WHEN year(p.exit_date) = ${run.startYear} THEN dayofyear(p.exit_date) - 1 ELSE -1 END`
      : '-1';
    const exposure = cumulativeArrivalShares(scenario, run.startYear);

    // Expectation for the dataset's own patients, by LHA and by facility; rows in a fixed
    // order, so the floating-point sums (and the report) do not depend on DuckDB's threads.
    const byLha = Array.from({ length: L * S }, () => new CountMoments(model));
    const byFacility = Array.from({ length: F * S }, () => new CountMoments(model));
    const patients = await sql.rows(`SELECT p.lha_id, p.age_group, p.gender, p.facility_home_id,
        ${exitDay} AS exit_day, count(*) AS n FROM patients p ${resident} GROUP BY ALL ORDER BY ALL`);
    for (const row of patients) {
      const lha = Number(row.lha_id) - 1;
      const age = AGE_GROUPS.indexOf(row.age_group as (typeof AGE_GROUPS)[number]);
      const gender = GENDERS.indexOf(row.gender as (typeof GENDERS)[number]);
      const home = Number(row.facility_home_id) - 1;
      if (lha < 0 || lha >= L || age < 0 || gender < 0 || home < 0 || home >= F) continue;
      const rates = scenario.ed.ratesPer1000[lha]![age]![gender]!;
      const n = Number(row.n);
      const exit = Number(row.exit_day);
      for (let s = 0; s < S; s++) {
        const shares = exposure[s]!;
        const mean =
          (rates[s]! / 1000) * (exit >= 0 ? shares[Math.min(exit, shares.length - 1)]! : 1);
        byLha[lha * S + s]!.addPersons(n, mean);
        for (let f = 0; f < F; f++) {
          const share = routing.byHome[home]![s]![f]!;
          if (share > 0) byFacility[f * S + s]!.addPersons(n, mean * share);
        }
      }
    }
    // The projection: population x base rate, and routed.
    const projectedLha = new Float64Array(L * S);
    const projectedFacility = new Float64Array(F * S);
    for (const cell of populationCells(scenario)) {
      const rates = scenario.ed.ratesPer1000[cell.lhaIndex]![cell.ageIndex]![cell.genderIndex]!;
      for (let s = 0; s < S; s++) {
        const volume = (cell.population * rates[s]!) / 1000;
        projectedLha[cell.lhaIndex * S + s]! += volume;
        for (let f = 0; f < F; f++)
          projectedFacility[f * S + s]! += volume * routing.byLha[cell.lhaIndex]![s]![f]!;
      }
    }
    const observedLha = new Float64Array(L * S);
    const observedFacility = new Float64Array(F * S);
    const rows = await sql.rows(`SELECT p.lha_id, e.facility_id, e.ed_subservice, count(*) AS n
      FROM ed_encounters e JOIN patients p ON p.patient_id = e.patient_id
      ${resident} AND ${localDateSql('e.arrival_ts', run, 'year')} = ${run.startYear}
      GROUP BY ALL`);
    for (const row of rows) {
      const lha = Number(row.lha_id) - 1;
      const f = Number(row.facility_id) - 1;
      const s = ED_SUBSERVICES.indexOf(row.ed_subservice as (typeof ED_SUBSERVICES)[number]);
      if (s < 0) continue;
      if (lha >= 0 && lha < L) observedLha[lha * S + s]! += Number(row.n);
      if (f >= 0 && f < F) observedFacility[f * S + s]! += Number(row.n);
    }

    const { tail, z } = significance((L + F) * S);
    const checks: CheckResult[] = [];
    const undetectable: UndetectableCheck[] = [];
    const check = (key: string, moments: CountMoments, count: number, volume: number) => {
      if (moments.mean === 0) {
        checks.push(makeCheck(key, count, 0, 0));
        return;
      }
      const scale = volume / moments.mean;
      const tolerance = countTolerance(
        count,
        moments.mean,
        thresholds.volumeTolerance * moments.mean,
        moments.distribution(),
        tail,
      );
      checks.push(makeCheck(key, count * scale, volume, tolerance * scale));
      // A cell whose tolerance is wider than the deviation it exists for cannot pass honestly
      // (0 visits against 3,112 ± 3,112, say): the gate is then inconclusive.
      const mean = moments.mean;
      const sd = Math.sqrt(moments.variance);
      if (DETECTABLE_DEVIATION * mean < tolerance + POWER_Z * sd) {
        // Mean and variance both grow with the patients (per-person counts add up).
        const grown = decisiveScale((c) => {
          const error = sd * Math.sqrt(c);
          const bound = Math.max(thresholds.volumeTolerance * mean * c, z * error);
          return DETECTABLE_DEVIATION * mean * c >= bound + POWER_Z * error;
        });
        undetectable.push({ key, scale: grown });
      }
    };
    const siteCode = (id: number) => scenario.sites[id - 1]?.code ?? `site ${id}`;
    scenario.lhas.forEach((lha, l) => {
      for (let s = 0; s < S; s++) {
        check(
          `${lha.name} (${siteCode(lha.defaultSiteId)}) / ${ED_SUBSERVICES[s]}`,
          byLha[l * S + s]!,
          observedLha[l * S + s]!,
          projectedLha[l * S + s]!,
        );
      }
    });
    scenario.sites.forEach((site, f) => {
      for (let s = 0; s < S; s++) {
        check(
          `${site.code} routed / ${ED_SUBSERVICES[s]}`,
          byFacility[f * S + s]!,
          observedFacility[f * S + s]!,
          projectedFacility[f * S + s]!,
        );
      }
    });
    return detectableOutcome(checks, undetectable, {
      z,
      what: 'LHA and routed facility x subservice volumes',
      patients: run.patients,
      extra: { year: run.startYear },
    });
  },
};
