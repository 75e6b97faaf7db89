import {
  type ColumnDefinition,
  edProjectionSql,
  edRoutedProjectionSql,
  t,
  tableByName,
} from '@lm-synth/dims';
import { z } from 'zod';
import type { ApiApp } from './api-app.js';
import type { DataSource, SqlParameter } from './data-source.js';
import type { DatasetDomains } from './dataset-domains.js';
import { orderBy } from './order-by.js';
import { pageEnvelope, pageSchema } from './page-envelope.js';
import { PROBLEM_TYPES, ProblemError, problemResponse } from './problem.js';
import {
  columnParameter,
  integerParameter,
  pageParameter,
  siteCodeParameter,
  sizeParameter,
} from './query-parameters.js';
import { rowSchema } from './row-schema.js';

/** Tables of each projection: the blueprint's (§10, default sites) and the routed one. */
const TABLES = {
  'default-site': ['population_projection', 'ed_baseline_rates', 'dim_lha', 'dim_site'],
  routed: ['population_projection', 'ed_baseline_rates', 'ed_routing', 'dim_site'],
} as const;
const SQL = { 'default-site': edProjectionSql, routed: edRoutedProjectionSql } as const;
const subservice = tableByName('ed_baseline_rates').columns.find(
  (column) => column.name === 'ed_subservice',
)!;

const COLUMNS: readonly ColumnDefinition[] = [
  { name: 'year', type: t.int32(), nullable: false, description: 'Projection year.' },
  {
    name: 'facility',
    type: t.string(16),
    nullable: false,
    description:
      'Site code of the facility: the default facility of the LHAs whose population is projected, or (routing=routed) the facility their visits are routed to.',
  },
  subservice,
  {
    name: 'projected_volumes',
    type: t.decimal(18, 2),
    nullable: false,
    description:
      'Expected ED visits in the year: sum of population x baserate_per_1000 / 1000, rounded to cents.',
  },
];
const PROJECTION_ROW = rowSchema(COLUMNS).meta({
  id: 'EdProjection',
  description: 'Projected ED visits of one facility and subservice in one year.',
});
const SORTABLE = ['projected_volumes', 'facility', 'ed_subservice'];
const DEFAULT_SORT = '-projected_volumes';

/** GET /api/v1/projections/ed: projected ED volumes by facility and subservice for one year. */
export function registerProjectionRoute(
  app: ApiApp,
  source: DataSource,
  domains: DatasetDomains,
): void {
  const { years } = domains;
  const querystring = z.strictObject({
    year: integerParameter(years)
      .default(years.first)
      .describe('Projection year (default: the first one).'),
    routing: z
      .enum(['default-site', 'routed'])
      .default('default-site')
      .describe(
        "default-site: each LHA's volume at its default facility (blueprint §10, view v_ed_volume_projection). routed: spread over the facilities the scenario's routing sends visits to (cross-LHA homes, non-home visits, coverage; view v_ed_volume_projection_routed), the volume each facility should expect.",
      ),
    site_code: siteCodeParameter(domains.sites).optional().describe('Only this facility.'),
    ed_subservice: columnParameter(subservice).optional().describe('Only this ED subservice.'),
    page: pageParameter,
    size: sizeParameter,
    sort: z
      .enum([...SORTABLE, ...SORTABLE.map((name) => `-${name}`)] as [string, ...string[]], {
        error: `must be one of ${SORTABLE.join(', ')}, prefixed with - for descending order`,
      })
      .default(DEFAULT_SORT)
      .describe('Sort column; prefix with - for descending order. Ties by facility, subservice.'),
  });

  app.get(
    '/api/v1/projections/ed',
    {
      schema: {
        tags: ['Projections'],
        summary: 'Projected ED volumes by facility and subservice (blueprint §10)',
        description:
          "Population projection x ED baseline rates for one year, summed per facility and ED subservice: by default the projection join of the blueprint (§10), each LHA's volume at its default facility; with routing=routed, each facility the volume the scenario's ED routing sends it.",
        querystring,
        response: {
          200: pageSchema(PROJECTION_ROW),
          400: problemResponse('A query parameter is invalid; `invalid_params` names it.'),
          404: problemResponse('The dataset lacks a table the projection needs.'),
        },
      },
    },
    async (request) => {
      const { routing } = request.query;
      const missing = TABLES[routing].filter((table) => !source.tables.has(table));
      if (missing.length > 0) {
        throw new ProblemError(
          404,
          'Not Found',
          `This dataset has no ${missing.join(', ')}, which the projection needs.`,
          PROBLEM_TYPES.notFound,
        );
      }
      const { year, site_code, ed_subservice, page, size, sort } = request.query;
      const conditions = ['p.year = ?'];
      const parameters: SqlParameter[] = [year];
      if (site_code !== undefined) {
        conditions.push('s.site_id = ?');
        parameters.push(domains.sites.get(site_code)!);
      }
      if (ed_subservice !== undefined) {
        conditions.push('r.ed_subservice = ?');
        parameters.push(ed_subservice as string);
      }
      // A year has at most sites x subservices rows: read them all, count and slice here.
      const rows = await source.select(
        `${SQL[routing](conditions)}${orderBy(source.dialect, COLUMNS, sort, ['facility', 'ed_subservice'])}`,
        parameters,
        COLUMNS,
      );
      const data = rows.slice((page - 1) * size, page * size);
      return pageEnvelope(request.url, data, page, size, rows.length);
    },
  );
}
