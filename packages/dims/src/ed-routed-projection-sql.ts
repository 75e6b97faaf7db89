/**
 * The routed ED volume projection: like edProjectionSql (blueprint §10), but each LHA's
 * visits of a subservice are spread over the facilities that see them by `ed_routing`
 * (cross-LHA homes, ED non-home visits, coverage), so every facility x subservice cell
 * gets the volume the generator sends there and none goes to a facility not offering the
 * subservice. Same columns (year, facility, ed_subservice, projected_volumes) and the
 * same aliases for `conditions` (p: population_projection, r: ed_baseline_rates,
 * s: dim_site of the facility); add ORDER BY after it.
 */
export function edRoutedProjectionSql(conditions: readonly string[] = []): string {
  const where = conditions.length === 0 ? '' : `\nWHERE ${conditions.join('\n  AND ')}`;
  return `SELECT p.year AS year,
       s.site_code AS facility,
       r.ed_subservice AS ed_subservice,
       CAST(SUM(p.population * r.baserate_per_1000 * x.share) / 1000 AS DECIMAL(18,2)) AS projected_volumes
FROM population_projection p
JOIN ed_baseline_rates r
  ON p.lha_id = r.lha_id
 AND p.age_group = r.age_group
 AND p.gender = r.gender
JOIN ed_routing x
  ON x.lha_id = r.lha_id
 AND x.ed_subservice = r.ed_subservice
JOIN dim_site s ON s.site_id = x.facility_id${where}
GROUP BY p.year, s.site_code, r.ed_subservice`;
}
