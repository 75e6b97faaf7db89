import { buildDimAgeGroup } from './build-dim-age-group.js';

/** What a rate view counts: ED visits by arrival, or inpatient bed-days by admission. */
export type RateKind = 'ed-visits' | 'bed-days';

export interface RateViewOptions {
  readonly dialect: 'duckdb' | 'mysql';
  /**
   * IANA zone whose calendar year an event belongs to (DuckDB only; default UTC). MySQL
   * takes YEAR() of the stored DATETIME, which needs no time-zone tables on the server.
   */
  readonly timeZone?: string;
}

const EVENTS = {
  'ed-visits': {
    from: 'ed_encounters e',
    at: 'e.arrival_ts',
    amount: '1',
    count: 'visits',
    integer: true,
    weighted: 'weighted_visits',
    rate: 'visits_per_1000',
  },
  'bed-days': {
    from: 'ip_stays e',
    at: 'e.admit_ts',
    amount: 'e.los_days',
    count: 'bed_days',
    integer: false,
    weighted: 'weighted_bed_days',
    rate: 'bed_days_per_1000',
  },
} as const;

function quote(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** The age band of an age in whole years, from dim_age_group's ranges (negative ages: the youngest band). */
function ageBandSql(age: string): string {
  const { age_group, max_age } = buildDimAgeGroup();
  const bands = age_group.map((label, i) => {
    const max = max_age[i];
    return max === null || max === undefined
      ? `ELSE ${quote(label)}`
      : `WHEN ${age} <= ${max} THEN ${quote(label)}`;
  });
  return `CASE ${bands.join(' ')} END`;
}

/**
 * Events per 1,000 residents by year x LHA x age group x gender, for the views
 * v_ed_rates (ED visits, by arrival year) and v_bed_day_rates (los_days of stays, by
 * admission year). Each patient stands for `weight` residents, so an event counts
 * `weight` times; the denominator is population_projection. A patient's age group in a
 * year is their age at January 1 of that year, from dob (a patient born during the year
 * counts in the youngest band), the age their rates follow that year. Columns: year,
 * lha_id, age_group, gender, visits | bed_days (unweighted), weighted_visits |
 * weighted_bed_days, population, visits_per_1000 | bed_days_per_1000. Every
 * population_projection cell is listed, with 0 where nothing happened.
 */
export function rateViewSql(kind: RateKind, options: RateViewOptions): string {
  const event = EVENTS[kind];
  const year =
    options.dialect === 'duckdb'
      ? `year(timezone(${quote(options.timeZone ?? 'UTC')}, ${event.at}))`
      : `YEAR(${event.at})`;
  // Completed years at January 1 of the event's year.
  const age =
    'x.year - YEAR(x.dob) - CASE WHEN MONTH(x.dob) = 1 AND DAY(x.dob) = 1 THEN 0 ELSE 1 END';
  const band = ageBandSql(age);
  const countType = !event.integer
    ? 'DECIMAL(20,2)'
    : options.dialect === 'duckdb'
      ? 'BIGINT'
      : 'SIGNED';
  return `SELECT pp.year AS year,
       pp.lha_id AS lha_id,
       pp.age_group AS age_group,
       pp.gender AS gender,
       CAST(COALESCE(ev.events, 0) AS ${countType}) AS ${event.count},
       CAST(COALESCE(ev.weighted, 0) AS DECIMAL(20,2)) AS ${event.weighted},
       pp.population AS population,
       CAST(CASE WHEN pp.population > 0 THEN 1000 * COALESCE(ev.weighted, 0) / pp.population END AS DECIMAL(14,2)) AS ${event.rate}
FROM population_projection pp
LEFT JOIN (
  SELECT x.year AS year, x.lha_id AS lha_id, ${band} AS age_group, x.gender AS gender,
         SUM(x.amount) AS events, SUM(x.amount * x.weight) AS weighted
  FROM (
    SELECT ${year} AS year, p.lha_id AS lha_id, p.gender AS gender, p.dob AS dob,
           p.weight AS weight, ${event.amount} AS amount
    FROM ${event.from}
    JOIN patients p ON p.patient_id = e.patient_id
  ) x
  GROUP BY x.year, x.lha_id, ${band}, x.gender
) ev
  ON ev.year = pp.year
 AND ev.lha_id = pp.lha_id
 AND ev.age_group = pp.age_group
 AND ev.gender = pp.gender`;
}
