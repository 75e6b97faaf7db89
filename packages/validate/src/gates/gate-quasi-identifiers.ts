import type { Gate } from './gate.js';
import { violationsOutcome } from './violations-outcome.js';

/**
 * Blueprint §12: no two patients share (date of birth, LHA, gender). A dataset generated
 * with duplicates allowed (recorded in its manifest) gets an informational count instead;
 * the k-anonymity report then describes how identifying the records are.
 */
export const gateQuasiIdentifiers: Gate = {
  id: 'quasi-identifiers',
  category: 'integrity',
  title: 'No duplicate quasi-identifiers (DOB, LHA, gender)',
  tables: ['patients'],
  statistical: false,
  async run({ sql, run }) {
    const groups = `FROM (SELECT dob, lha_id, gender, count(*) AS n FROM patients GROUP BY ALL HAVING count(*) > 1)`;
    const duplicates = await sql.scalar(`SELECT coalesce(sum(n - 1), 0) ${groups}`);
    const examples =
      duplicates === 0
        ? []
        : (
            await sql.rows(
              `SELECT CAST(dob AS VARCHAR) AS dob, lha_id, gender, n ${groups} ORDER BY n DESC, 1, 2, 3 LIMIT 3`,
            )
          ).map((row) => `${row.n} patients born ${row.dob} in LHA ${row.lha_id}, ${row.gender}`);
    const outcome = violationsOutcome(duplicates, {
      what: 'patients repeating the (DOB, LHA, gender) of another',
      examples,
    });
    if (run.uniqueQuasiIdentifiers) return outcome;
    return {
      ...outcome,
      status: 'info',
      message: `${outcome.message}; the dataset was generated with duplicate quasi-identifiers allowed (see k-anonymity)`,
    };
  },
};
