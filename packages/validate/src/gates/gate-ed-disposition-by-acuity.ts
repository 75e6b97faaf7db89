import {
  AGE_GROUPS,
  dispositionByAcuity,
  ED_DISPOSITIONS,
  ED_SUBSERVICES,
  OLDEST_AGE,
} from '@lm-synth/config/core';
import { ageSql } from '../dataset/age-sql.js';
import { localDateSql } from '../dataset/local-date-sql.js';
import type { CheckResult } from '../report/validation-report.js';
import type { Gate } from './gate.js';
import { makeCheck } from './make-check.js';
import { type ShareCheck, shareCheck } from './share-check.js';
import { sharesOutcome } from './shares-outcome.js';

/**
 * Visits within 30 days after a discharge of the same patient are left out: an urgent
 * readmission through the ED adds a visit that is Admitted by construction, outside the
 * acuity model. Leaving out every visit in that window keeps the rest unbiased, as the
 * model draws acuity and disposition whenever a visit falls.
 */
const AFTER_DISCHARGE = `EXISTS (SELECT 1 FROM ip_stays s WHERE s.patient_id = e.patient_id
  AND s.discharge_ts < e.arrival_ts AND s.discharge_ts >= e.arrival_ts - INTERVAL 30 DAY)`;
const MIN_AGES = AGE_GROUPS.map((label) => Number(/^\d+/.exec(label)![0]));
const CHECKED = ['Admitted', 'Left Without Being Seen', 'Deceased'] as const;

/**
 * ED disposition follows acuity (issue 15): for each subservice and CTAS level, the shares
 * Admitted, Left Without Being Seen and Deceased match dispositionByAcuity over the visits'
 * own single years of age (a sum of per-visit probabilities; binomial variance). Deceased
 * keeps its share p per visit although the generator scales it by frailty (p / G), which
 * averages to p. Deaths: none at an Urgent Care Centre (the scenario gives 0), and the
 * CTAS 1-2 share of deaths as expected (binomial over the deaths). The defect each check
 * exists for is a disposition that ignores acuity (the age group's configured shares at
 * every level); the gate is inconclusive when no check could see it.
 */
export const gateEdDispositionByAcuity: Gate = {
  id: 'ed-disposition-by-acuity',
  category: 'fidelity',
  title: 'ED admission falls and LWBS rises from CTAS 1 to 5; deaths at CTAS 1-2, not at UCCs',
  tables: ['patients', 'ed_encounters'],
  statistical: true,
  async run({ sql, scenario, run, rowCounts, significance }) {
    const rows = await sql.rows(`SELECT ${ageSql('dob', 'arrival_day', true)} AS age,
        ed_subservice AS subservice, acuity, dispo, count(*) AS n
      FROM (SELECT p.dob, e.ed_subservice, e.acuity, e.dispo,
              ${localDateSql('e.arrival_ts', run, 'date')} AS arrival_day
            FROM ed_encounters e JOIN patients p ON p.patient_id = e.patient_id
            WHERE ${rowCounts.has('ip_stays') ? `NOT ${AFTER_DISCHARGE}` : 'TRUE'})
      GROUP BY ALL`);
    const table = dispositionByAcuity(scenario);
    const D = ED_DISPOSITIONS.length;
    // [subservice][level]: visits, observed, expected, variance and the flat model's expected by disposition.
    const cell = () => ({
      n: 0,
      observed: new Array<number>(D).fill(0),
      expected: new Array<number>(D).fill(0),
      variance: new Array<number>(D).fill(0),
      flat: new Array<number>(D).fill(0),
    });
    const cells = ED_SUBSERVICES.map(() => Array.from({ length: 5 }, cell));
    for (const row of rows) {
      const s = ED_SUBSERVICES.indexOf(row.subservice as never);
      const level = Number(row.acuity) - 1;
      const d = ED_DISPOSITIONS.indexOf(row.dispo as never);
      if (s < 0 || level < 0 || level > 4 || d < 0) continue;
      const age = Math.min(Math.max(Number(row.age), 0), OLDEST_AGE);
      let group = 0;
      while (group + 1 < MIN_AGES.length && age >= MIN_AGES[group + 1]!) group++;
      const n = Number(row.n);
      const target = cells[s]![level]!;
      target.n += n;
      target.observed[d]! += n;
      ED_DISPOSITIONS.forEach((_, k) => {
        const p = table[age]![s]![level]![k]!;
        target.expected[k]! += n * p;
        target.variance[k]! += n * p * (1 - p);
        target.flat[k]! += n * scenario.ed.disposition[group]![s]![k]!;
      });
    }
    const sig = significance(ED_SUBSERVICES.length * 5 * CHECKED.length + 2);
    const shares: ShareCheck[] = [];
    ED_SUBSERVICES.forEach((subservice, s) => {
      cells[s]!.forEach((c, level) => {
        if (c.n === 0) return;
        for (const name of CHECKED) {
          const d = ED_DISPOSITIONS.indexOf(name);
          shares.push(
            shareCheck(
              `${subservice} CTAS ${level + 1} ${name}`,
              c.observed[d]!,
              c.expected[d]!,
              c.variance[d]!,
              c.n,
              sig,
              c.flat[d]! - c.expected[d]!,
            ),
          );
        }
      });
    });
    const deceased = ED_DISPOSITIONS.indexOf('Deceased');
    const ucc = ED_SUBSERVICES.indexOf('Urgent Care Centre');
    const plain: CheckResult[] = [
      makeCheck(
        'deaths at Urgent Care Centres',
        cells[ucc]!.reduce((sum, c) => sum + c.observed[deceased]!, 0),
        0,
        0,
        'at-most',
      ),
    ];
    // Of the deaths, the share at CTAS 1-2, given how many there are.
    const sum = (pick: (c: ReturnType<typeof cell>) => number, levels: number[]) =>
      cells.reduce((total, bySubservice) => {
        return total + levels.reduce((t, level) => t + pick(bySubservice[level]!), 0);
      }, 0);
    const all = [0, 1, 2, 3, 4];
    const deaths = sum((c) => c.observed[deceased]!, all);
    const q =
      sum((c) => c.expected[deceased]!, [0, 1]) / (sum((c) => c.expected[deceased]!, all) || 1);
    const qFlat = sum((c) => c.flat[deceased]!, [0, 1]) / (sum((c) => c.flat[deceased]!, all) || 1);
    if (deaths > 0) {
      shares.push(
        shareCheck(
          'CTAS 1-2 share of ED deaths',
          sum((c) => c.observed[deceased]!, [0, 1]),
          deaths * q,
          deaths * q * (1 - q),
          deaths,
          sig,
          deaths * (qFlat - q),
        ),
      );
    }
    return sharesOutcome(shares, { z: sig.z, what: 'disposition shares by CTAS level', plain });
  },
};
