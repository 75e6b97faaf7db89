const MICROS_PER_MILLI = 1000n;

/**
 * An instant in microseconds since the epoch as ISO 8601 UTC: milliseconds as
 * `Date#toISOString` writes them, six fractional digits only when the value
 * has sub-millisecond precision.
 */
export function formatInstant(micros: bigint): string {
  let millis = micros / MICROS_PER_MILLI;
  let rest = micros % MICROS_PER_MILLI;
  if (rest < 0n) {
    millis -= 1n;
    rest += MICROS_PER_MILLI;
  }
  const iso = new Date(Number(millis)).toISOString();
  return rest === 0n ? iso : `${iso.slice(0, -1)}${rest.toString().padStart(3, '0')}Z`;
}
