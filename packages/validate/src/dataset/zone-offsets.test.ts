import { describe, expect, it } from 'vitest';
import { zoneOffsets } from './zone-offsets.js';

describe('zoneOffsets', () => {
  it('finds the daylight-saving changes of America/Vancouver to the second', () => {
    const { transitions, offsets } = zoneOffsets('America/Vancouver', 2025, 2025);
    // 9 March 2025 02:00 PST = 10:00Z; 2 November 2025 02:00 PDT = 09:00Z.
    expect(transitions).toEqual([Date.UTC(2025, 2, 9, 10) / 1000, Date.UTC(2025, 10, 2, 9) / 1000]);
    expect(offsets).toEqual([-8 * 3600, -7 * 3600, -8 * 3600]);
  });

  it('has one offset for a zone without changes', () => {
    expect(zoneOffsets('UTC', 2024, 2030)).toEqual({ transitions: [], offsets: [0] });
    expect(zoneOffsets('Asia/Kolkata', 2024, 2026)).toEqual({
      transitions: [],
      offsets: [19_800],
    });
  });

  it('agrees with Intl at random instants', () => {
    const zone = 'Australia/Lord_Howe';
    const { transitions, offsets } = zoneOffsets(zone, 2025, 2027);
    const format = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
    for (let i = 0; i < 200; i++) {
      const t =
        Date.UTC(2025, 0, 1) / 1000 + Math.floor((((i * 7919) % 1000) / 1000) * 3 * 365 * 86_400);
      const k = transitions.filter((change) => change <= t).length;
      const name = format.formatToParts(t * 1000).find((p) => p.type === 'timeZoneName')!.value;
      const [, sign, h, m] = /GMT([+-])(\d\d):?(\d\d)?/.exec(name)!;
      const expected = (sign === '-' ? -1 : 1) * (Number(h) * 3600 + Number(m ?? 0) * 60);
      expect(offsets[k]).toBe(expected);
    }
  });
});
