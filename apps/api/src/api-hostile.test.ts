import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { defaultScenario } from '@lm-synth/config';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDuckdbSource } from './open-duckdb-source.js';
import { PROBLEM_MEDIA_TYPE } from './problem.js';
import { TABLE_ENDPOINTS } from './table-endpoints.js';
import { startTestServer, type TestServer } from './test-server.js';

const datasetDir = inject('datasetDir');
let server: TestServer;
let port: number;

beforeAll(async () => {
  server = await startTestServer({
    source: await openDuckdbSource(datasetDir),
    validation: { dir: datasetDir, scenario: defaultScenario() },
  });
  port = Number(new URL(server.origin).port);
});

afterAll(async () => {
  await server?.close();
});

interface RawResponse {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/** A GET with exactly this request target and these headers: fetch() would normalise both. */
function rawGet(target: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      { host: '127.0.0.1', port, path: target, method: 'GET', headers, insecureHTTPParser: true },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    request.on('error', reject);
    request.end();
  });
}

/** Bytes on a socket, for requests no HTTP client would send; resolves with the whole answer. */
function rawSocket(bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(bytes));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.on('error', reject);
  });
}

function expectProblem(response: RawResponse, status?: number): void {
  if (status !== undefined) expect(response.status).toBe(status);
  expect(response.status).toBeGreaterThanOrEqual(400);
  expect(response.status).toBeLessThan(500);
  expect(response.headers['content-type']).toContain(PROBLEM_MEDIA_TYPE);
  const problem = JSON.parse(response.body) as { status: number; detail: string };
  expect(problem.status).toBe(response.status);
  expect(problem.detail).toEqual(expect.any(String));
}

const DAY_PARAMETERS = TABLE_ENDPOINTS.flatMap((endpoint) =>
  endpoint.filters.flatMap((filter) =>
    filter.kind === 'day-range'
      ? [
          [endpoint.path, `${filter.prefix}_from`],
          [endpoint.path, `${filter.prefix}_to`],
        ]
      : [],
  ),
);

describe('the API under hostile input', () => {
  it.each(DAY_PARAMETERS)('%s?%s= takes extreme days without a 5xx', async (path, name) => {
    for (const day of ['9999-12-31', '0000-01-01', '0001-01-01', '1000-01-01', '9999-12-30']) {
      const response = await rawGet(`${path}?${name}=${day}`);
      expect(response.status, `${name}=${day}`).toBeLessThan(500);
      if (response.status >= 400) expectProblem(response);
    }
    const everything = await rawGet(`${path}?${name.replace(/_to$/, '_from')}=0001-01-01`);
    const allRows = await rawGet(path);
    expect(JSON.parse(everything.body).total).toBe(JSON.parse(allRows.body).total);
  });

  it('answers the far end of time with every row, clamped rather than refused', async () => {
    const response = await rawGet('/api/v1/patients?dob_to=9999-12-31&size=1');
    expect(response.status).toBe(200);
    const all = await rawGet('/api/v1/patients?size=1');
    expect(JSON.parse(response.body).total).toBe(JSON.parse(all.body).total);
  });

  it('keeps absolute server paths out of the validation summary', async () => {
    const response = await rawGet('/api/v1/validation/summary');
    expect(response.status).toBe(200);
    expect(response.body).not.toContain(datasetDir);
    expect(response.body).not.toMatch(/"\/(?:tmp|home|root|srv|var|Users)\//);
  });

  it('answers many unknown parameters with a short 400', async () => {
    const query = Array.from({ length: 1000 }, (_, i) => `u${i}=1`).join('&');
    const response = await rawGet(`/api/v1/patients?${query}`);
    expectProblem(response, 400);
    expect(response.body.length).toBeLessThan(4096);
    expect(response.body).toContain('u0');
  });

  it('answers one absurdly long parameter name with a short 400', async () => {
    const response = await rawGet(`/api/v1/patients?${'x'.repeat(12_000)}=1`);
    expectProblem(response, 400);
    expect(response.body.length).toBeLessThan(4096);
  });

  it('answers headers too large with a 431 problem', async () => {
    const response = await rawGet('/health', { 'x-padding': 'x'.repeat(20_000) });
    expectProblem(response, 431);
    const longUrl = await rawGet(`/api/v1/patients?sort=${'x'.repeat(20_000)}`);
    expectProblem(longUrl, 431);
  });

  it('answers malformed URLs and requests with a 400 problem', async () => {
    for (const target of [
      '/api/v1/%zz',
      '/api/v1/patients/%',
      '/%c0%af',
      '/api/v1/patients?page=%zz',
    ]) {
      const response = await rawGet(target);
      expect(response.status, target).toBeLessThan(500);
      expect(response.headers['content-type'], target).toContain(PROBLEM_MEDIA_TYPE);
    }
    const garbage = await rawSocket(
      'GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nBad Header\r\n\r\n',
    );
    expect(garbage).toMatch(/^HTTP\/1\.1 400 /);
    expect(garbage).toContain(`content-type: ${PROBLEM_MEDIA_TYPE}`);
  });

  it('tells browsers not to sniff, and locks down the docs pages', async () => {
    for (const path of ['/', '/health', '/api/v1/patients', '/nowhere', '/docs', '/openapi.json']) {
      const response = await rawGet(path);
      expect(response.headers['x-content-type-options'], path).toBe('nosniff');
    }
    const docs = await rawGet('/docs/');
    expect(docs.status).toBe(200);
    const csp = String(docs.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'self'");
  });

  it('refuses a Host it does not answer to when listening on loopback (DNS rebinding)', async () => {
    const rebound = await rawGet('/api/v1/patients', { host: `attacker.example:${port}` });
    expectProblem(rebound, 403);
    expect(rebound.body).not.toContain('"data"');
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, 'localhost']) {
      expect((await rawGet('/health', { host })).status, host).toBe(200);
    }
  });

  it('answers any day on any day filter without a 5xx', async () => {
    // The ends of the calendar ISO dates can name, and anything between.
    const day = fc.oneof(
      fc.constantFrom('0000-01-01', '9999-12-31'),
      fc
        .date({
          min: new Date('0000-01-01T00:00:00Z'),
          max: new Date('9999-12-31T00:00:00Z'),
          // fast-check 4 also draws Invalid Date unless told not to.
          noInvalidDate: true,
        })
        .map((date) => date.toISOString().slice(0, 10)),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...DAY_PARAMETERS), day, async ([path, name], value) => {
        const response = await rawGet(`${path}?${name}=${value}&size=1`);
        expect(response.status).toBeLessThan(500);
        if (response.status >= 400) expectProblem(response);
      }),
      { numRuns: 200 },
    );
  });

  it('answers any query on any listing without a 5xx, and every error as problem+json', async () => {
    const names = [
      ...new Set(
        TABLE_ENDPOINTS.flatMap((endpoint) =>
          endpoint.filters.flatMap((filter) =>
            filter.kind === 'day-range'
              ? [`${filter.prefix}_from`, `${filter.prefix}_to`]
              : [filter.kind === 'site-code' ? 'site_code' : (filter.param ?? filter.column)],
          ),
        ),
      ),
      'page',
      'size',
      'sort',
      'year',
    ];
    const value = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc.integer().map(String),
      fc.double().map(String),
      fc.bigInt().map(String),
      fc.date({ noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10)),
      fc
        .tuple(
          fc.integer({ min: 0, max: 9999 }),
          fc.integer({ min: 0, max: 99 }),
          fc.integer({ min: 0, max: 99 }),
        )
        .map(
          ([y, m, d]) =>
            `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
        ),
      fc.constantFrom(
        '9999-12-31',
        '-1',
        '1e308',
        'NaN',
        'Infinity',
        '-0',
        '0x10',
        ' 1',
        '',
        '-id',
      ),
    );
    const paths = [...TABLE_ENDPOINTS.map((endpoint) => endpoint.path), '/api/v1/projections/ed'];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...paths),
        fc.array(fc.tuple(fc.oneof(fc.constantFrom(...names), fc.string()), value), {
          maxLength: 4,
        }),
        async (path, parameters) => {
          const query = new URLSearchParams(parameters).toString();
          const response = await rawGet(query === '' ? path : `${path}?${query}`);
          expect(response.status).toBeLessThan(500);
          if (response.status >= 400) expectProblem(response);
        },
      ),
      { numRuns: 300 },
    );
  });
});
