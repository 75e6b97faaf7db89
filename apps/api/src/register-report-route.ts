import { basename } from 'node:path';
import { htmlReport } from '@lm-synth/validate';
import { z } from 'zod';
import type { ApiApp } from './api-app.js';
import { PROBLEM_TYPES, ProblemError, problemResponse } from './problem.js';
import type { ValidationTarget } from './register-validation-route.js';

// The report runs no script and loads nothing: styles are inline, charts inline SVG.
const REPORT_CSP = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  'img-src data:',
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'self'",
].join('; ');

/**
 * GET /report: the HTML quality report of the served dataset (@lm-synth/validate's
 * htmlReport: overview, every gate, charts of population, ED and inpatient activity),
 * made on the first request and kept, since the dataset is served read-only. The page
 * names the dataset by its directory's base name, never the server's path.
 */
export function registerReportRoute(app: ApiApp, target: ValidationTarget | undefined): void {
  let page: Promise<string> | undefined;
  app.get(
    '/report',
    {
      schema: {
        tags: ['Validation'],
        summary: 'Quality report: one self-contained HTML page with charts',
        description:
          'The report of `lm-synth report` for the served dataset: run overview, every validation gate (PASS / FAIL / INCONCLUSIVE), and charts of the population, ED and inpatient activity against the scenario, each with its numbers in a table. Self-contained: no scripts, no external resources. Made on the first request, which takes a few seconds.',
        response: {
          200: {
            description: 'The HTML report.',
            content: { 'text/html': { schema: z.string() } },
          },
          404: problemResponse('No dataset directory to report on (a MySQL source without --in).'),
        },
      },
    },
    async (_request, reply) => {
      if (!target) {
        throw new ProblemError(
          404,
          'Not Found',
          'The report reads the dataset files: serve the output directory (--in) to get it.',
          PROBLEM_TYPES.notFound,
        );
      }
      page ??= htmlReport(target.dir, target.scenario, { label: basename(target.dir) }).then(
        (result) => result.html,
        (error: unknown) => {
          page = undefined;
          throw error;
        },
      );
      const html = await page;
      return reply
        .type('text/html; charset=utf-8')
        .header('content-security-policy', REPORT_CSP)
        .send(html);
    },
  );
}
