import { CATALOGUE } from '@lm-synth/dims';
import { quoteIdentifier as id } from '@lm-synth/export-arrow';
import type { Gate } from './gate.js';
import { violationsOutcome } from './violations-outcome.js';

/** Example keys listed per broken key, at most. */
const EXAMPLES = 3;

/** Every primary and unique key of the catalogue: no NULL in a key column, no value twice. */
export const gatePrimaryKeys: Gate = {
  id: 'primary-keys',
  category: 'integrity',
  title: 'Primary and unique keys are unique and non-null',
  tables: [],
  statistical: false,
  async run({ sql, rowCounts }) {
    let violations = 0;
    const examples: string[] = [];
    const perKey: Record<string, number> = {};
    for (const table of CATALOGUE) {
      if (!rowCounts.has(table.name)) continue;
      const keys = [table.primaryKey, ...table.uniqueKeys];
      for (const key of keys) {
        const columns = key.map(id).join(', ');
        const label = `${table.name}(${key.join(', ')})`;
        const nulls = await sql.scalar(
          `SELECT count(*) FROM ${id(table.name)} WHERE ${key.map((c) => `${id(c)} IS NULL`).join(' OR ')}`,
        );
        const duplicates = await sql.rows(
          `SELECT ${columns}, count(*) AS n FROM ${id(table.name)} WHERE ${key.map((c) => `${id(c)} IS NOT NULL`).join(' AND ')} GROUP BY ALL HAVING count(*) > 1 ORDER BY n DESC, ${columns} LIMIT ${EXAMPLES}`,
        );
        const duplicated =
          duplicates.length === 0
            ? 0
            : await sql.scalar(
                `SELECT sum(n - 1) FROM (SELECT count(*) AS n FROM ${id(table.name)} WHERE ${key.map((c) => `${id(c)} IS NOT NULL`).join(' AND ')} GROUP BY ${columns} HAVING count(*) > 1)`,
              );
        if (nulls + duplicated === 0) continue;
        perKey[label] = nulls + duplicated;
        violations += nulls + duplicated;
        if (nulls > 0) examples.push(`${label}: ${nulls} NULL`);
        for (const row of duplicates) {
          const value = key.map((c) => String(row[c])).join(', ');
          examples.push(`${label} = (${value}) ${row.n} times`);
        }
      }
    }
    return violationsOutcome(violations, {
      what: 'duplicate or NULL key values',
      examples,
      ...(violations > 0 ? { extra: { perKey } } : {}),
    });
  },
};
