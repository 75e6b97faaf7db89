import { t, tableByName } from '@lm-synth/dims';
import type { ApiApp } from './api-app.js';
import type { DataSource } from './data-source.js';
import type { DatasetDomains } from './dataset-domains.js';
import { orderBy } from './order-by.js';
import { pageEnvelope, pageSchema } from './page-envelope.js';
import { PROBLEM_TYPES, ProblemError, problemResponse } from './problem.js';
import { rowSchema } from './row-schema.js';
import type { TableEndpoint } from './table-endpoint.js';
import { tableQuery } from './table-query.js';

const TOTAL = [{ name: 'total', type: t.int64() }];
const NO_TABLE_HINT = { ed: 'generated with --no-ed', ip: 'generated with --no-ip' } as const;

/** GET `endpoint.path`: one page of the table, filtered and sorted, with the total and page links. */
export function registerTableRoute(
  app: ApiApp,
  source: DataSource,
  domains: DatasetDomains,
  endpoint: TableEndpoint,
): void {
  const table = tableByName(endpoint.table);
  const query = tableQuery(endpoint, domains);
  const row = rowSchema(table.columns).meta({
    id: endpoint.rowName,
    description: table.description,
  });
  const q = source.dialect.quoteIdentifier;
  const from = ` FROM ${q(table.name)}`;
  const select = `SELECT ${table.columns.map((column) => q(column.name)).join(', ')}${from}`;
  const count = `SELECT COUNT(*) AS ${q('total')}${from}`;

  app.get(
    endpoint.path,
    {
      schema: {
        tags: [endpoint.tag],
        summary: endpoint.summary,
        description: `${table.description} Rows of \`${table.name}\`, ${table.primaryKey.join(', ')} order unless \`sort\` says otherwise.`,
        querystring: query.schema,
        response: {
          200: pageSchema(row),
          400: problemResponse('A query parameter is invalid; `invalid_params` names it.'),
          404: problemResponse(`The dataset has no ${table.name} table.`),
        },
      },
    },
    async (request) => {
      if (!source.tables.has(table.name)) {
        const hint = table.requires ? ` (it was ${NO_TABLE_HINT[table.requires]})` : '';
        throw new ProblemError(
          404,
          'Not Found',
          `This dataset has no ${table.name} table${hint}.`,
          PROBLEM_TYPES.notFound,
        );
      }
      const values = request.query;
      const where = query.where(values, source.dialect);
      const [counted] = await source.select(`${count}${where.sql}`, where.parameters, TOTAL);
      const total = Number(counted?.total ?? 0);
      const offset = (values.page - 1) * values.size;
      const data =
        offset < total
          ? await source.select(
              `${select}${where.sql}${orderBy(source.dialect, table.columns, values.sort, table.primaryKey)} LIMIT ? OFFSET ?`,
              [...where.parameters, values.size, offset],
              table.columns,
            )
          : [];
      return pageEnvelope(request.url, data, values.page, values.size, total);
    },
  );
}
