import { edProjectionSql, edRoutedProjectionSql, rateViewSql } from '@lm-synth/dims';
/** A view answering one of the seed's sample queries, created when its tables are present. */
export interface SampleView {
  readonly name: string;
  readonly requires: readonly string[];
  readonly sql: string;
}

/**
 * The seed's sample queries as views: facility summary, ED volume projection
 * by year (blueprint §10 for every projection year, and routed to the
 * facilities that see the visits) and patient demographics; and the weighted
 * rates per 1,000 by year x LHA x age group x gender. Projected volumes are
 * summed exactly in DECIMAL, then rounded to 2 places. Rate views count an
 * event in its UTC calendar year, as MySQL's YEAR() of the stored DATETIME does.
 * v_ed_arrivals_local shows each ED arrival in the scenario's local time.
 */
export const SAMPLE_VIEWS: readonly SampleView[] = [
  {
    name: 'v_facility_summary',
    requires: ['dim_site', 'patients'],
    sql: `SELECT s.site_code, s.site_name, COUNT(p.patient_id) AS patient_count
FROM dim_site s
LEFT JOIN patients p ON s.site_id = p.facility_home_id
GROUP BY s.site_id, s.site_code, s.site_name
ORDER BY patient_count DESC, s.site_code`,
  },
  {
    name: 'v_ed_volume_projection',
    requires: ['population_projection', 'ed_baseline_rates', 'dim_lha', 'dim_site'],
    sql: `${edProjectionSql()}
ORDER BY year, projected_volumes DESC, facility, ed_subservice`,
  },
  {
    name: 'v_ed_volume_projection_routed',
    requires: ['population_projection', 'ed_baseline_rates', 'ed_routing', 'dim_site'],
    sql: `${edRoutedProjectionSql()}
ORDER BY year, projected_volumes DESC, facility, ed_subservice`,
  },
  {
    name: 'v_ed_rates',
    requires: ['population_projection', 'patients', 'ed_encounters'],
    sql: `${rateViewSql('ed-visits', { dialect: 'duckdb' })}
ORDER BY year, lha_id, age_group, gender`,
  },
  {
    name: 'v_bed_day_rates',
    requires: ['population_projection', 'patients', 'ip_stays'],
    sql: `${rateViewSql('bed-days', { dialect: 'duckdb' })}
ORDER BY year, lha_id, age_group, gender`,
  },
  {
    name: 'v_patient_demographics',
    requires: ['patients'],
    sql: `SELECT age_group, gender, COUNT(*) AS patient_count
FROM patients
GROUP BY age_group, gender
ORDER BY age_group, gender`,
  },
  {
    // Arrival profiles are local wall-clock time while arrival_ts is a UTC instant; ICU, linked
    // into DuckDB, converts with daylight saving. The zone is read from the data, and
    // timezone(zone, instant) does not depend on the session's TimeZone setting.
    name: 'v_ed_arrivals_local',
    requires: ['ed_encounters', 'dim_scenario'],
    sql: `SELECT e.encounter_id, e.facility_id, e.ed_subservice, e.arrival_ts, z.time_zone,
  timezone(z.time_zone, e.arrival_ts) AS arrival_local,
  CAST(timezone(z.time_zone, e.arrival_ts) AS DATE) AS arrival_local_date,
  hour(timezone(z.time_zone, e.arrival_ts)) AS arrival_local_hour,
  isodow(timezone(z.time_zone, e.arrival_ts)) AS arrival_local_isodow
FROM ed_encounters e
CROSS JOIN (SELECT any_value(time_zone) AS time_zone FROM dim_scenario) z`,
  },
];
