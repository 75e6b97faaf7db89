import { tableByName } from '@lm-synth/dims';
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDuckdbSource } from './open-duckdb-source.js';
import { TABLE_ENDPOINTS } from './table-endpoints.js';
import { startTestServer, type TestServer } from './test-server.js';

let server: TestServer;
// biome-ignore lint/suspicious/noExplicitAny: the OpenAPI document, checked by the validator first.
let document: any;

beforeAll(async () => {
  server = await startTestServer({ source: await openDuckdbSource(inject('datasetDir')) });
  const { status, contentType, body } = await server.get('/openapi.json');
  expect(status).toBe(200);
  expect(contentType).toMatch(/^application\/json/);
  document = body;
});

afterAll(() => server?.close());

describe('GET /openapi.json', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const validator = new Validator();
    const result = await validator.validate(document);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
    expect(document.info.description).toContain('Synthetic, for non-production testing');
  });

  it('documents every endpoint the server lists, and nothing it hides', async () => {
    const { body } = await server.get('/');
    const listed = body.endpoints.map((entry: { path: string }) => entry.path).sort();
    expect(Object.keys(document.paths).sort()).toEqual(listed);
    for (const path of ['/openapi.json', '/redoc', '/docs', '/docs/json']) {
      expect(document.paths[path]).toBeUndefined();
    }
  });

  it('derives each listing from the catalogue: its row schema, sort columns and filters', () => {
    for (const endpoint of TABLE_ENDPOINTS) {
      const table = tableByName(endpoint.table);
      const operation = document.paths[endpoint.path].get;
      const ok = operation.responses['200'].content['application/json'].schema;
      expect(ok.properties.data.items).toEqual({
        $ref: `#/components/schemas/${endpoint.rowName}`,
      });
      const row = document.components.schemas[endpoint.rowName];
      expect(Object.keys(row.properties)).toEqual(table.columns.map((column) => column.name));
      expect(operation.parameters.every((p: { in: string }) => p.in === 'query')).toBe(true);
      const parameters = new Map(operation.parameters.map((p: { name: string }) => [p.name, p]));
      const sort = parameters.get('sort') as { schema: { enum: string[] } };
      expect(sort.schema.enum).toEqual(table.columns.flatMap((c) => [c.name, `-${c.name}`]));
      for (const filter of endpoint.filters) {
        const names =
          filter.kind === 'equals'
            ? [filter.param ?? filter.column]
            : filter.kind === 'site-code'
              ? ['site_code']
              : [`${filter.prefix}_from`, `${filter.prefix}_to`];
        for (const name of names) expect(parameters.has(name)).toBe(true);
      }
      expect(operation.responses['400'].content['application/problem+json'].schema).toEqual({
        $ref: '#/components/schemas/Problem',
      });
    }
  });

  it("names the dataset's own values in the parameters", () => {
    const parameters = document.paths['/api/v1/projections/ed'].get.parameters;
    const year = parameters.find((p: { name: string }) => p.name === 'year');
    expect(year.schema).toMatchObject({
      type: 'integer',
      minimum: 2025,
      maximum: 2034,
      default: 2025,
    });
    const site = parameters.find((p: { name: string }) => p.name === 'site_code');
    expect(site.schema.enum).toHaveLength(12);
    expect(site.schema.enum).toContain('LM-SNW');
    const size = document.paths['/api/v1/patients'].get.parameters.find(
      (p: { name: string }) => p.name === 'size',
    );
    expect(size.schema).toMatchObject({ type: 'integer', minimum: 1, maximum: 1000, default: 50 });
  });
});
