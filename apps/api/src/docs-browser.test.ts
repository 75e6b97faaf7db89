import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultScenario } from '@lm-synth/config';
import { type BrowserContext, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDuckdbSource } from './open-duckdb-source.js';
import { TABLE_ENDPOINTS } from './table-endpoints.js';
import { startTestServer, type TestServer } from './test-server.js';

/** Debian's chromium package; CI installs it (`apt-get install -y chromium`). */
const CHROMIUM = '/usr/bin/chromium';
const PATHS = [
  '/',
  '/health',
  ...TABLE_ENDPOINTS.map((endpoint) => endpoint.path),
  '/api/v1/projections/ed',
  '/api/v1/validation/summary',
  '/report',
];

// Outside CI a machine without Chromium skips these tests; in CI its absence is a failure.
const skip = !existsSync(CHROMIUM) && !process.env.CI;

describe.skipIf(skip)('the documentation in headless Chromium', () => {
  let server: TestServer;
  let profile: string;
  let browser: BrowserContext;
  /** Requests that left the server: the pages must work without internet access. */
  const external: string[] = [];

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `Chromium is not installed at ${CHROMIUM}; install it with: apt-get install -y chromium`,
      );
    }
    server = await startTestServer({
      source: await openDuckdbSource(inject('datasetDir')),
      validation: { dir: inject('datasetDir'), scenario: defaultScenario() },
    });
    profile = await mkdtemp(join(tmpdir(), 'lm-synth-api-chromium-'));
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    await browser.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(`${server.origin}/`) || url.startsWith('data:')) return route.continue();
      external.push(url);
      return route.abort();
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  it('renders Swagger UI at /docs with every endpoint, within its Content-Security-Policy', async () => {
    const page = await browser.newPage();
    const blocked: string[] = [];
    page.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) blocked.push(message.text());
    });
    const response = await page.goto(`${server.origin}/docs`);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.locator('.opblock').first().waitFor();
    await expect.poll(() => page.locator('.opblock').count()).toBe(PATHS.length);
    const shown = await page
      .locator('.opblock-summary-path')
      .evaluateAll((elements) => elements.map((element) => element.getAttribute('data-path')));
    expect(shown.sort()).toEqual([...PATHS].sort());
    expect(await page.locator('.info .title').textContent()).toContain('lm-synth API');
    expect(blocked).toEqual([]);
    expect(external).toEqual([]);
  });

  it('links the quality report from the docs, and /report loads with no console errors', async () => {
    const docs = await browser.newPage();
    await docs.goto(`${server.origin}/redoc`);
    await docs.locator('a[href="/report"]').first().waitFor();
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${server.origin}/report`);
    expect(await page.locator('section#gates tr.gate').count()).toBeGreaterThan(20);
    expect(await page.locator('figure.chart svg[role="img"]').count()).toBeGreaterThan(10);
    expect(problems).toEqual([]);
    expect(external).toEqual([]);
  });

  it('renders ReDoc at /redoc with every operation', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${server.origin}/redoc`);
    await page
      .getByRole('heading', { name: /lm-synth API/ })
      .first()
      .waitFor();
    const text = (await page.locator('body').textContent()) ?? '';
    for (const endpoint of TABLE_ENDPOINTS) expect(text).toContain(endpoint.summary);
    expect(text).toContain('Synthetic, for non-production testing');
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
  });
});
