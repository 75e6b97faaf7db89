import { defaultScenario } from '@lm-synth/config';
import { tableByName } from '@lm-synth/dims';
import { type Dataset, openDataset, SYNTHETIC_NOTICE } from '@lm-synth/export-arrow';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { API_VERSION } from './api-version.js';
import { openDuckdbSource } from './open-duckdb-source.js';
import { TABLE_ENDPOINTS } from './table-endpoints.js';
import { startTestServer, type TestServer } from './test-server.js';

const datasetDir = inject('datasetDir');
let server: TestServer;
let reference: Dataset;

beforeAll(async () => {
  server = await startTestServer({
    source: await openDuckdbSource(datasetDir),
    validation: { dir: datasetDir, scenario: defaultScenario() },
  });
  reference = await openDataset(datasetDir);
});

afterAll(async () => {
  await server?.close();
  reference?.close();
});

/** One value from the reference connection, which reads the same files without the API. */
async function scalar(sql: string): Promise<number> {
  const reader = await reference.connection.runAndReadAll(sql);
  return Number(reader.getRows()[0]?.[0]);
}

async function rows(sql: string): Promise<Record<string, unknown>[]> {
  return (await reference.connection.runAndReadAll(sql)).getRowObjectsJson() as Record<
    string,
    unknown
  >[];
}

/** Open connections to `target`'s HTTP server. */
function connections(target: TestServer): Promise<number> {
  return new Promise((done, fail) =>
    target.app.server.getConnections((error, count) => (error ? fail(error) : done(count))),
  );
}

/** Every row of a listing, following `links.next` from `path`. */
async function walk(path: string): Promise<Record<string, unknown>[]> {
  const all: Record<string, unknown>[] = [];
  let next: string | null = path;
  while (next !== null) {
    const { status, body } = await server.get(next);
    expect(status).toBe(200);
    all.push(...body.data);
    next = body.links.next;
  }
  return all;
}

describe('GET /', () => {
  it('names the service, its version and the synthetic-data notice, and lists every endpoint', async () => {
    const { status, body } = await server.get('/');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      name: 'lm-synth API',
      version: API_VERSION,
      notice: SYNTHETIC_NOTICE,
      source: { kind: 'duckdb' },
      dataset: {
        patients: 1000,
        format: 'parquet',
        startYear: 2025,
        timeZone: 'America/Vancouver',
      },
      documentation: {
        swagger_ui: '/docs',
        redoc: '/redoc',
        openapi: '/openapi.json',
        report: '/report',
      },
    });
    const paths = body.endpoints.map((entry: { path: string }) => entry.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/',
        '/health',
        ...TABLE_ENDPOINTS.map((endpoint) => endpoint.path),
        '/api/v1/projections/ed',
        '/api/v1/validation/summary',
        '/report',
      ]),
    );
    expect(paths).not.toContain('/openapi.json');
  });
});

describe('GET /health', () => {
  it('answers ok once the data source answers a query', async () => {
    expect(await server.get('/health')).toMatchObject({
      status: 200,
      body: { status: 'ok', source: 'duckdb' },
    });
  });
});

describe.each(TABLE_ENDPOINTS)('GET $path', (endpoint) => {
  const table = tableByName(endpoint.table);

  it(`serves ${endpoint.table}: total, columns and the first page in primary-key order`, async () => {
    const { status, contentType, body } = await server.get(endpoint.path);
    expect(status).toBe(200);
    expect(contentType).toMatch(/^application\/json/);
    const total = await scalar(`SELECT COUNT(*) FROM ${table.name}`);
    expect(total).toBeGreaterThan(0);
    expect(body).toMatchObject({ page: 1, size: 50, total, pages: Math.ceil(total / 50) });
    expect(body.data).toHaveLength(Math.min(total, 50));
    for (const row of body.data) expect(Object.keys(row)).toEqual(table.columns.map((c) => c.name));
    const key = table.primaryKey.join(', ');
    const expected = await rows(`SELECT ${key} FROM ${table.name} ORDER BY ${key} LIMIT 50`);
    const pick = (row: Record<string, unknown>) =>
      table.primaryKey.map((name) => String(row[name]));
    expect(body.data.map(pick)).toEqual(expected.map(pick));
  });
});

describe('pagination', () => {
  it('links the first page to the second and has no previous page', async () => {
    const { body } = await server.get('/api/v1/patients?age_group=25-44');
    expect(body.links).toEqual({
      self: '/api/v1/patients?age_group=25-44&page=1&size=50',
      first: '/api/v1/patients?age_group=25-44&page=1&size=50',
      last: `/api/v1/patients?age_group=25-44&page=${body.pages}&size=50`,
      next: '/api/v1/patients?age_group=25-44&page=2&size=50',
      previous: null,
    });
  });

  it('ends with a partial last page that has no next page', async () => {
    const total = await scalar('SELECT COUNT(*) FROM patients');
    const size = 7;
    const last = Math.ceil(total / size);
    const { body } = await server.get(`/api/v1/patients?size=${size}&page=${last}`);
    expect(body.data).toHaveLength(total - (last - 1) * size);
    expect(body.links.next).toBeNull();
    expect(body.links.previous).toBe(`/api/v1/patients?size=${size}&page=${last - 1}`);
  });

  it('answers a page beyond the end with no rows and a link back to the last page', async () => {
    const { status, body } = await server.get('/api/v1/dimensions/sites?page=99&size=5');
    expect(status).toBe(200);
    expect(body).toMatchObject({ data: [], page: 99, total: 12, pages: 3 });
    expect(body.links.next).toBeNull();
    expect(body.links.previous).toBe('/api/v1/dimensions/sites?page=3&size=5');
  });

  it('accepts the largest page size', async () => {
    const { status, body } = await server.get('/api/v1/patients?size=1000');
    expect(status).toBe(200);
    expect(body.data).toHaveLength(1000);
    // 1,000 residents and the entrants of the encounter years: a second page.
    expect(body.total).toBeGreaterThan(1000);
    expect(body.links.next).toBe('/api/v1/patients?size=1000&page=2');
  });

  it('visits every row exactly once, in order, when following next links', async () => {
    const whole = await server.get('/api/v1/patients?gender=Female&sort=-dob&size=1000');
    const walked = await walk('/api/v1/patients?gender=Female&sort=-dob&size=37');
    expect(walked.length).toBe(whole.body.total);
    expect(walked).toEqual(whole.body.data);
  });
});

describe('filters', () => {
  it('combines equality filters with AND and counts what matches', async () => {
    const all = await walk('/api/v1/patients?age_group=25-44&gender=Female&lha_id=3&size=1000');
    expect(all.length).toBe(
      await scalar(
        "SELECT COUNT(*) FROM patients WHERE age_group = '25-44' AND gender = 'Female' AND lha_id = 3",
      ),
    );
    expect(all.length).toBeGreaterThan(0);
    for (const row of all)
      expect(row).toMatchObject({ age_group: '25-44', gender: 'Female', lha_id: 3 });
  });

  it('finds the same patients by facility id and by site code', async () => {
    const [site] = await rows('SELECT site_id, site_code FROM dim_site WHERE site_id = 2');
    const byId = await server.get('/api/v1/patients?facility_id=2&size=1000');
    const byCode = await server.get(`/api/v1/patients?site_code=${site!.site_code}&size=1000`);
    expect(byId.body.total).toBe(
      await scalar('SELECT COUNT(*) FROM patients WHERE facility_home_id = 2'),
    );
    expect(byCode.body.data).toEqual(byId.body.data);
    for (const row of byId.body.data) expect(row.facility_home_id).toBe(2);
  });

  it("lists one patient's encounters", async () => {
    const [busiest] = await rows(
      'SELECT patient_id, COUNT(*) AS n FROM ed_encounters GROUP BY patient_id ORDER BY n DESC, patient_id LIMIT 1',
    );
    const { body } = await server.get(`/api/v1/encounters/ed?patient_id=${busiest!.patient_id}`);
    expect(body.total).toBe(Number(busiest!.n));
    for (const row of body.data) expect(row.patient_id).toBe(busiest!.patient_id);
    const none = await server.get('/api/v1/encounters/ed?patient_id=PFFFFFFFFFFFF');
    expect(none).toMatchObject({ status: 200, body: { total: 0, data: [] } });
  });

  it('takes date ranges as whole UTC days, both ends included', async () => {
    const all = await walk(
      '/api/v1/encounters/ed?arrival_from=2025-03-01&arrival_to=2025-03-31&size=1000',
    );
    expect(all.length).toBe(
      await scalar(
        "SELECT COUNT(*) FROM ed_encounters WHERE arrival_ts >= TIMESTAMPTZ '2025-03-01 00:00:00+00' AND arrival_ts < TIMESTAMPTZ '2025-04-01 00:00:00+00'",
      ),
    );
    expect(all.length).toBeGreaterThan(0);
    for (const row of all) expect(String(row.arrival_ts).slice(0, 7)).toBe('2025-03');
    const oneDay = await server.get('/api/v1/patients?dob_from=1990-06-15&dob_to=1990-06-15');
    for (const row of oneDay.body.data) expect(row.dob).toBe('1990-06-15');
    expect(oneDay.body.total).toBe(
      await scalar("SELECT COUNT(*) FROM patients WHERE dob = DATE '1990-06-15'"),
    );
  });

  it('filters inpatient stays by program, admission source and ALC flag', async () => {
    const all = await walk('/api/v1/encounters/ip?alc_flag=true&size=1000');
    expect(all.length).toBe(await scalar('SELECT COUNT(*) FROM ip_stays WHERE alc_flag'));
    for (const row of all) expect(row.alc_flag).toBe(true);
    const { body } = await server.get('/api/v1/encounters/ip?program_id=1&admission_source=ED');
    expect(body.total).toBe(
      await scalar(
        "SELECT COUNT(*) FROM ip_stays WHERE program_id = 1 AND admission_source = 'ED'",
      ),
    );
    for (const row of body.data)
      expect(row).toMatchObject({ program_id: 1, admission_source: 'ED' });
  });

  it('narrows population projections to a year, area and segment', async () => {
    const { body } = await server.get('/api/v1/population/projections?year=2030&lha_id=4');
    expect(body.total).toBe(8 * 3); // age groups x genders
    for (const row of body.data) expect(row).toMatchObject({ year: 2030, lha_id: 4 });
    const rates = await server.get(
      '/api/v1/population/ed-rates?ed_subservice=Pediatric%20ED&gender=Male',
    );
    expect(rates.body.total).toBe(
      await scalar(
        "SELECT COUNT(*) FROM ed_baseline_rates WHERE ed_subservice = 'Pediatric ED' AND gender = 'Male'",
      ),
    );
  });
});

describe('sorting', () => {
  it('sorts descending with -column and breaks ties by the primary key', async () => {
    const { body } = await server.get('/api/v1/patients?sort=-dob&size=1000');
    const keys = body.data.map((row: { dob: string; patient_id: string }) => [
      row.dob,
      row.patient_id,
    ]);
    const sorted = [...keys].sort((a, b) =>
      a[0] === b[0] ? (a[1] < b[1] ? -1 : 1) : a[0] < b[0] ? 1 : -1,
    );
    expect(keys).toEqual(sorted);
  });

  it('puts nulls last whichever the direction', async () => {
    for (const sort of ['ed_encounter_id', '-ed_encounter_id']) {
      const all = await walk(`/api/v1/encounters/ip?sort=${sort}&size=1000`);
      const ids = all.map((row) => row.ed_encounter_id as number | null);
      const firstNull = ids.indexOf(null);
      expect(firstNull).toBeGreaterThan(0);
      expect(ids.slice(firstNull).every((value) => value === null)).toBe(true);
      const values = ids.slice(0, firstNull) as number[];
      const ordered = [...values].sort((a, b) => (sort.startsWith('-') ? b - a : a - b));
      expect(values).toEqual(ordered);
    }
  });
});

describe('GET /api/v1/projections/ed', () => {
  const pick = (row: Record<string, unknown>) => ({
    year: Number(row.year),
    facility: row.facility,
    ed_subservice: row.ed_subservice,
    projected_volumes: Number(row.projected_volumes),
  });

  it('is the blueprint projection of the first year by default, largest volumes first', async () => {
    const { status, body } = await server.get('/api/v1/projections/ed?size=1000');
    expect(status).toBe(200);
    const view = await rows('SELECT * FROM v_ed_volume_projection WHERE year = 2025');
    expect(body.data.map(pick)).toEqual(view.map(pick));
    expect(body.total).toBe(view.length);
  });

  it('takes a year, a facility and a subservice', async () => {
    const { body } = await server.get(
      '/api/v1/projections/ed?year=2030&site_code=LM-SNW&size=1000',
    );
    const view = await rows(
      "SELECT * FROM v_ed_volume_projection WHERE year = 2030 AND facility = 'LM-SNW'",
    );
    expect(body.data.map(pick)).toEqual(view.map(pick));
    const adult = await server.get('/api/v1/projections/ed?ed_subservice=Adult%20ED&sort=facility');
    const facilities = adult.body.data.map((row: { facility: string }) => row.facility);
    expect(facilities).toEqual([...facilities].sort());
    for (const row of adult.body.data)
      expect(row).toMatchObject({ year: 2025, ed_subservice: 'Adult ED' });
  });

  it('is the routed projection with routing=routed', async () => {
    const { status, body } = await server.get(
      '/api/v1/projections/ed?routing=routed&year=2026&size=1000',
    );
    expect(status).toBe(200);
    const view = await rows('SELECT * FROM v_ed_volume_projection_routed WHERE year = 2026');
    expect(body.data.map(pick)).toEqual(view.map(pick));
    // Pediatric ED volume only where Pediatric ED is offered.
    const offering = await rows(
      "SELECT s.site_code FROM ed_routing r JOIN dim_site s ON s.site_id = r.facility_id WHERE r.ed_subservice = 'Pediatric ED'",
    );
    const sites = new Set(offering.map((row) => row.site_code));
    for (const row of body.data)
      if (row.ed_subservice === 'Pediatric ED') expect(sites.has(row.facility)).toBe(true);
  });

  it('pages like every listing', async () => {
    const whole = await server.get('/api/v1/projections/ed?year=2027&size=1000');
    expect(await walk('/api/v1/projections/ed?year=2027&size=5')).toEqual(whole.body.data);
  });
});

describe('GET /api/v1/validation/summary', () => {
  it('is the validate report of the dataset', async () => {
    const { status, body } = await server.get('/api/v1/validation/summary');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      schemaVersion: 1,
      scenario: { matchesDataset: true },
      notice: SYNTHETIC_NOTICE,
    });
    expect(body.gates.map((gate: { id: string }) => gate.id)).toEqual(
      expect.arrayContaining(['primary-keys', 'foreign-keys']),
    );
    expect(body.gates.find((gate: { id: string }) => gate.id === 'foreign-keys').status).toBe(
      'pass',
    );
  });
});

describe('GET /report', () => {
  it('is the HTML quality report, self-contained, naming the dataset without its server path', async () => {
    const response = await fetch(`${server.origin}/report`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await response.text();
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain(SYNTHETIC_NOTICE);
    expect(html).toContain('data-gate="foreign-keys"');
    expect(html).not.toContain(datasetDir);
    expect(html).not.toMatch(/<script|<link|src=|https?:\/\/(?!www\.w3\.org)/);
  });
});

describe('invalid requests', () => {
  it.each([
    ['/api/v1/patients?size=-1', 'size'],
    ['/api/v1/patients?size=0', 'size'],
    ['/api/v1/patients?size=1001', 'size'],
    ['/api/v1/patients?size=', 'size'],
    ['/api/v1/patients?page=abc', 'page'],
    ['/api/v1/patients?page=0', 'page'],
    ['/api/v1/patients?page=1.5', 'page'],
    ['/api/v1/patients?page=1&page=2', 'page'],
    ['/api/v1/patients?sort=favourite_colour', 'sort'],
    ['/api/v1/patients?sort=--dob', 'sort'],
    ['/api/v1/patients?age_group=90-99', 'age_group'],
    ['/api/v1/patients?gender=Unknown', 'gender'],
    ['/api/v1/patients?facility_id=13', 'facility_id'],
    ['/api/v1/patients?lha_id=abc', 'lha_id'],
    ['/api/v1/patients?site_code=LM-XXX', 'site_code'],
    ['/api/v1/patients?patient_id=', 'patient_id'],
    ['/api/v1/patients?dob_from=1990-02-30', 'dob_from'],
    ['/api/v1/patients?colour=blue', 'colour'],
    ['/api/v1/encounters/ed?arrival_from=2025-03-05&arrival_to=2025-03-01', 'arrival_to'],
    ['/api/v1/encounters/ed?ed_subservice=Dental', 'ed_subservice'],
    ['/api/v1/encounters/ip?alc_flag=yes', 'alc_flag'],
    ['/api/v1/encounters/ip?program_id=17', 'program_id'],
    ['/api/v1/population/projections?year=2024', 'year'],
    ['/api/v1/projections/ed?year=2035', 'year'],
    ['/api/v1/projections/ed?sort=patients', 'sort'],
  ])('%s is a 400 naming %s', async (path, parameter) => {
    const { status, contentType, body } = await server.get(path);
    expect(status).toBe(400);
    expect(contentType).toMatch(/^application\/problem\+json/);
    expect(body).toMatchObject({
      type: 'urn:lm-synth:problem:invalid-parameters',
      title: 'Invalid query parameters',
      status: 400,
      instance: path,
    });
    expect(body.detail).toContain(parameter);
    expect(body.invalid_params.map((entry: { name: string }) => entry.name)).toEqual([parameter]);
    expect(body.invalid_params[0].reason).not.toBe('');
  });

  it('names every invalid parameter of a request', async () => {
    const { body } = await server.get('/api/v1/patients?size=-1&page=abc&colour=blue');
    expect(body.invalid_params.map((entry: { name: string }) => entry.name).sort()).toEqual([
      'colour',
      'page',
      'size',
    ]);
    expect(
      body.invalid_params.find((entry: { name: string }) => entry.name === 'colour').reason,
    ).toContain('age_group');
  });

  it('answers unknown routes and methods with a 404 problem', async () => {
    for (const path of ['/api/v1/nurses', '/api/v2/patients', '/api/v1/patients/P1']) {
      const { status, contentType, body } = await server.get(path);
      expect(status).toBe(404);
      expect(contentType).toMatch(/^application\/problem\+json/);
      expect(body).toMatchObject({ status: 404, title: 'Not Found', instance: path });
    }
    const post = await fetch(`${server.origin}/api/v1/patients`, { method: 'POST' });
    expect(post.status).toBe(404);
  });
});

describe('closing', () => {
  it('finishes the requests in flight and ends their keep-alive connections', async () => {
    const other = await startTestServer({
      source: await openDuckdbSource(datasetDir),
      validation: { dir: datasetDir, scenario: defaultScenario() },
    });
    // The first validation summary is computed on request, so it is still running when close() starts.
    const pending = fetch(`${other.origin}/api/v1/validation/summary`);
    await expect.poll(() => connections(other)).toBe(1);
    const closed = other.close();
    const response = await pending;
    expect(response.status).toBe(200);
    expect(response.headers.get('connection')).toBe('close');
    expect(((await response.json()) as { schemaVersion: number }).schemaVersion).toBe(1);
    // Without `connection: close` this would wait for the 72 s keep-alive timeout, past the test's.
    await closed;
  });
});

describe('a dataset without ED encounters and inpatient stays', () => {
  it('answers their endpoints with a 404 that says why, and serves the rest', async () => {
    const dir = inject('noFactsDatasetDir');
    const other = await startTestServer({ source: await openDuckdbSource(dir) });
    try {
      const ed = await other.get('/api/v1/encounters/ed');
      expect(ed.status).toBe(404);
      expect(ed.contentType).toMatch(/^application\/problem\+json/);
      expect(ed.body.detail).toContain('--no-ed');
      expect((await other.get('/api/v1/encounters/ip')).body.detail).toContain('--no-ip');
      // 100 residents and the entrants of the encounter years (the cohort exists without facts).
      expect((await other.get('/api/v1/patients')).body.total).toBeGreaterThan(100);
      const validation = await other.get('/api/v1/validation/summary');
      expect(validation.status).toBe(404);
      expect(validation.body.detail).toContain('--in');
    } finally {
      await other.close();
    }
  });
});
