import { zoneOffsets } from './zone-offsets.js';

/** Epoch seconds of local midnight starting 1 January of `year` in IANA `zone`. */
export function localNewYear(zone: string, year: number): number {
  const { transitions, offsets } = zoneOffsets(zone, year, year);
  const wallClock = Date.UTC(year, 0, 1) / 1000;
  // The offset in force at that instant; no zone changes offset within hours of New Year
  // in the tz data, but search rather than assume.
  for (let i = offsets.length - 1; i >= 0; i--) {
    const instant = wallClock - offsets[i]!;
    const from = i === 0 ? Number.NEGATIVE_INFINITY : transitions[i - 1]!;
    const to = i === transitions.length ? Number.POSITIVE_INFINITY : transitions[i]!;
    if (instant >= from && instant < to) return instant;
  }
  return wallClock - offsets[0]!;
}
