import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// What the README tells users to type from the repository root: pnpm must add nothing to stdout.
const repoRoot = resolve(import.meta.dirname, '../../..');
const root = mkdtempSync(join(tmpdir(), 'lm-synth-root-scripting-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const pnpm = (args: string[]) =>
  execFileSync('pnpm', args, {
    cwd: repoRoot,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });

describe('scripting from the repository root', () => {
  it('pnpm lm-synth … --json prints only the JSON, and pnpm exec lm-synth finds the command', () => {
    const out = join(root, 'out');
    pnpm(['lm-synth', 'generate', '--patients', '100', '--encounter-years', '1', '--out', out]);
    const stdout = pnpm(['lm-synth', 'sql', '--in', out, '--json', 'SELECT 1 AS one']);
    expect(JSON.parse(stdout)).toEqual([{ one: 1 }]);
    expect(pnpm(['exec', 'lm-synth', '--version']).trim()).toMatch(/^\d+\.\d+\.\d+/);
  }, 120_000);
});
