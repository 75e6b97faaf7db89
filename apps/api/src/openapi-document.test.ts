import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
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
  it('passes `redocly lint` with the recommended rules, warnings included', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lm-synth-openapi-'));
    try {
      const file = join(dir, 'openapi.json');
      writeFileSync(file, JSON.stringify(document));
      const redocly = fileURLToPath(new URL('../node_modules/.bin/redocly', import.meta.url));
      const result = spawnSync(
        redocly,
        ['lint', file, '--extends', 'recommended', '--format', 'json'],
        { encoding: 'utf8' },
      );
      const report = JSON.parse(result.stdout);
      const problems = report.problems.map(
        (problem: { ruleId: string; message: string }) => `${problem.ruleId}: ${problem.message}`,
      );
      expect(problems).toEqual([]);
      expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
      expect(result.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('names every operation, its server and open security, with no safe-integer sentinels', () => {
    const operations = Object.values(document.paths).flatMap((path) =>
      Object.values(path as Record<string, { operationId: string; responses: object }>),
    );
    const ids = operations.map((operation) => operation.operationId);
    expect(new Set(ids).size).toBe(operations.length);
    expect(ids).toContain('listDimensionsSites');
    expect(ids).toContain('getHealth');
    expect(document.servers).toEqual([{ url: '/', description: expect.any(String) }]);
    expect(document.security).toEqual([]);
    const text = JSON.stringify(document);
    expect(text).not.toContain(String(Number.MIN_SAFE_INTEGER));
    expect(text).not.toContain('Default Response');
    for (const operation of operations) expect(Object.keys(operation.responses)).toContain('403');
  });

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
