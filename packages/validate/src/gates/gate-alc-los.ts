import type { Gate } from './gate.js';
import { violationsOutcome } from './violations-outcome.js';

/** A stay flagged ALC lasts at least the scenario's ALC threshold. */
export const gateAlcLos: Gate = {
  id: 'alc-los',
  category: 'integrity',
  title: 'ALC stays last at least the ALC threshold',
  tables: ['ip_stays'],
  statistical: false,
  async run({ sql, scenario }) {
    const threshold = scenario.inpatient.alcLosThresholdDays;
    const violating = `FROM ip_stays WHERE alc_flag AND los_days < ${threshold}`;
    const violations = await sql.scalar(`SELECT count(*) ${violating}`);
    const examples =
      violations === 0
        ? []
        : (
            await sql.rows(
              `SELECT stay_id, CAST(los_days AS DOUBLE) AS los ${violating} ORDER BY stay_id LIMIT 3`,
            )
          ).map((row) => `stay ${row.stay_id}: ALC with ${row.los} days`);
    return violationsOutcome(violations, {
      what: `ALC stays shorter than ${threshold} days`,
      examples,
    });
  },
};
