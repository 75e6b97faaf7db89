import type { Scenario } from '@lm-synth/config/core';
import { type ValidationReport, validate } from '@lm-synth/validate';
import { z } from 'zod';
import type { ApiApp } from './api-app.js';
import { PROBLEM_TYPES, ProblemError, problemResponse } from './problem.js';
import { withoutServerPaths } from './without-server-paths.js';

/** What GET /api/v1/validation/summary validates: a dataset directory against its scenario. */
export interface ValidationTarget {
  readonly dir: string;
  readonly scenario: Scenario;
}

const nullableNumber = z.number().nullable();

// The fields of @lm-synth/validate's ValidationReport that clients act on; the rest passes through as reported.
const gateSchema = z.looseObject({
  id: z.string().describe('Stable gate id, e.g. foreign-keys.'),
  category: z.enum(['integrity', 'fidelity', 'privacy']),
  title: z.string(),
  status: z.enum(['pass', 'fail', 'info', 'inconclusive']),
  observed: nullableNumber,
  expected: nullableNumber,
  tolerance: nullableNumber,
  comparison: z.enum(['within', 'at-least', 'at-most']),
  message: z.string(),
});

const reportSchema = z
  .looseObject({
    schemaVersion: z.literal(1),
    ok: z.boolean().describe('True when no gate failed.'),
    dataset: z.looseObject({
      format: z.string(),
      tables: z.array(z.object({ name: z.string(), rows: z.int() })).readonly(),
    }),
    scenario: z.object({ id: z.string(), hash: z.string(), matchesDataset: z.boolean() }),
    gates: z.array(gateSchema).readonly(),
    notice: z.string(),
  })
  .meta({
    id: 'ValidationReport',
    description: 'The report of lm-synth validate, schema version 1.',
  });

/**
 * GET /api/v1/validation/summary: the @lm-synth/validate report of the
 * dataset (integrity, fidelity and privacy gates), computed on the first
 * request and kept, since the dataset is served read-only.
 */
export function registerValidationRoute(app: ApiApp, target: ValidationTarget | undefined): void {
  let report: Promise<ValidationReport> | undefined;
  app.get(
    '/api/v1/validation/summary',
    {
      schema: {
        tags: ['Validation'],
        summary: 'Validation report: integrity, fidelity and privacy gates',
        description:
          'The report of `lm-synth validate` for the served dataset (schema version 1), with no server paths (the dataset directory appears as its base name); computed on the first request, which may take a few seconds.',
        response: {
          200: reportSchema,
          404: problemResponse('No dataset directory to validate (a MySQL source without --in).'),
        },
      },
    },
    async () => {
      if (!target) {
        throw new ProblemError(
          404,
          'Not Found',
          'Validation reads the dataset files: serve the output directory (--in) to get its report.',
          PROBLEM_TYPES.notFound,
        );
      }
      report ??= validate(target.dir, target.scenario).then(
        (result) => withoutServerPaths(result, target.dir),
        (error: unknown) => {
          report = undefined;
          throw error;
        },
      );
      // An interface without an index signature; the serializer checks the shape at run time.
      return (await report) as unknown as z.output<typeof reportSchema>;
    },
  );
}
