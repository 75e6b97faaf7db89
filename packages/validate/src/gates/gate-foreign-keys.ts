import { CATALOGUE } from '@lm-synth/dims';
import { quoteIdentifier as id } from '@lm-synth/export-arrow';
import type { Gate } from './gate.js';
import { violationsOutcome } from './violations-outcome.js';

/**
 * Every foreign key of the catalogue resolves. As in SQL, a key with a NULL part is not
 * checked; a reference into a table the dataset lacks is an orphan.
 */
export const gateForeignKeys: Gate = {
  id: 'foreign-keys',
  category: 'integrity',
  title: 'Every foreign key resolves',
  tables: [],
  statistical: false,
  async run({ sql, rowCounts }) {
    let violations = 0;
    const examples: string[] = [];
    const perKey: Record<string, number> = {};
    for (const table of CATALOGUE) {
      if (!rowCounts.has(table.name)) continue;
      for (const fk of table.foreignKeys) {
        const present = fk.columns.map((c) => `c.${id(c)} IS NOT NULL`).join(' AND ');
        const parent = fk.references.table;
        const orphans = rowCounts.has(parent)
          ? `FROM ${id(table.name)} c ANTI JOIN ${id(parent)} p ON ${fk.columns
              .map((c, i) => `c.${id(c)} = p.${id(fk.references.columns[i]!)}`)
              .join(' AND ')} WHERE ${present}`
          : `FROM ${id(table.name)} c WHERE ${present}`;
        const count = await sql.scalar(`SELECT count(*) ${orphans}`);
        if (count === 0) continue;
        const label = `${table.name}.${fk.name}`;
        perKey[label] = count;
        violations += count;
        const rows = await sql.rows(
          `SELECT ${fk.columns.map((c) => `c.${id(c)}`).join(', ')} ${orphans} ORDER BY ALL LIMIT 2`,
        );
        for (const row of rows) {
          const value = fk.columns.map((c) => `${c}=${String(row[c])}`).join(', ');
          examples.push(`${table.name}.${value} not in ${parent}`);
        }
      }
    }
    return violationsOutcome(violations, {
      what: 'foreign-key values without a referenced row',
      examples,
      ...(violations > 0 ? { extra: { perKey } } : {}),
    });
  },
};
