import type { Gate } from './gate.js';
import { violationsOutcome } from './violations-outcome.js';

/** Every stay is at a facility that offers its program and subprogram (coverage matrix). */
export const gateProgramCoverage: Gate = {
  id: 'program-coverage',
  category: 'integrity',
  title: 'Program and subprogram offered at the facility',
  tables: ['ip_stays'],
  statistical: false,
  async run({ sql, scenario }) {
    const offered: string[] = [];
    for (const [site, programs] of scenario.coverage.subprograms.entries()) {
      for (const [program, subprograms] of programs.entries()) {
        for (const [sub, isOffered] of subprograms.entries()) {
          if (isOffered) offered.push(`(${site + 1}, ${program + 1}, ${sub + 1})`);
        }
      }
    }
    const values =
      offered.length > 0
        ? `(VALUES ${offered.join(', ')})`
        : '(SELECT NULL::INTEGER, NULL::INTEGER, NULL::INTEGER WHERE false)';
    const violating = `FROM ip_stays s ANTI JOIN ${values} v(site_id, program_id, subprogram_id)
      ON s.facility_id = v.site_id AND s.program_id = v.program_id AND s.subprogram_id = v.subprogram_id`;
    const violations = await sql.scalar(`SELECT count(*) ${violating}`);
    const siteCode = (id: unknown) => scenario.sites[Number(id) - 1]?.code ?? `site ${id}`;
    const examples =
      violations === 0
        ? []
        : (
            await sql.rows(
              `SELECT facility_id, program_id, subprogram_id, count(*) AS n ${violating} GROUP BY ALL ORDER BY n DESC, 1, 2 LIMIT 3`,
            )
          ).map(
            (row) =>
              `${siteCode(row.facility_id)} does not offer program ${row.program_id}.${row.subprogram_id} (${row.n} stays)`,
          );
    return violationsOutcome(violations, {
      what: 'stays at a facility that does not offer their program/subprogram',
      examples,
    });
  },
};
