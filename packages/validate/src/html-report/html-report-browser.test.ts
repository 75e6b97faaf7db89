import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { defaultScenario } from '@lm-synth/config';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTestDataset } from '../test-write-dataset.js';
import { REPORT_CHARTS } from './report-charts.js';
import { writeHtmlReport } from './write-html-report.js';

/** Debian's chromium package; CI installs it (`apt-get install -y chromium`). */
const CHROMIUM = '/usr/bin/chromium';
const SECTIONS = ['overview', 'gates', 'population', 'ed', 'inpatient', 'compare'];

// Outside CI a machine without Chromium skips these tests; in CI its absence is a failure.
const skip = !existsSync(CHROMIUM) && !process.env.CI;

describe.skipIf(skip)('the HTML report in headless Chromium', () => {
  let root: string;
  let reportPath: string;
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `Chromium is not installed at ${CHROMIUM}; install it with: apt-get install -y chromium`,
      );
    }
    root = await mkdtemp(join(tmpdir(), 'lm-synth-report-browser-'));
    await writeTestDataset(join(root, 'sample'), { patients: 2_000, seed: 21 });
    await writeTestDataset(join(root, 'training'), { patients: 2_000, seed: 22 });
    reportPath = join(root, 'report.html');
    await writeHtmlReport(join(root, 'sample'), defaultScenario(), {
      out: reportPath,
      compare: join(root, 'training'),
    });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
  });

  afterAll(async () => {
    await browser?.close();
    if (root) await rm(root, { recursive: true, force: true });
  });

  /** Opens the report; every request but the file itself is recorded and refused. */
  async function open(options: { javaScriptEnabled?: boolean } = {}) {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      ...options,
    });
    const requests: string[] = [];
    const problems: string[] = [];
    const url = pathToFileURL(reportPath).href;
    await context.route('**/*', (route) => {
      const requested = route.request().url();
      if (requested === url) return route.continue();
      requests.push(requested);
      return route.abort();
    });
    const page: Page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('requestfailed', (request) => problems.push(`failed: ${request.url()}`));
    await page.goto(url, { waitUntil: 'load' });
    return { page, requests, problems, close: () => context.close() };
  }

  it('loads with no console errors and no network requests, every section and chart present', async () => {
    const { page, requests, problems, close } = await open();
    try {
      for (const section of SECTIONS) {
        expect(await page.locator(`section#${section} h2`).count(), section).toBe(1);
      }
      for (const chart of REPORT_CHARTS) {
        const figure = page.locator(`figure#${chart.id}`);
        expect(await figure.count(), chart.id).toBe(1);
        const svg = figure.locator('svg[role="img"]');
        expect(await svg.count(), chart.id).toBe(1);
        // Accessible: a title and a description, named by aria-labelledby.
        expect(await svg.locator('title').textContent()).toBe(chart.title);
        expect((await svg.locator('desc').textContent())?.length, chart.id).toBeGreaterThan(20);
        expect(await svg.getAttribute('aria-labelledby')).toBe(
          `${chart.id}-title ${chart.id}-desc`,
        );
        const box = await svg.boundingBox();
        expect(box?.width, chart.id).toBeGreaterThan(200);
        // The numbers behind the chart, in a table.
        expect(
          await figure.locator('details.data table tbody tr').count(),
          chart.id,
        ).toBeGreaterThan(0);
        expect(await figure.locator('.reading').textContent()).not.toBe('');
      }
      // Ids are unique across the inline SVGs (Vega's clip paths included).
      const ids = await page
        .locator('[id]')
        .evaluateAll((elements) => elements.map((element) => element.id));
      expect(ids.length).toBe(new Set(ids).size);
      await page.screenshot({ path: join(root, 'report.png'), fullPage: true });
      expect((await stat(join(root, 'report.png'))).size).toBeGreaterThan(50_000);
      expect(problems).toEqual([]);
      expect(requests).toEqual([]);
    } finally {
      await close();
    }
  });

  it('shows every gate with its status, an inconclusive gate as INCONCLUSIVE', async () => {
    const { page, close } = await open();
    try {
      const html = await readFile(reportPath, 'utf8');
      const rows = page.locator('section#gates tr.gate');
      expect(await rows.count()).toBeGreaterThanOrEqual(27);
      // At 2,000 patients per-site occupancy cannot detect a 10% deviation.
      const occupancy = page.locator('tr[data-gate="occupancy-band"]');
      expect(await occupancy.getAttribute('data-status')).toBe('inconclusive');
      expect(await occupancy.locator('.badge').textContent()).toContain('INCONCLUSIVE');
      for (const id of ['privacy-dcr', 'privacy-nndr', 'privacy-pmse']) {
        expect(await page.locator(`tr[data-gate="${id}"]`).count(), id).toBe(1);
      }
      expect(html).toContain('Synthetic, for non-production testing');
    } finally {
      await close();
    }
  });

  it('reads the same without JavaScript, and prints with every table open', async () => {
    const { page, close } = await open({ javaScriptEnabled: false });
    try {
      expect(await page.locator('figure.chart svg[role="img"]').count()).toBe(REPORT_CHARTS.length);
      const table = page.locator('figure#ed-hour-profile details.data table');
      expect(await table.isVisible()).toBe(false);
      await page.emulateMedia({ media: 'print' });
      expect(await table.isVisible()).toBe(true);
      const pdf = await page.pdf({ format: 'A4' });
      await writeFile(join(root, 'report.pdf'), pdf);
      expect(pdf.byteLength).toBeGreaterThan(100_000);
    } finally {
      await close();
    }
  });
});
