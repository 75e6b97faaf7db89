import { AGE_GROUPS } from '@lm-synth/config/core';
import { ageSql } from '../dataset/age-sql.js';
import { localDateSql } from '../dataset/local-date-sql.js';
import { localNewYear } from '../dataset/local-new-year.js';
import type { Gate } from './gate.js';
import { type ShareCheck, shareCheck } from './share-check.js';
import { sharesOutcome } from './shares-outcome.js';

/**
 * Each subprogram's admission routes (issue 15). The generator admits ED patients to
 * (program, subprogram) in proportion to probability x mix x the ED route share r, and
 * elective and direct patients to probability x mix x (1 - r) at their own rate, so a
 * subprogram's ED share is r k / (r k + 1 - r), where k (about 1) is how far the ED's
 * "Admitted" visits outnumber the ED route's demand; k is estimated from the data for each
 * facility and age group at admission (supply and demand differ by age, and an ED admits
 * only to the subprograms its site offers: the value at which the cell's expected ED
 * admissions add up to those observed). Within non-ED
 * admissions the elective share is exactly elective / (elective + direct). Binomial
 * standard errors over each subprogram's non-transfer stays admitted from the start year,
 * except those within 30 days after a discharge of the same patient: urgent readmissions
 * (via ED or direct, into the index stay's service) follow their own route, and leaving
 * out every admission in that window keeps the others' routes unbiased.
 * The defect the checks exist for is routes that ignore the service (every subprogram at
 * the overall shares); the gate is inconclusive when no check could see it.
 */
const MIN_AGES = AGE_GROUPS.map((label) => Number(/^\d+/.exec(label)![0]));
/** SQL: the AGE_GROUPS index of a whole age. */
const groupSql = (age: string) =>
  `(${MIN_AGES.slice(1)
    .map((min) => `CASE WHEN ${age} >= ${min} THEN 1 ELSE 0 END`)
    .join(' + ')})`;

export const gateAdmissionRoutes: Gate = {
  id: 'admission-routes',
  category: 'fidelity',
  title: 'Admission routes (ED, elective, direct) by subprogram',
  tables: ['ip_stays', 'patients'],
  statistical: true,
  async run({ sql, scenario, run, significance }) {
    const start = localNewYear(run.timeZone, run.startYear);
    const rows = await sql.rows(`SELECT program_id, subprogram_id, age_group, facility_id,
        count(*) FILTER (WHERE admission_source = 'ED') AS ed,
        count(*) FILTER (WHERE admission_source = 'Elective') AS elective,
        count(*) FILTER (WHERE admission_source = 'Direct') AS direct
      FROM (SELECT s.*, ${groupSql(`${ageSql('dob', 'admit_day', true)}`)} AS age_group
            FROM (SELECT s.*, p.dob, ${localDateSql('s.admit_ts', run, 'date')} AS admit_day
                  FROM ip_stays s JOIN patients p ON p.patient_id = s.patient_id) s
            WHERE admission_source <> 'Transfer' AND epoch(admit_ts) >= ${start}
              AND NOT EXISTS (SELECT 1 FROM ip_stays x WHERE x.patient_id = s.patient_id
                AND x.discharge_ts <= s.admit_ts AND x.discharge_ts >= s.admit_ts - INTERVAL 30 DAY))
      GROUP BY ALL ORDER BY program_id, subprogram_id`);
    const parts = rows.flatMap((row) => {
      const program = scenario.programs[Number(row.program_id) - 1];
      const sub = program?.subprograms[Number(row.subprogram_id) - 1];
      const routes =
        scenario.inpatient.admissionRoutes[Number(row.program_id) - 1]?.[
          Number(row.subprogram_id) - 1
        ];
      if (!program || !sub || !routes) return [];
      const [r, e, d] = routes as [number, number, number];
      const total = r + e + d;
      return [
        {
          key: `${program.name} / ${sub.name}`,
          group: `${row.facility_id}|${AGE_GROUPS[Number(row.age_group)]}`,
          r: total > 0 ? r / total : 0,
          electiveShare: e + d > 0 ? e / (e + d) : 0,
          ed: Number(row.ed),
          elective: Number(row.elective),
          direct: Number(row.direct),
        },
      ];
    });
    const edShare = (r: number, k: number) => (r * k) / (r * k + 1 - r || 1);
    // k per age group: ED supply and route demand differ by age. Expected ED admissions grow
    // with k: bisect on a log scale until they add up to the group's observed ones.
    const ks = new Map<string, number>();
    for (const group of new Set(parts.map((part) => part.group))) {
      const mine = parts.filter((part) => part.group === group);
      const observedEd = mine.reduce((sum, c) => sum + c.ed, 0);
      const expectedEd = (k: number) =>
        mine.reduce((sum, c) => sum + (c.ed + c.elective + c.direct) * edShare(c.r, k), 0);
      let low = 1e-3;
      let high = 1e3;
      for (let step = 0; step < 100; step++) {
        const k = Math.sqrt(low * high);
        if (expectedEd(k) < observedEd) low = k;
        else high = k;
      }
      ks.set(group, Math.sqrt(low * high));
    }
    const byKey = new Map<
      string,
      {
        key: string;
        r: number;
        electiveShare: number;
        ed: number;
        elective: number;
        direct: number;
        expected: number;
        variance: number;
      }
    >();
    for (const part of parts) {
      let cell = byKey.get(part.key);
      if (!cell) {
        cell = {
          key: part.key,
          r: part.r,
          electiveShare: part.electiveShare,
          ed: 0,
          elective: 0,
          direct: 0,
          expected: 0,
          variance: 0,
        };
        byKey.set(part.key, cell);
      }
      const n = part.ed + part.elective + part.direct;
      const p = edShare(part.r, ks.get(part.group)!);
      cell.ed += part.ed;
      cell.elective += part.elective;
      cell.direct += part.direct;
      cell.expected += n * p;
      cell.variance += n * p * (1 - p);
    }
    const cells = [...byKey.values()];
    const total = (pick: (c: (typeof cells)[number]) => number) =>
      cells.reduce((sum, c) => sum + pick(c), 0);
    const stays = total((c) => c.ed + c.elective + c.direct);
    const observedEd = total((c) => c.ed);
    const overallEd = stays > 0 ? observedEd / stays : 0;
    const nonEd = total((c) => c.elective + c.direct);
    const overallElective = nonEd > 0 ? total((c) => c.elective) / nonEd : 0;
    const level = significance(2 * cells.length);
    const shares: ShareCheck[] = [];
    for (const c of cells) {
      const n = c.ed + c.elective + c.direct;
      shares.push(
        shareCheck(
          `${c.key} via ED`,
          c.ed,
          c.expected,
          c.variance,
          n,
          level,
          n * overallEd - c.expected,
        ),
      );
      const m = c.elective + c.direct;
      if (m === 0) continue;
      const q = c.electiveShare;
      shares.push(
        shareCheck(
          `${c.key} elective of non-ED`,
          c.elective,
          m * q,
          m * q * (1 - q),
          m,
          level,
          m * (overallElective - q),
        ),
      );
    }
    return sharesOutcome(shares, {
      z: level.z,
      what: 'route shares by subprogram',
      extra: {
        k: Object.fromEntries(
          [...ks].map(([key, k]) => [
            `facility ${key.replace('|', ' / age group ')}`,
            Math.round(k * 1000) / 1000,
          ]),
        ),
      },
    });
  },
};
