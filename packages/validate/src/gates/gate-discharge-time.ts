import type { Gate } from './gate.js';
import { violationsOutcome } from './violations-outcome.js';

/** los_days has two decimals, so the discharge may differ from admit + LOS by half a hundredth of a day. */
const SLACK_SECONDS = 0.005 * 86_400 + 1;

/** discharge_ts = admit_ts + los_days wherever a discharge is recorded. */
export const gateDischargeTime: Gate = {
  id: 'discharge-time',
  category: 'integrity',
  title: 'Discharge time is admission time plus length of stay',
  tables: ['ip_stays'],
  statistical: false,
  async run({ sql }) {
    const violating = `FROM ip_stays WHERE discharge_ts IS NOT NULL
      AND abs(epoch(discharge_ts) - epoch(admit_ts) - CAST(los_days AS DOUBLE) * 86400) > ${SLACK_SECONDS}`;
    const violations = await sql.scalar(`SELECT count(*) ${violating}`);
    const examples =
      violations === 0
        ? []
        : (
            await sql.rows(
              `SELECT stay_id, CAST(admit_ts AS VARCHAR) AS admit, CAST(discharge_ts AS VARCHAR) AS discharge, CAST(los_days AS DOUBLE) AS los ${violating} ORDER BY stay_id LIMIT 3`,
            )
          ).map((row) => `stay ${row.stay_id}: ${row.admit} + ${row.los} d != ${row.discharge}`);
    return violationsOutcome(violations, {
      what: 'stays whose discharge_ts is not admit_ts + los_days',
      examples,
    });
  },
};
