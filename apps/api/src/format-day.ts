const MILLIS_PER_DAY = 86_400_000;

/** A date in days since 1970-01-01 as `YYYY-MM-DD`. */
export function formatDay(days: number): string {
  return new Date(days * MILLIS_PER_DAY).toISOString().slice(0, 10);
}
