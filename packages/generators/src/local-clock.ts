// TEMPORARY UTC-only stand-in with the agreed API; replaced by the localtime branch at merge.
export class LocalClock {
  constructor(_timeZone: string, _firstDay: number, _lastDay: number) {}
  toUtc(localDay: number, secondOfDay: number): number {
    return localDay * 86_400 + secondOfDay;
  }
  localDayOf(utcSeconds: number): number {
    return Math.floor(utcSeconds / 86_400);
  }
  midnight(localDay: number): number {
    return localDay * 86_400;
  }
}
