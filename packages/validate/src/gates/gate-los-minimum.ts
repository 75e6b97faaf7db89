import type { Gate } from './gate.js';
import { violationsOutcome } from './violations-outcome.js';

/** Blueprint §4: no stay is shorter than a quarter of a day. */
const MIN_LOS_DAYS = 0.25;

export const gateLosMinimum: Gate = {
  id: 'los-minimum',
  category: 'integrity',
  title: `Length of stay at least ${MIN_LOS_DAYS} days`,
  tables: ['ip_stays'],
  statistical: false,
  async run({ sql }) {
    const violating = `FROM ip_stays WHERE los_days IS NULL OR los_days < ${MIN_LOS_DAYS}`;
    const violations = await sql.scalar(`SELECT count(*) ${violating}`);
    const examples =
      violations === 0
        ? []
        : (
            await sql.rows(
              `SELECT stay_id, CAST(los_days AS DOUBLE) AS los ${violating} ORDER BY stay_id LIMIT 3`,
            )
          ).map((row) => `stay ${row.stay_id}: ${row.los ?? 'NULL'} days`);
    return violationsOutcome(violations, {
      what: `stays with los_days below ${MIN_LOS_DAYS}`,
      examples,
    });
  },
};
