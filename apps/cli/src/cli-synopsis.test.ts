import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliSynopsis } from './cli-synopsis.js';
import { createCli } from './create-cli.js';
import { README_SYNOPSIS } from './readme-synopsis-markers.js';

const readme = join(import.meta.dirname, '../../../README.md');

describe('the README command table', () => {
  it('is the one the commands define (regenerate: pnpm --filter @lm-synth/cli synopsis)', () => {
    const text = readFileSync(readme, 'utf8');
    const start = text.indexOf(README_SYNOPSIS.start);
    const end = text.indexOf(README_SYNOPSIS.end);
    expect(start, 'README has the synopsis markers').toBeGreaterThanOrEqual(0);
    expect(end).toBeGreaterThan(start);
    const inReadme = text.slice(start + README_SYNOPSIS.start.length, end).trim();
    expect(inReadme).toBe(cliSynopsis(createCli()));
  });

  it('shows switches as users type them and every command', () => {
    const synopsis = cliSynopsis(createCli());
    expect(synopsis).toContain('[--no-ed]');
    expect(synopsis).not.toContain('--with-ed');
    expect(synopsis).toContain('`lm-synth generate [--patients …]');
    expect(synopsis).toContain('[--encounter-years …]');
    expect(synopsis).toContain('[--mysql …]');
    expect(synopsis).toContain('[--tls-ca …]');
    expect(synopsis.split('\n')).toHaveLength(2 + createCli().definitions().length);
  });
});
