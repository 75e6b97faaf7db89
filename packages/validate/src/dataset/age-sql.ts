import { sqlIdentifier } from './sql-identifier.js';

/**
 * SQL for the completed years of age at `referenceDate` (YYYY-MM-DD) of a DATE column: a
 * birthday of 29 February counts from 1 March in common years, as the generator does.
 */
export function ageSql(column: string, referenceDate: string): string {
  const [year, month, day] = referenceDate.split('-').map(Number) as [number, number, number];
  const dob = sqlIdentifier(column);
  return `(${year} - year(${dob}) - CASE WHEN month(${dob}) > ${month} OR (month(${dob}) = ${month} AND day(${dob}) > ${day}) THEN 1 ELSE 0 END)`;
}
