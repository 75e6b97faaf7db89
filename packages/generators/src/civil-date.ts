const MS_PER_DAY = 86_400_000;

/** Calendar arithmetic on days since 1970-01-01 (UTC, proleptic Gregorian). */
export const civilDate = {
  /** Days since the epoch of a YYYY-MM-DD string. */
  parse(text: string): number {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (!match) throw new RangeError(`not a YYYY-MM-DD date: ${text}`);
    return civilDate.fromParts(Number(match[1]), Number(match[2]), Number(match[3]));
  },
  fromParts(year: number, month: number, day: number): number {
    const date = new Date(0);
    date.setUTCFullYear(year, month - 1, day);
    return Math.round(date.getTime() / MS_PER_DAY);
  },
  /** [year, month 1-12, day 1-31]. */
  toParts(days: number): [number, number, number] {
    const date = new Date(days * MS_PER_DAY);
    return [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
  },
  format(days: number): string {
    return new Date(days * MS_PER_DAY).toISOString().slice(0, 10);
  },
  isLeapYear(year: number): boolean {
    return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  },
  /** Completed years of someone born on `birth` at `at`: birthdays of 29 February fall on 1 March in common years. */
  ageAt(birth: number, at: number): number {
    const [birthYear, birthMonth, birthDay] = civilDate.toParts(birth);
    const [year, month, day] = civilDate.toParts(at);
    const beforeBirthday = month < birthMonth || (month === birthMonth && day < birthDay);
    return year - birthYear - (beforeBirthday ? 1 : 0);
  },
} as const;
