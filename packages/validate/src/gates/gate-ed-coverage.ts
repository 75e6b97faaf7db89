import { ED_SUBSERVICES } from '@lm-synth/config/core';
import { quoteLiteral } from '@lm-synth/export-arrow';
import type { Gate } from './gate.js';
import { violationsOutcome } from './violations-outcome.js';

/** Every ED encounter is at a facility that offers its subservice (coverage matrix). */
export const gateEdCoverage: Gate = {
  id: 'ed-coverage',
  category: 'integrity',
  title: 'ED subservice offered at the facility',
  tables: ['ed_encounters'],
  statistical: false,
  async run({ sql, scenario }) {
    const offered = scenario.coverage.ed.flatMap((subservices, site) =>
      subservices.flatMap((isOffered, s) =>
        isOffered ? [`(${site + 1}, ${quoteLiteral(ED_SUBSERVICES[s]!)})`] : [],
      ),
    );
    const values =
      offered.length > 0
        ? `(VALUES ${offered.join(', ')})`
        : '(SELECT NULL::INTEGER, NULL::VARCHAR WHERE false)';
    const violating = `FROM ed_encounters e ANTI JOIN ${values} v(site_id, ed_subservice)
      ON e.facility_id = v.site_id AND e.ed_subservice = v.ed_subservice`;
    const violations = await sql.scalar(`SELECT count(*) ${violating}`);
    const siteCode = (id: unknown) => scenario.sites[Number(id) - 1]?.code ?? `site ${id}`;
    const examples =
      violations === 0
        ? []
        : (
            await sql.rows(
              `SELECT facility_id, ed_subservice, count(*) AS n ${violating} GROUP BY ALL ORDER BY n DESC, 1, 2 LIMIT 3`,
            )
          ).map(
            (row) =>
              `${siteCode(row.facility_id)} does not offer ${row.ed_subservice} (${row.n} encounters)`,
          );
    return violationsOutcome(violations, {
      what: 'ED encounters at a facility that does not offer their subservice',
      examples,
    });
  },
};
