import { OLDEST_AGE } from '@lm-synth/config/core';
import { medianWithCi, standardNormalCdf } from '@lm-synth/stats';
import { ageSql } from '../dataset/age-sql.js';
import { localDateSql } from '../dataset/local-date-sql.js';
import { localNewYear } from '../dataset/local-new-year.js';
import type { CheckResult } from '../report/validation-report.js';
import { checksOutcome } from './checks-outcome.js';
import type { Gate } from './gate.js';
import { makeCheck } from './make-check.js';

/** The shortest LOS the generator draws, in days. */
const MIN_LOS_DAYS = 0.25;

/**
 * The median acute LOS (los_days - alc_days) of each inpatient subprogram matches the
 * scenario (blueprint §7, issue 15): acute days are lognormal(mu + ln(factor) x (age -
 * los_reference_age) / 10, sigma) truncated below at 0.25 day, at the whole age on the
 * admission day, so the expected median is that of the mixture over the cell's own stays'
 * ages (bisection on the mean of their CDFs). Tolerance: the configured median band's
 * relative half-width around it (which also absorbs the discharge-day wait that moves the
 * end of a stay by hours to a weekend), plus the reach of the distribution-free confidence
 * interval of the observed median (order statistics, at the cell's Bonferroni level)
 * towards it. Cells with too few stays for such an interval are listed as untested. Day
 * cases end the day they start (care-settings checks them) and ambulatory subprograms have
 * no stays. Stays admitted before the start year's first local midnight (the warm-up
 * year's, written because they were still in a bed at the start) are left out: being
 * chosen for lasting past a date, they are longer than the configured LOS by selection.
 */
export const gateLosMedians: Gate = {
  id: 'los-medians',
  category: 'fidelity',
  title: 'Acute LOS medians by subprogram follow the age-adjusted configuration',
  tables: ['ip_stays', 'patients'],
  statistical: true,
  async run({ sql, scenario, run, significance }) {
    const start = localNewYear(run.timeZone, run.startYear);
    const { program_id, subprogram_id, los, age } =
      await sql.columns(`SELECT program_id, subprogram_id,
        CAST(los_days - alc_days AS DOUBLE) AS los, ${ageSql('dob', 'admit_day', true)} AS age
      FROM (SELECT s.*, p.dob, ${localDateSql('s.admit_ts', run, 'date')} AS admit_day
            FROM ip_stays s JOIN patients p ON p.patient_id = s.patient_id
            WHERE s.los_days IS NOT NULL AND epoch(s.admit_ts) >= ${start})`);
    const samples = new Map<string, { values: number[]; ages: number[] }>();
    program_id!.forEach((program, i) => {
      const key = `${program}|${subprogram_id![i]}`;
      let sample = samples.get(key);
      if (!sample) samples.set(key, (sample = { values: [], ages: [] }));
      sample.values.push(Number(los![i]));
      sample.ages.push(Math.min(Math.max(Number(age![i]), 0), OLDEST_AGE));
    });
    const ip = scenario.inpatient;
    const cells = [...samples]
      .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
      .flatMap(([key, { values, ages }]) => {
        const [p, sp] = key.split('|').map(Number) as [number, number];
        const program = scenario.programs[p - 1];
        const subprogram = program?.subprograms[sp - 1];
        const los = ip.los[p - 1]?.[sp - 1];
        if (!program || !subprogram || !los || subprogram.setting !== 'inpatient') return [];
        const factor = Math.log(ip.losAgeFactorPerDecade[p - 1] ?? 1) / 10;
        const expected = mixtureMedian(
          ages,
          (a) => los.mu + factor * (a - ip.losReferenceAge),
          los.sigma,
        );
        return [
          { key: `${program.name} / ${subprogram.name}`, band: los.medianBand, values, expected },
        ];
      });
    const { tail, z } = significance(cells.length);
    const checks: CheckResult[] = [];
    const untested: string[] = [];
    for (const { key, band, values, expected } of cells) {
      const { median, lower, upper, confidence } = medianWithCi(values, 1 - 2 * tail);
      // Too few stays for an interval at this level: any median is consistent with them.
      if (confidence < 1 - 2 * tail) {
        untested.push(`${key} (${values.length} stays)`);
        continue;
      }
      const [low, high] = band;
      const relative = (high - low) / (high + low);
      const reach = median >= expected ? median - lower : upper - median;
      checks.push(makeCheck(key, median, expected, expected * relative + reach));
    }
    return checksOutcome(checks, {
      z,
      what: 'subprogram acute LOS medians',
      ...(untested.length > 0 ? { extra: { untested } } : {}),
    });
  },
};

/** The median of a mixture of lognormals truncated below at MIN_LOS_DAYS, one per age. */
function mixtureMedian(
  ages: readonly number[],
  mu: (age: number) => number,
  sigma: number,
): number {
  const counts = new Map<number, number>();
  for (const age of ages) counts.set(age, (counts.get(age) ?? 0) + 1);
  const parts = [...counts].map(([age, count]) => {
    const m = mu(age);
    const floor = standardNormalCdf((Math.log(MIN_LOS_DAYS) - m) / sigma);
    return { m, floor, count };
  });
  const cdf = (x: number) =>
    parts.reduce((sum, { m, floor, count }) => {
      const F = standardNormalCdf((Math.log(x) - m) / sigma);
      return sum + (count * Math.max(0, F - floor)) / (1 - floor);
    }, 0) / ages.length;
  let low = MIN_LOS_DAYS;
  let high = 1;
  while (cdf(high) < 0.5) high *= 2;
  for (let step = 0; step < 60; step++) {
    const middle = Math.sqrt(low * high);
    if (cdf(middle) < 0.5) low = middle;
    else high = middle;
  }
  return Math.sqrt(low * high);
}
