import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { SYNTHETIC_NOTICE } from '@lm-synth/export-arrow';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import type { ApiApp } from './api-app.js';
import { API_VERSION } from './api-version.js';
import { finishOpenApiDocument } from './finish-openapi-document.js';
import { pruneComponents } from './prune-components.js';

const TAGS = [
  { name: 'Service', description: 'Service information and health.' },
  { name: 'Dimensions', description: 'Facilities, programs, local health areas and calendars.' },
  { name: 'Population', description: 'Population projections and ED baseline rates.' },
  { name: 'Patients', description: 'Synthetic patients.' },
  { name: 'Encounters', description: 'Emergency department encounters and inpatient stays.' },
  { name: 'Capacity', description: 'Daily beds and occupancy.' },
  { name: 'Projections', description: 'Projected service volumes.' },
  { name: 'Validation', description: 'The validation report of the dataset.' },
];

// ReDoc 2 renders the document into the <redoc> element; the bundle is served from the redoc package, not a CDN.
const REDOC_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>lm-synth API (ReDoc)</title>
<style>body { margin: 0; padding: 0; }</style>
</head>
<body>
<redoc spec-url="openapi.json"></redoc>
<script src="redoc/redoc.standalone.js"></script>
</body>
</html>
`;

// The pages ask nothing of other origins (ReDoc's footer logo would come from its CDN), run no
// inline script, and may not be framed by other sites.
const DOCS_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'self'",
  "form-action 'self'",
].join('; ');

/**
 * The OpenAPI 3.1 document (generated from the routes' zod schemas) at
 * /openapi.json, Swagger UI at /docs and ReDoc at /redoc, all served from
 * local packages so they work without internet access. Register before the
 * routes: @fastify/swagger collects them as they are added.
 */
export async function registerDocs(app: ApiApp): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'lm-synth API',
        version: API_VERSION,
        description: `Read-only access to an lm-synth dataset: fictional facilities, local health areas, programs, population projections, ED baseline rates, patients, encounters, capacity and the blueprint's ED projection. Listings are paginated (\`page\`, \`size\` up to 1000), filterable and sortable; errors are RFC 9457 problem details. The [quality report](/report) shows the dataset's validation gates and charts in one HTML page. ${SYNTHETIC_NOTICE}`,
        license: { name: 'MIT', identifier: 'MIT' },
      },
      tags: TAGS,
    },
    transform: jsonSchemaTransform,
    // Components come from zod's global registry, which holds every schema with an id in the process.
    transformObject: (document) =>
      finishOpenApiDocument(pruneComponents(jsonSchemaTransformObject(document))),
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: '/docs',
    validatorUrl: false,
    staticCSP: DOCS_CSP,
    uiConfig: { docExpansion: 'list', deepLinking: true, displayRequestDuration: true },
  });
  const redocBundle = await readFile(
    createRequire(import.meta.url).resolve('redoc/bundles/redoc.standalone.js'),
  );
  app.get('/openapi.json', { schema: { hide: true } }, () => app.swagger());
  app.get('/redoc', { schema: { hide: true } }, (_request, reply) =>
    reply
      .type('text/html; charset=utf-8')
      .header('content-security-policy', DOCS_CSP)
      .send(REDOC_PAGE),
  );
  app.get('/redoc/redoc.standalone.js', { schema: { hide: true } }, (_request, reply) =>
    reply
      .type('application/javascript; charset=utf-8')
      .header('cache-control', 'public, max-age=86400')
      .send(redocBundle),
  );
}
