import type { Gate } from './gate.js';
import { violationsOutcome } from './violations-outcome.js';

/** Every stay's subprogram is one of its program's subprograms in the scenario. */
export const gateSubprogramInProgram: Gate = {
  id: 'subprogram-in-program',
  category: 'integrity',
  title: 'Subprogram belongs to the program',
  tables: ['ip_stays'],
  statistical: false,
  async run({ sql, scenario }) {
    const pairs = scenario.programs.flatMap((program) =>
      program.subprograms.map((sub) => `(${program.id}, ${sub.id})`),
    );
    const violating = `FROM ip_stays s ANTI JOIN (VALUES ${pairs.join(', ')}) v(program_id, subprogram_id)
      ON s.program_id = v.program_id AND s.subprogram_id = v.subprogram_id`;
    const violations = await sql.scalar(`SELECT count(*) ${violating}`);
    const examples =
      violations === 0
        ? []
        : (
            await sql.rows(
              `SELECT stay_id, program_id, subprogram_id ${violating} ORDER BY stay_id LIMIT 3`,
            )
          ).map(
            (row) =>
              `stay ${row.stay_id}: subprogram ${row.subprogram_id} of program ${row.program_id}`,
          );
    return violationsOutcome(violations, {
      what: 'stays whose subprogram is not in their program',
      examples,
    });
  },
};
