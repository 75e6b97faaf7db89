import type { RunMetadata } from '@lm-synth/dims';
import { zoneOffsets } from './zone-offsets.js';

/**
 * A part of the local wall-clock time; `weekday` is 0 = Monday ... 6 = Sunday; `timestamp`
 * the local wall-clock TIMESTAMP itself.
 */
export type LocalPart = 'timestamp' | 'date' | 'year' | 'month' | 'hour' | 'weekday';

/**
 * SQL for a part of a TIMESTAMPTZ column on the wall clock of the dataset's time zone
 * (the manifest's `timeZone`, in which the generator applied its local profiles), where a
 * patient's activity, their entry and exit dates and the scenario's hour, weekday and month
 * profiles are counted. The offset comes from `zoneOffsets` (Node's tz data, as the
 * generator's), spelled out as a CASE over the changes from the year before the start
 * (the warm-up year) to the end of the horizon; instants outside keep the nearest offset.
 */
export function localDateSql(
  column: string,
  run: Pick<RunMetadata, 'timeZone' | 'startYear' | 'horizonYears'>,
  part: LocalPart,
): string {
  const { transitions, offsets } = zoneOffsets(
    run.timeZone,
    run.startYear - 1,
    run.startYear + run.horizonYears,
  );
  const offset =
    transitions.length === 0
      ? String(offsets[0])
      : `CASE ${transitions
          .map((t, i) => `WHEN epoch(${column}) < ${t} THEN ${offsets[i]}`)
          .join(' ')} ELSE ${offsets[transitions.length]} END`;
  // The UTC wall clock of the instant (independent of the session's TimeZone) plus the offset.
  const local = `(make_timestamp(epoch_us(${column})) + to_seconds(${offset}))`;
  switch (part) {
    case 'timestamp':
      return local;
    case 'date':
      return `CAST(${local} AS DATE)`;
    case 'year':
      return `year(${local})`;
    case 'month':
      return `month(${local})`;
    case 'hour':
      return `hour(${local})`;
    case 'weekday':
      return `(isodow(${local}) - 1)`;
  }
}
