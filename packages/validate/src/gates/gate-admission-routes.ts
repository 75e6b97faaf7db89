import { localNewYear } from '../dataset/local-new-year.js';
import type { Gate } from './gate.js';
import { type ShareCheck, shareCheck } from './share-check.js';
import { sharesOutcome } from './shares-outcome.js';

/**
 * Each subprogram's admission routes (issue 15). The generator admits ED patients to
 * (program, subprogram) in proportion to probability x mix x the ED route share r, and
 * elective and direct patients to probability x mix x (1 - r) at their own rate, so a
 * subprogram's ED share is r k / (r k + 1 - r), where k (about 1) is how far the ED's
 * "Admitted" visits outnumber the ED route's demand; k is estimated from the data (the one
 * value at which the expected ED admissions add up to those observed). Within non-ED
 * admissions the elective share is exactly elective / (elective + direct). Binomial
 * standard errors over each subprogram's non-transfer stays admitted from the start year.
 * The defect the checks exist for is routes that ignore the service (every subprogram at
 * the overall shares); the gate is inconclusive when no check could see it.
 */
export const gateAdmissionRoutes: Gate = {
  id: 'admission-routes',
  category: 'fidelity',
  title: 'Admission routes (ED, elective, direct) by subprogram',
  tables: ['ip_stays'],
  statistical: true,
  async run({ sql, scenario, run, significance }) {
    const start = localNewYear(run.timeZone, run.startYear);
    const rows = await sql.rows(`SELECT program_id, subprogram_id,
        count(*) FILTER (WHERE admission_source = 'ED') AS ed,
        count(*) FILTER (WHERE admission_source = 'Elective') AS elective,
        count(*) FILTER (WHERE admission_source = 'Direct') AS direct
      FROM ip_stays WHERE admission_source <> 'Transfer' AND epoch(admit_ts) >= ${start}
      GROUP BY ALL ORDER BY program_id, subprogram_id`);
    const cells = rows.flatMap((row) => {
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
          r: total > 0 ? r / total : 0,
          electiveShare: e + d > 0 ? e / (e + d) : 0,
          ed: Number(row.ed),
          elective: Number(row.elective),
          direct: Number(row.direct),
        },
      ];
    });
    const total = (pick: (c: (typeof cells)[number]) => number) =>
      cells.reduce((sum, c) => sum + pick(c), 0);
    const stays = total((c) => c.ed + c.elective + c.direct);
    const edShare = (r: number, k: number) => (r * k) / (r * k + 1 - r || 1);
    // Expected ED admissions grow with k: bisect on a log scale.
    const observedEd = total((c) => c.ed);
    const expectedEd = (k: number) =>
      total((c) => (c.ed + c.elective + c.direct) * edShare(c.r, k));
    let low = 1e-3;
    let high = 1e3;
    for (let step = 0; step < 100; step++) {
      const k = Math.sqrt(low * high);
      if (expectedEd(k) < observedEd) low = k;
      else high = k;
    }
    const k = Math.sqrt(low * high);
    const overallEd = stays > 0 ? observedEd / stays : 0;
    const nonEd = total((c) => c.elective + c.direct);
    const overallElective = nonEd > 0 ? total((c) => c.elective) / nonEd : 0;
    const level = significance(2 * cells.length);
    const shares: ShareCheck[] = [];
    for (const c of cells) {
      const n = c.ed + c.elective + c.direct;
      const p = edShare(c.r, k);
      shares.push(
        shareCheck(`${c.key} via ED`, c.ed, n * p, n * p * (1 - p), n, level, n * (overallEd - p)),
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
      extra: { k: Math.round(k * 1000) / 1000 },
    });
  },
};
