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
 * Events per 1,000 by year x LHA x age group x gender, for the views v_ed_rates (ED
 * visits, by arrival year) and v_bed_day_rates (los_days of stays, by admission year).
 * Each patient stands for `weight` residents, so an event counts `weight` times. Two
 * denominators: `population` (population_projection on 1 January, what a projection
 * multiplies rates by) and `person_years` (the patients' weighted time in the region that
 * year, from entry_date and exit_date: the exposure the scenario's rates are per). A
 * patient's age group in a year is their age on 1 January of it, from dob, or at entry in
 * the year they entered: the age their rates follow that year. Columns: year, lha_id,
 * age_group, gender, visits | bed_days (unweighted), weighted_visits | weighted_bed_days,
 * population, person_years, visits_per_1000 | bed_days_per_1000 (per population),
 * visits_per_1000_person_years | bed_days_per_1000_person_years. Every
 * population_projection cell is listed, with 0 where nothing happened. DuckDB counts an
 * event in its year in the dataset's time zone (dim_scenario.time_zone, or
 * `options.timeZone`); MySQL in the year of the stored UTC DATETIME.
 */
export function rateViewSql(kind: RateKind, options: RateViewOptions): string {
  const event = EVENTS[kind];
  const duckdb = options.dialect === 'duckdb';
  const zone =
    options.timeZone === undefined
      ? '(SELECT time_zone FROM dim_scenario LIMIT 1)'
      : quote(options.timeZone);
  const year = duckdb ? `year(timezone(${zone}, ${event.at}))` : `YEAR(${event.at})`;
  const january = (y: string) => (duckdb ? `make_date(${y}, 1, 1)` : `MAKEDATE(${y}, 1)`);
  const days = (from: string, to: string) =>
    duckdb ? `date_diff('day', ${from}, ${to})` : `DATEDIFF(${to}, ${from})`;
  const plusDay = (d: string) => (duckdb ? `(${d} + 1)` : `DATE_ADD(${d}, INTERVAL 1 DAY)`);
  // Completed years at January 1 of the year, or at entry in an entrant's entry year.
  const ageIn = (y: string) => `CASE WHEN p.entry_reason <> 'Resident' AND YEAR(p.entry_date) = ${y}
      THEN YEAR(p.entry_date) - YEAR(p.dob) - CASE WHEN MONTH(p.entry_date) * 100 + DAY(p.entry_date) < MONTH(p.dob) * 100 + DAY(p.dob) THEN 1 ELSE 0 END
      ELSE ${y} - YEAR(p.dob) - CASE WHEN MONTH(p.dob) = 1 AND DAY(p.dob) = 1 THEN 0 ELSE 1 END END`;
  const countType = !event.integer ? 'DECIMAL(20,2)' : duckdb ? 'BIGINT' : 'SIGNED';
  const from = `GREATEST(${january('yy.year')}, p.entry_date)`;
  const until = `LEAST(${january('yy.year + 1')}, COALESCE(${plusDay('p.exit_date')}, ${january('yy.year + 1')}))`;
  return `SELECT pp.year AS year,
       pp.lha_id AS lha_id,
       pp.age_group AS age_group,
       pp.gender AS gender,
       CAST(COALESCE(ev.events, 0) AS ${countType}) AS ${event.count},
       CAST(COALESCE(ev.weighted, 0) AS DECIMAL(20,2)) AS ${event.weighted},
       pp.population AS population,
       CAST(COALESCE(py.person_years, 0) AS DECIMAL(16,2)) AS person_years,
       CAST(CASE WHEN pp.population > 0 THEN 1000 * COALESCE(ev.weighted, 0) / pp.population END AS DECIMAL(14,2)) AS ${event.rate},
       CAST(CASE WHEN py.person_years > 0 THEN 1000 * COALESCE(ev.weighted, 0) / py.person_years END AS DECIMAL(14,2)) AS ${event.rate}_person_years
FROM population_projection pp
LEFT JOIN (
  SELECT x.year AS year, x.lha_id AS lha_id, ${ageBandSql('x.age')} AS age_group, x.gender AS gender,
         SUM(x.amount) AS events, SUM(x.amount * x.weight) AS weighted
  FROM (
    SELECT ev0.year AS year, p.lha_id AS lha_id, p.gender AS gender, p.weight AS weight,
           ev0.amount AS amount, ${ageIn('ev0.year')} AS age
    FROM (SELECT e.patient_id AS patient_id, ${year} AS year, ${event.amount} AS amount FROM ${event.from}) ev0
    JOIN patients p ON p.patient_id = ev0.patient_id
  ) x
  GROUP BY x.year, x.lha_id, ${ageBandSql('x.age')}, x.gender
) ev
  ON ev.year = pp.year
 AND ev.lha_id = pp.lha_id
 AND ev.age_group = pp.age_group
 AND ev.gender = pp.gender
LEFT JOIN (
  SELECT z.year AS year, z.lha_id AS lha_id, ${ageBandSql('z.age')} AS age_group, z.gender AS gender,
         SUM(z.weight * z.days / z.year_days) AS person_years
  FROM (
    SELECT yy.year AS year, p.lha_id AS lha_id, p.gender AS gender, p.weight AS weight,
           ${ageIn('yy.year')} AS age,
           ${days(from, until)} AS days,
           ${days(january('yy.year'), january('yy.year + 1'))} AS year_days
    FROM (SELECT DISTINCT year FROM population_projection) yy
    JOIN patients p
      ON p.entry_date < ${january('yy.year + 1')}
     AND (p.exit_date IS NULL OR p.exit_date >= ${january('yy.year')})
  ) z
  GROUP BY z.year, z.lha_id, ${ageBandSql('z.age')}, z.gender
) py
  ON py.year = pp.year
 AND py.lha_id = pp.lha_id
 AND py.age_group = pp.age_group
 AND py.gender = pp.gender`;
}
