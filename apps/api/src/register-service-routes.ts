import { t } from '@lm-synth/dims';
import { SYNTHETIC_NOTICE } from '@lm-synth/export-arrow';
import { z } from 'zod';
import type { ApiApp } from './api-app.js';
import { API_VERSION } from './api-version.js';
import type { DataSource } from './data-source.js';
import { PROBLEM_TYPES, ProblemError, problemResponse } from './problem.js';

/** A documented route, for the endpoint directory of GET /. */
export interface EndpointEntry {
  readonly method: string;
  readonly path: string;
  readonly summary: string;
}

const infoSchema = z.object({
  name: z.string(),
  version: z.string(),
  description: z.string(),
  notice: z.string().describe('The data is synthetic, for non-production testing.'),
  source: z.object({
    kind: z.enum(['duckdb', 'mysql']).describe('A dataset directory in DuckDB, or MySQL.'),
    tables: z.array(z.string()).describe('Catalogue tables present.'),
  }),
  dataset: z
    .object({
      lmSynthVersion: z.string(),
      seed: z.number(),
      scenarioId: z.string(),
      referenceDate: z.string(),
      timeZone: z
        .string()
        .nullable()
        .describe(
          'IANA time zone whose local wall-clock time the profiles follow; instants are UTC. Null for datasets written before it was recorded.',
        ),
      startYear: z.int(),
      horizonYears: z.int(),
      patients: z.int(),
      format: z.string(),
    })
    .nullable()
    .describe('The run that generated the dataset (from datapackage.json); null for MySQL.'),
  documentation: z.object({
    swagger_ui: z.string(),
    redoc: z.string(),
    openapi: z.string(),
    report: z.string().describe('The HTML quality report of the dataset (charts, every gate).'),
  }),
  endpoints: z.array(z.object({ method: z.string(), path: z.string(), summary: z.string() })),
});

/** GET / (service information and endpoint directory) and GET /health. */
export function registerServiceRoutes(
  app: ApiApp,
  source: DataSource,
  endpoints: readonly EndpointEntry[],
): void {
  app.get(
    '/',
    {
      schema: {
        tags: ['Service'],
        summary: 'Service information and endpoint directory',
        response: { 200: infoSchema },
      },
    },
    async () => {
      const run = source.manifest?.lm_synth;
      return {
        name: 'lm-synth API',
        version: API_VERSION,
        description:
          'Read-only REST access to a synthetic hospital dataset of the fictional Lower Mainland region.',
        notice: SYNTHETIC_NOTICE,
        source: { kind: source.kind, tables: [...source.tables] },
        dataset: run
          ? {
              lmSynthVersion: run.lmSynthVersion,
              seed: run.seed,
              scenarioId: run.scenarioId,
              referenceDate: run.referenceDate,
              timeZone: run.timeZone ?? null,
              startYear: run.startYear,
              horizonYears: run.horizonYears,
              patients: run.patients,
              format: run.format,
            }
          : null,
        documentation: {
          swagger_ui: '/docs',
          redoc: '/redoc',
          openapi: '/openapi.json',
          report: '/report',
        },
        endpoints: [...endpoints],
      };
    },
  );

  app.get(
    '/health',
    {
      schema: {
        tags: ['Service'],
        summary: 'Health check: the data source answers a query',
        response: {
          200: z.object({ status: z.literal('ok'), source: z.enum(['duckdb', 'mysql']) }),
          503: problemResponse('The data source does not answer.'),
        },
      },
    },
    async (request) => {
      try {
        await source.select('SELECT 1 AS ok', [], [{ name: 'ok', type: t.int32() }]);
      } catch (error) {
        request.log.error({ err: error }, 'health check failed');
        throw new ProblemError(
          503,
          'Service Unavailable',
          `The ${source.kind} data source does not answer.`,
          PROBLEM_TYPES.unavailable,
        );
      }
      return { status: 'ok' as const, source: source.kind };
    },
  );
}
