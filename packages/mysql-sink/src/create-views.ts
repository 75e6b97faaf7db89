import { edProjectionSql, edRoutedProjectionSql, rateViewSql } from '@lm-synth/dims';
import { quoteIdentifier } from './quote-identifier.js';
import type { SinkSession } from './sink-session.js';

interface ViewDefinition {
  readonly name: string;
  readonly requires: readonly string[];
  readonly sql: string;
}

/**
 * The analysis views of the DuckDB database, for MySQL: the blueprint's ED projection
 * (§10, each LHA at its default site), the routed one (each facility the volume routed
 * to it) and the weighted rates per 1,000. The rate views count an event in the calendar
 * year of its stored DATETIME.
 */
const VIEWS: readonly ViewDefinition[] = [
  {
    name: 'v_ed_volume_projection',
    requires: ['population_projection', 'ed_baseline_rates', 'dim_lha', 'dim_site'],
    sql: edProjectionSql(),
  },
  {
    name: 'v_ed_volume_projection_routed',
    requires: ['population_projection', 'ed_baseline_rates', 'ed_routing', 'dim_site'],
    sql: edRoutedProjectionSql(),
  },
  {
    name: 'v_ed_rates',
    requires: ['population_projection', 'patients', 'ed_encounters'],
    sql: rateViewSql('ed-visits', { dialect: 'mysql' }),
  },
  {
    name: 'v_bed_day_rates',
    requires: ['population_projection', 'patients', 'ip_stays'],
    sql: rateViewSql('bed-days', { dialect: 'mysql' }),
  },
];

/**
 * Creates (or replaces) every analysis view whose tables are all in `present`; returns
 * their names. Views resolve their tables by name, so they survive the loader's swap.
 */
export async function createViews(
  session: SinkSession,
  present: ReadonlySet<string>,
): Promise<string[]> {
  const created: string[] = [];
  for (const view of VIEWS) {
    if (!view.requires.every((table) => present.has(table))) continue;
    await session.query(
      `CREATE OR REPLACE VIEW ${quoteIdentifier(view.name)} AS\n${view.sql}`,
      [],
      `creating the view ${view.name}`,
    );
    created.push(view.name);
  }
  return created;
}
