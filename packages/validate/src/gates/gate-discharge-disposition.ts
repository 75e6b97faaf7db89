import { AGE_GROUPS, OLDEST_AGE } from '@lm-synth/config/core';
import { ageSql } from '../dataset/age-sql.js';
import { localDateSql } from '../dataset/local-date-sql.js';
import { localNewYear } from '../dataset/local-new-year.js';
import type { CheckResult } from '../report/validation-report.js';
import type { Gate } from './gate.js';
import { makeCheck } from './make-check.js';
import { type ShareCheck, shareCheck } from './share-check.js';
import { sharesOutcome } from './shares-outcome.js';

const MIN_AGES = AGE_GROUPS.map((label) => Number(/^\d+/.exec(label)![0]));
const groupOf = (age: number) => {
  let group = 0;
  while (group + 1 < MIN_AGES.length && age >= MIN_AGES[group + 1]!) group++;
  return group;
};
/** Where in-hospital deaths concentrate (issue 15): these programs' keys, and Medicine from 65. */
const DEATH_PROGRAMS = ['palliative', 'critical_care'];
const ELDERLY_MEDICINE = { key: 'medicine', fromAge: 65 };

/**
 * How stays end (issue 15), for stays admitted from the start year and discharged in the
 * horizon. "Other facility" exactly when a transfer stay continues the stay (zero tolerance;
 * stays discharged within transfer_gap max of the horizon's end may have their transfer
 * unwritten and are left out of that rule). Of the others: Died by program with expected
 * sum of discharge.died[age group at admission][program] over the program's stays, and
 * the share of all deaths in palliative care, critical care and Medicine from 65; Left
 * against advice among non-ALC live discharges at left_against_advice; of the remaining
 * non-ALC ones, Home with support and Long-term care by the age group's shares; of ALC
 * stays' live discharges other than against advice, Home / Home with support / Long-term
 * care by after_alc. Binomial standard errors (exact quantiles for small counts). The
 * defect each check exists for is the outcome not being modelled (nobody dies, all go home;
 * deaths spread evenly over programs); inconclusive when no check could see it.
 */
export const gateDischargeDisposition: Gate = {
  id: 'discharge-disposition',
  category: 'fidelity',
  title: 'Discharge dispositions: deaths by program and age, support and long-term care',
  tables: ['ip_stays', 'patients'],
  statistical: true,
  async run({ sql, scenario, run, significance }) {
    const start = localNewYear(run.timeZone, run.startYear);
    const end = localNewYear(run.timeZone, run.startYear + run.horizonYears);
    const gapSeconds = scenario.inpatient.transferGapHours.max * 3600;
    const followed = `EXISTS (SELECT 1 FROM ip_stays t WHERE t.transfer_from_stay_id = s.stay_id)`;
    const [links] = await sql.rows(`SELECT count(*) AS n FROM ip_stays s
      WHERE s.discharge_ts IS NOT NULL AND epoch(s.discharge_ts) < ${end - gapSeconds}
        AND ((s.discharge_disposition = 'Other facility') <> ${followed})`);
    const rows = await sql.rows(`SELECT program_id, ${ageSql('dob', 'admit_day', true)} AS age,
        alc_flag AS alc, discharge_disposition AS disposition, count(*) AS n
      FROM (SELECT s.*, p.dob, ${localDateSql('s.admit_ts', run, 'date')} AS admit_day
            FROM ip_stays s JOIN patients p ON p.patient_id = s.patient_id
            WHERE epoch(s.admit_ts) >= ${start} AND s.discharge_ts IS NOT NULL
              AND epoch(s.discharge_ts) < ${end})
      GROUP BY ALL`);
    const discharge = scenario.inpatient.discharge;
    const P = scenario.programs.length;
    const died = Array.from({ length: P }, () => ({ n: 0, observed: 0, expected: 0, variance: 0 }));
    const concentrated = { observed: 0, expected: 0, stays: 0 };
    let deaths = 0;
    let expectedDeaths = 0;
    let living = 0;
    const lama = { n: 0, observed: 0 };
    const support = { n: 0, hws: 0, ltc: 0, eHws: 0, vHws: 0, eLtc: 0, vLtc: 0 };
    const afterAlc = { n: 0, home: 0, hws: 0, ltc: 0 };
    const isConcentrated = (program: number, age: number) => {
      const key = scenario.programs[program]!.key;
      return (
        DEATH_PROGRAMS.includes(key) ||
        (key === ELDERLY_MEDICINE.key && age >= ELDERLY_MEDICINE.fromAge)
      );
    };
    for (const row of rows) {
      const program = Number(row.program_id) - 1;
      if (program < 0 || program >= P) continue;
      const age = Math.min(Math.max(Number(row.age), 0), OLDEST_AGE);
      const group = groupOf(age);
      const n = Number(row.n);
      const disposition = String(row.disposition);
      if (disposition === 'Other facility') continue;
      const p = discharge.died[group]![program]!;
      const cell = died[program]!;
      cell.n += n;
      cell.expected += n * p;
      cell.variance += n * p * (1 - p);
      expectedDeaths += n * p;
      if (isConcentrated(program, age)) {
        concentrated.expected += n * p;
        concentrated.stays += n;
      }
      if (disposition === 'Died') {
        cell.observed += n;
        deaths += n;
        if (isConcentrated(program, age)) concentrated.observed += n;
        continue;
      }
      living += n;
      if (row.alc === true) {
        if (disposition === 'Left against advice') continue;
        afterAlc.n += n;
        if (disposition === 'Home') afterAlc.home += n;
        if (disposition === 'Home with support') afterAlc.hws += n;
        if (disposition === 'Long-term care') afterAlc.ltc += n;
        continue;
      }
      lama.n += n;
      if (disposition === 'Left against advice') {
        lama.observed += n;
        continue;
      }
      const hws = discharge.homeWithSupport[group]!;
      const ltc = discharge.longTermCare[group]!;
      support.n += n;
      support.eHws += n * hws;
      support.vHws += n * hws * (1 - hws);
      support.eLtc += n * ltc;
      support.vLtc += n * ltc * (1 - ltc);
      if (disposition === 'Home with support') support.hws += n;
      if (disposition === 'Long-term care') support.ltc += n;
    }
    const checks = P + 1 + 1 + 2 + 3;
    const level = significance(checks);
    const stays = died.reduce((sum, c) => sum + c.n, 0);
    const overall = stays > 0 ? expectedDeaths / stays : 0;
    const shares: ShareCheck[] = [];
    died.forEach((c, program) => {
      if (c.n === 0) return;
      shares.push(
        shareCheck(
          `${scenario.programs[program]!.name} died`,
          c.observed,
          c.expected,
          c.variance,
          c.n,
          level,
          -c.expected,
        ),
      );
    });
    if (deaths > 0) {
      const q = expectedDeaths > 0 ? concentrated.expected / expectedDeaths : 0;
      const even = stays > 0 ? concentrated.stays / stays : 0;
      shares.push(
        shareCheck(
          'share of deaths in palliative, critical care and Medicine 65+',
          concentrated.observed,
          deaths * q,
          deaths * q * (1 - q),
          deaths,
          level,
          deaths * (even - q),
        ),
      );
    }
    const l = discharge.leftAgainstAdvice;
    shares.push(
      shareCheck(
        'left against advice',
        lama.observed,
        lama.n * l,
        lama.n * l * (1 - l),
        lama.n,
        level,
        -lama.n * l,
      ),
    );
    shares.push(
      shareCheck(
        'home with support (non-ALC)',
        support.hws,
        support.eHws,
        support.vHws,
        support.n,
        level,
        -support.eHws,
      ),
      shareCheck(
        'long-term care (non-ALC)',
        support.ltc,
        support.eLtc,
        support.vLtc,
        support.n,
        level,
        -support.eLtc,
      ),
    );
    const [home, hws, ltc] = discharge.afterAlc as [number, number, number];
    const m = afterAlc.n;
    shares.push(
      shareCheck(
        'home after ALC',
        afterAlc.home,
        m * home,
        m * home * (1 - home),
        m,
        level,
        m * (1 - home),
      ),
      shareCheck(
        'home with support after ALC',
        afterAlc.hws,
        m * hws,
        m * hws * (1 - hws),
        m,
        level,
        -m * hws,
      ),
      shareCheck(
        'long-term care after ALC',
        afterAlc.ltc,
        m * ltc,
        m * ltc * (1 - ltc),
        m,
        level,
        -m * ltc,
      ),
    );
    const plain: CheckResult[] = [
      makeCheck(
        '"Other facility" not matching a transfer stay',
        Number(links?.n ?? 0),
        0,
        0,
        'at-most',
      ),
    ];
    return sharesOutcome(shares, {
      z: level.z,
      what: 'discharge disposition shares',
      plain,
      extra: { deaths, living, overallDeathRate: Math.round(overall * 10000) / 10000 },
    });
  },
};
