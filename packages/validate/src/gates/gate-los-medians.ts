import { medianWithCi } from '@lm-synth/stats';
import { localNewYear } from '../dataset/local-new-year.js';
import type { CheckResult } from '../report/validation-report.js';
import { checksOutcome } from './checks-outcome.js';
import type { Gate } from './gate.js';
import { makeCheck } from './make-check.js';

/**
 * The median LOS of each program/subprogram lies in its configured band (blueprint §7),
 * allowing for sampling error: a cell passes when the distribution-free confidence
 * interval of its median (order statistics, at the cell's Bonferroni level) meets the
 * band. Reported as expected = band centre, tolerance = half the band plus the
 * interval's reach towards it. Cells with too few stays for such an interval are listed
 * as untested. Stays admitted before the start year's first local midnight (the warm-up
 * year's, written because they were still in a bed at the start) are left out: being
 * chosen for lasting past a date, they are longer than the configured LOS by selection.
 */
export const gateLosMedians: Gate = {
  id: 'los-medians',
  category: 'fidelity',
  title: 'LOS medians by program/subprogram inside their bands',
  tables: ['ip_stays'],
  statistical: true,
  async run({ sql, scenario, run, significance }) {
    const start = localNewYear(run.timeZone, run.startYear);
    const { program_id, subprogram_id, los } = await sql.columns(`SELECT program_id, subprogram_id,
        CAST(los_days AS DOUBLE) AS los FROM ip_stays
      WHERE los_days IS NOT NULL AND epoch(admit_ts) >= ${start}`);
    const samples = new Map<string, number[]>();
    program_id!.forEach((program, i) => {
      const key = `${program}|${subprogram_id![i]}`;
      let sample = samples.get(key);
      if (!sample) samples.set(key, (sample = []));
      sample.push(Number(los![i]));
    });
    const cells = [...samples]
      .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
      .flatMap(([key, values]) => {
        const [p, sp] = key.split('|').map(Number) as [number, number];
        const program = scenario.programs[p - 1];
        const subprogram = program?.subprograms[sp - 1];
        const los = scenario.inpatient.los[p - 1]?.[sp - 1];
        if (!program || !subprogram || !los) return [];
        return [{ key: `${program.name} / ${subprogram.name}`, band: los.medianBand, values }];
      });
    const { tail, z } = significance(cells.length);
    const checks: CheckResult[] = [];
    const untested: string[] = [];
    for (const { key, band, values } of cells) {
      const { median, lower, upper, confidence } = medianWithCi(values, 1 - 2 * tail);
      // Too few stays for an interval at this level: any median is consistent with them.
      if (confidence < 1 - 2 * tail) {
        untested.push(`${key} (${values.length} stays)`);
        continue;
      }
      const [low, high] = band;
      const centre = (low + high) / 2;
      const reach = median >= centre ? median - lower : upper - median;
      checks.push(makeCheck(key, median, centre, (high - low) / 2 + reach));
    }
    return checksOutcome(checks, {
      z,
      what: 'program/subprogram LOS medians',
      ...(untested.length > 0 ? { extra: { untested } } : {}),
    });
  },
};
