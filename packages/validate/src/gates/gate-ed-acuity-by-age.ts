import { AGE_GROUPS, acuityByAge, ED_SUBSERVICES, OLDEST_AGE } from '@lm-synth/config/core';
import { ageSql } from '../dataset/age-sql.js';
import { localDateSql } from '../dataset/local-date-sql.js';
import type { Gate } from './gate.js';
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
/** Ages are pooled in five-year spans: fine enough to see a step at a band boundary. */
const SPAN = 5;

/**
 * ED acuity changes smoothly with age (issue 15): in each subservice and five-year span of
 * age at arrival (whole years, local day), each CTAS level's share matches acuityByAge over
 * the visits' own single years (a sum of per-visit probabilities; binomial variance). The
 * defect each check exists for is acuity by age band (the band's table at every age, one
 * step at each boundary); the gate is inconclusive when no check could see it.
 */
export const gateEdAcuityByAge: Gate = {
  id: 'ed-acuity-by-age',
  category: 'fidelity',
  title: 'ED acuity follows single years of age',
  tables: ['patients', 'ed_encounters'],
  statistical: true,
  async run({ sql, scenario, run, rowCounts, significance }) {
    const rows = await sql.rows(`SELECT ${ageSql('dob', 'arrival_day', true)} AS age,
        ed_subservice AS subservice, acuity, count(*) AS n
      FROM (SELECT p.dob, e.ed_subservice, e.acuity,
              ${localDateSql('e.arrival_ts', run, 'date')} AS arrival_day
            FROM ed_encounters e JOIN patients p ON p.patient_id = e.patient_id
            WHERE ${rowCounts.has('ip_stays') ? `NOT ${AFTER_DISCHARGE}` : 'TRUE'})
      GROUP BY ALL`);
    const table = acuityByAge(scenario);
    const spans = Math.floor(OLDEST_AGE / SPAN) + 1;
    const cell = () => ({
      n: 0,
      observed: [0, 0, 0, 0, 0],
      expected: [0, 0, 0, 0, 0],
      variance: [0, 0, 0, 0, 0],
      step: [0, 0, 0, 0, 0],
    });
    const cells = ED_SUBSERVICES.map(() => Array.from({ length: spans }, cell));
    // Visits per (subservice, age), then each is spread over the five levels' expectations.
    const byAge = new Map<string, number>();
    for (const row of rows) {
      const s = ED_SUBSERVICES.indexOf(row.subservice as never);
      const level = Number(row.acuity) - 1;
      if (s < 0 || level < 0 || level > 4) continue;
      const age = Math.min(Math.max(Number(row.age), 0), OLDEST_AGE);
      const n = Number(row.n);
      const target = cells[s]![Math.floor(age / SPAN)]!;
      target.observed[level]! += n;
      byAge.set(`${s}|${age}`, (byAge.get(`${s}|${age}`) ?? 0) + n);
    }
    for (const [key, n] of byAge) {
      const [s, age] = key.split('|').map(Number) as [number, number];
      let group = 0;
      while (group + 1 < MIN_AGES.length && age >= MIN_AGES[group + 1]!) group++;
      const target = cells[s]![Math.floor(age / SPAN)]!;
      target.n += n;
      for (let level = 0; level < 5; level++) {
        const p = table[age]![s]![level]!;
        target.expected[level]! += n * p;
        target.variance[level]! += n * p * (1 - p);
        target.step[level]! += n * scenario.ed.acuity[group]![s]![level]!;
      }
    }
    const used = cells.flat().filter((c) => c.n > 0).length;
    const sig = significance(used * 5);
    const shares: ShareCheck[] = [];
    ED_SUBSERVICES.forEach((subservice, s) => {
      cells[s]!.forEach((c, span) => {
        if (c.n === 0) return;
        const ages = `${span * SPAN}-${Math.min(span * SPAN + SPAN - 1, OLDEST_AGE)}`;
        for (let level = 0; level < 5; level++) {
          shares.push(
            shareCheck(
              `${subservice} ages ${ages} CTAS ${level + 1}`,
              c.observed[level]!,
              c.expected[level]!,
              c.variance[level]!,
              c.n,
              sig,
              c.step[level]! - c.expected[level]!,
            ),
          );
        }
      });
    });
    return sharesOutcome(shares, { z: sig.z, what: 'CTAS shares by age' });
  },
};
