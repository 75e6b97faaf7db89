import { type ColumnDefinition, tableByName } from '@lm-synth/dims';
import { z } from 'zod';
import type { SqlDialect, SqlParameter } from './data-source.js';
import type { DatasetDomains, IdRange } from './dataset-domains.js';
import {
  columnParameter,
  dayParameter,
  pageParameter,
  siteCodeParameter,
  sizeParameter,
  sortParameter,
} from './query-parameters.js';
import type { IdDomain, TableEndpoint } from './table-endpoint.js';

const MILLIS_PER_DAY = 86_400_000;
// The days both databases store (MySQL's DATE and DATETIME range). A bound beyond them is dropped
// or clamped, excluding exactly the same rows, rather than sent as a day neither database reads.
const FIRST_DAY_MS = Date.parse('1000-01-01T00:00:00Z');
const LAST_DAY_MS = Date.parse('9999-12-31T00:00:00Z');

/** A WHERE clause (empty when nothing filters) and its parameters, in placeholder order. */
export interface WhereClause {
  readonly sql: string;
  readonly parameters: readonly SqlParameter[];
}

/** The validated query of a table endpoint: page, size, sort and the filters present. */
export type TableQueryValues = { page: number; size: number; sort?: string } & Record<
  string,
  unknown
>;

/** A table endpoint bound to a dataset: its query schema and how a validated query becomes SQL. */
export interface TableQuery {
  readonly schema: z.ZodType<TableQueryValues>;
  where(query: TableQueryValues, dialect: SqlDialect): WhereClause;
}

export function tableQuery(endpoint: TableEndpoint, domains: DatasetDomains): TableQuery {
  const table = tableByName(endpoint.table);
  const column = (name: string): ColumnDefinition => {
    const found = table.columns.find((entry) => entry.name === name);
    if (!found) throw new Error(`${table.name} has no column ${name}`);
    return found;
  };
  const ranges: Record<IdDomain, IdRange> = {
    site: domains.siteIds,
    lha: domains.lhaIds,
    program: domains.programIds,
    year: domains.years,
  };
  const shape: Record<string, z.ZodType> = {};
  const dayRanges: { from: string; to: string }[] = [];
  for (const filter of endpoint.filters) {
    switch (filter.kind) {
      case 'equals': {
        const definition = column(filter.column);
        shape[filter.param ?? filter.column] = columnParameter(
          definition,
          filter.domain && ranges[filter.domain],
        )
          .optional()
          .describe(definition.description);
        break;
      }
      case 'site-code':
        shape.site_code = siteCodeParameter(domains.sites)
          .optional()
          .describe(`Facility code (dim_site.site_code) of ${filter.column}.`);
        break;
      case 'day-range': {
        const from = `${filter.prefix}_from`;
        const to = `${filter.prefix}_to`;
        shape[from] = dayParameter(`${filter.column} on or after this day (UTC).`);
        shape[to] = dayParameter(`${filter.column} on or before this day (UTC).`);
        dayRanges.push({ from, to });
        break;
      }
    }
  }
  const primaryKey = table.primaryKey.join(', ');
  const schema = z
    .strictObject({
      page: pageParameter,
      size: sizeParameter,
      sort: sortParameter(
        table.columns.map((entry) => entry.name),
        primaryKey,
      ),
      ...shape,
    })
    .superRefine((query, context) => {
      const values: Record<string, unknown> = query;
      for (const { from, to } of dayRanges) {
        const start = values[from];
        const end = values[to];
        if (typeof start === 'string' && typeof end === 'string' && end < start) {
          context.addIssue({ code: 'custom', path: [to], message: `must not be before ${from}` });
        }
      }
    }) as unknown as z.ZodType<TableQueryValues>;

  return {
    schema,
    where(query, dialect) {
      const q = dialect.quoteIdentifier;
      const conditions: string[] = [];
      const parameters: SqlParameter[] = [];
      for (const filter of endpoint.filters) {
        const name = q(filter.column);
        switch (filter.kind) {
          case 'equals': {
            const value = query[filter.param ?? filter.column];
            if (value === undefined) break;
            conditions.push(`${name} = ?`);
            parameters.push(value as SqlParameter);
            break;
          }
          case 'site-code': {
            const code = query.site_code;
            if (code === undefined) break;
            conditions.push(`${name} = ?`);
            parameters.push(domains.sites.get(code as string)!);
            break;
          }
          case 'day-range': {
            const isDate = column(filter.column).type.kind === 'date';
            const bound = (day: string, operator: '>=' | '<', offsetDays: number) => {
              const dayStart = Date.parse(`${day}T00:00:00Z`) + offsetDays * MILLIS_PER_DAY;
              if (operator === '>=' ? dayStart <= FIRST_DAY_MS : dayStart > LAST_DAY_MS) return;
              // Before the first day nothing can be: the first day itself excludes the same rows.
              const ms = Math.max(dayStart, FIRST_DAY_MS);
              if (isDate) {
                conditions.push(`${name} ${operator} CAST(? AS DATE)`);
                parameters.push(new Date(ms).toISOString().slice(0, 10));
              } else {
                const { placeholder, value } = dialect.instantParameter(ms);
                conditions.push(`${name} ${operator} ${placeholder}`);
                parameters.push(value);
              }
            };
            const from = query[`${filter.prefix}_from`];
            const to = query[`${filter.prefix}_to`];
            if (typeof from === 'string') bound(from, '>=', 0);
            // Inclusive of the whole last day: before the next midnight.
            if (typeof to === 'string') bound(to, '<', 1);
            break;
          }
        }
      }
      return {
        sql: conditions.length === 0 ? '' : ` WHERE ${conditions.join(' AND ')}`,
        parameters,
      };
    },
  };
}
