import { medianWithCi } from '@lm-synth/stats';
import type { CheckResult } from '../report/validation-report.js';
import { checksOutcome } from './checks-outcome.js';
import type { Gate } from './gate.js';
import { makeCheck } from './make-check.js';

/**
 * The median LOS of each program/subprogram lies in its configured band (blueprint §7),
 * allowing for sampling error: a cell passes when the distribution-free confidence
 * interval of its median (order statistics, at the cell's Bonferroni level) meets the
 * band. Reported as expected = band centre, tolerance = half the band plus the
 * interval's reach towards it.
 */
export const gateLosMedians: Gate = {
  id: 'los-medians',
  category: 'fidelity',
  title: 'LOS medians by program/subprogram inside their bands',
  tables: ['ip_stays'],
  statistical: true,
  async run({ sql, scenario, significance }) {
    const rows = await sql.rows(`SELECT program_id, subprogram_id,
        list(CAST(los_days AS DOUBLE) ORDER BY los_days) AS los
      FROM ip_stays WHERE los_days IS NOT NULL GROUP BY ALL ORDER BY ALL`);
    const cells = rows.flatMap((row) => {
      const program = scenario.programs[Number(row.program_id) - 1];
      const subprogram = program?.subprograms[Number(row.subprogram_id) - 1];
      const los =
        scenario.inpatient.los[Number(row.program_id) - 1]?.[Number(row.subprogram_id) - 1];
      if (!program || !subprogram || !los) return [];
      return [
        { key: `${program.name} / ${subprogram.name}`, band: los.medianBand, values: row.los },
      ];
    });
    const { tail, z } = significance(cells.length);
    const checks: CheckResult[] = cells.map(({ key, band, values }) => {
      const sample = Float64Array.from(values as unknown as number[]);
      const { median, lower, upper } = medianWithCi(sample, 1 - 2 * tail);
      const [low, high] = band;
      const centre = (low + high) / 2;
      const reach = median >= centre ? median - lower : upper - median;
      return makeCheck(key, median, centre, (high - low) / 2 + reach);
    });
    return checksOutcome(checks, { z, what: 'program/subprogram LOS medians' });
  },
};
