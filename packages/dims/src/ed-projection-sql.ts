/**
 * The blueprint's ED volume projection (§10, §14.7), written once for DuckDB
 * and MySQL: each year's population joined with the baseline rates of its
 * segment, summed per default facility and ED subservice, exact DECIMAL sums
 * rounded to cents at the end. Columns: year, facility, ed_subservice,
 * projected_volumes. `conditions` are SQL predicates written by the caller
 * (with `?` placeholders for values, never user text), joined with AND; add
 * ORDER BY after it.
 */
export function edProjectionSql(conditions: readonly string[] = []): string {
  const where = conditions.length === 0 ? '' : `\nWHERE ${conditions.join('\n  AND ')}`;
  return `SELECT p.year AS year,
       s.site_code AS facility,
       r.ed_subservice AS ed_subservice,
       CAST(SUM(p.population * r.baserate_per_1000) / 1000 AS DECIMAL(18,2)) AS projected_volumes
FROM population_projection p
JOIN ed_baseline_rates r
  ON p.lha_id = r.lha_id
 AND p.age_group = r.age_group
 AND p.gender = r.gender
JOIN dim_lha l ON l.lha_id = p.lha_id
JOIN dim_site s ON s.site_id = l.default_site_id${where}
GROUP BY p.year, s.site_code, r.ed_subservice`;
}
