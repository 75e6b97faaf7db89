import { AGE_GROUPS, GENDERS, type Scenario } from '@lm-synth/config/core';
import type { SqlSession } from '../dataset/sql-session.js';

/**
 * Observed patients per scenario LHA x age group x gender cell, indexed like
 * `populationCells` (LHA-major, AGE_GROUPS then GENDERS order); patients outside every
 * cell are left out.
 */
export async function patientsByCell(sql: SqlSession, scenario: Scenario): Promise<Float64Array> {
  const counts = new Float64Array(scenario.lhas.length * AGE_GROUPS.length * GENDERS.length);
  const rows = await sql.rows(
    'SELECT lha_id, age_group, gender, count(*) AS n FROM patients GROUP BY ALL',
  );
  for (const row of rows) {
    const lha = Number(row.lha_id) - 1;
    const age = AGE_GROUPS.indexOf(row.age_group as (typeof AGE_GROUPS)[number]);
    const gender = GENDERS.indexOf(row.gender as (typeof GENDERS)[number]);
    if (lha < 0 || lha >= scenario.lhas.length || age < 0 || gender < 0) continue;
    counts[(lha * AGE_GROUPS.length + age) * GENDERS.length + gender] = Number(row.n);
  }
  return counts;
}
