import type { Scenario } from '@lm-synth/config/core';
import { sqlLiteral } from './sql-literal.js';

/**
 * SQL for the calendar date (`date`) or year (`year`) of a TIMESTAMPTZ column on the
 * wall clock of the scenario's time zone, where a patient's activity and their entry and
 * exit dates are counted. A scenario without a time zone (written before local time was
 * modelled) counts in UTC, as its timestamps were.
 */
export function localDateSql(column: string, scenario: Scenario, part: 'date' | 'year'): string {
  const zone = (scenario as { readonly timeZone?: string }).timeZone ?? 'UTC';
  const local = `timezone(${sqlLiteral(zone)}, ${column})`;
  return part === 'date' ? `CAST(${local} AS DATE)` : `year(${local})`;
}
