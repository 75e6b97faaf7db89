import type { ChartContext } from './chart-types.js';

/**
 * Start-year ED arrivals counted independently of the charts' SQL: with Node's time zone
 * data, arrival by arrival, in JavaScript.
 */
export async function startYearArrivals(context: ChartContext): Promise<
  {
    readonly subservice: string;
    readonly local: Date;
    readonly weight: number;
    readonly ageGroup: string;
  }[]
> {
  const rows = await context.sql.rows(`
    SELECT CAST(e.ed_subservice AS VARCHAR) AS subservice, epoch_ms(e.arrival_ts) AS ms,
      CAST(p.weight AS DOUBLE) AS weight, CAST(p.age_group AS VARCHAR) AS age_group
    FROM ed_encounters e JOIN patients p ON p.patient_id = e.patient_id`);
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: context.run.timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
  });
  return rows.flatMap((row) => {
    const parts = Object.fromEntries(
      format.formatToParts(Number(row.ms)).map((part) => [part.type, Number(part.value)]),
    );
    if (parts.year !== context.run.startYear) return [];
    return [
      {
        subservice: String(row.subservice),
        local: new Date(Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!)),
        weight: Number(row.weight),
        ageGroup: String(row.age_group),
      },
    ];
  });
}
