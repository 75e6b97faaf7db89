import { quoteIdentifier } from '@lm-synth/export-arrow';

/**
 * SQL for the completed years of age of a DATE column on a date: `at` is a YYYY-MM-DD
 * string or, with `atIsSql`, a SQL DATE expression (e.g. the patient's entry_date). A
 * birthday of 29 February counts from 1 March in common years, as the generator does.
 */
export function ageSql(column: string, at: string, atIsSql = false): string {
  const dob = quoteIdentifier(column);
  if (!atIsSql) {
    const [year, month, day] = at.split('-').map(Number) as [number, number, number];
    return `(${year} - year(${dob}) - CASE WHEN month(${dob}) > ${month} OR (month(${dob}) = ${month} AND day(${dob}) > ${day}) THEN 1 ELSE 0 END)`;
  }
  return `(year(${at}) - year(${dob}) - CASE WHEN month(${dob}) > month(${at}) OR (month(${dob}) = month(${at}) AND day(${dob}) > day(${at})) THEN 1 ELSE 0 END)`;
}
