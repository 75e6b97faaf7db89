import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Proves the packages work as published: packed tarballs (not the workspace)
// installed into a fresh TypeScript project, type-checked and run; the README's
// TypeScript samples too, verbatim, under the configuration `tsc --init` writes.
const repoRoot = resolve(import.meta.dirname, '../../..');
const consumerSources = resolve(import.meta.dirname, 'consumer');

/** The README's ```ts blocks, exactly as written. */
function readmeSamples(): string[] {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  return [...readme.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((match) => match[1]!);
}

interface WorkspacePackage {
  name: string;
  dir: string;
  tarball: string;
}

function workspacePackages(): WorkspacePackage[] {
  return ['packages', 'apps'].flatMap((group) =>
    readdirSync(join(repoRoot, group))
      .map((name) => join(repoRoot, group, name))
      .filter((dir) => existsSync(join(dir, 'package.json')))
      .map((dir) => ({ dir, json: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) }))
      .filter(({ json }) => !json.private)
      .map(({ dir, json }) => ({ name: json.name, dir, tarball: '' })),
  );
}

function run(command: string, args: string[], cwd: string): string {
  return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

describe('published packages', () => {
  const packages = workspacePackages();
  let consumer = '';

  beforeAll(() => {
    consumer = mkdtempSync(join(tmpdir(), 'lm-synth-consumer-'));
    const tarballs = join(consumer, 'tarballs');
    for (const pkg of packages) {
      const output = run('pnpm', ['pack', '--pack-destination', tarballs], pkg.dir);
      const tarball = output.trim().split('\n').at(-1)!;
      expect(tarball.endsWith('.tgz'), output).toBe(true);
      pkg.tarball = tarball;
    }
    // Internal dependencies must resolve to the tarballs too, not the registry.
    const fileSpecs = Object.fromEntries(packages.map((p) => [p.name, `file:${p.tarball}`]));
    writeFileSync(
      join(consumer, 'package.json'),
      `${JSON.stringify(
        {
          name: 'lm-synth-consumer',
          private: true,
          type: 'module',
          dependencies: fileSpecs,
          devDependencies: { typescript: '^5.9.3', '@types/node': '^22.19.0' },
          overrides: fileSpecs,
        },
        null,
        2,
      )}\n`,
    );
    for (const file of readdirSync(consumerSources)) {
      writeFileSync(join(consumer, file), readFileSync(join(consumerSources, file)));
    }
    run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], consumer);
  }, 300_000);

  afterAll(() => {
    if (consumer) rmSync(consumer, { recursive: true, force: true });
  }, 120_000);

  it('leak no workspace: or catalog: ranges', () => {
    for (const pkg of packages) {
      const manifest = run('tar', ['-xOzf', pkg.tarball, 'package/package.json'], consumer);
      expect(manifest, pkg.name).not.toMatch(/"(workspace|catalog):/);
    }
  });

  it('pass publint', async () => {
    for (const pkg of packages) {
      const { messages, pkg: json } = await publint({
        pkgDir: pkg.dir,
        pack: 'pnpm',
        level: 'warning',
      });
      const text = messages.map((message) => formatMessage(message, json));
      expect(text, pkg.name).toEqual([]);
    }
  }, 120_000);

  it('type-check and run in a fresh TypeScript project', () => {
    run(join(consumer, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.json'], consumer);
    const output = run('node', ['dist/index.js'], consumer);
    expect(output).toContain('consumer ok');
    const version = run(join(consumer, 'node_modules/.bin/lm-synth'), ['--version'], consumer);
    expect(version.trim()).toMatch(/^\d+\.\d+\.\d+/);
  }, 120_000);

  it("run the README's TypeScript samples verbatim, type-checked as `tsc --init` configures", () => {
    const samples = readmeSamples();
    expect(samples.length).toBeGreaterThan(0);
    const dir = join(consumer, 'readme');
    mkdirSync(dir);
    const tsc = join(consumer, 'node_modules/.bin/tsc');
    // tsc --init's defaults: strict, noUncheckedIndexedAccess, exactOptionalPropertyTypes,
    // verbatimModuleSyntax, module nodenext; only Node's types are added (`types: []`).
    run(tsc, ['--init'], dir);
    const config = readFileSync(join(dir, 'tsconfig.json'), 'utf8');
    expect(config).toMatch(/^\s*"noUncheckedIndexedAccess": true/m);
    samples.forEach((sample, i) => {
      writeFileSync(join(dir, `sample-${i + 1}.ts`), sample);
    });
    run(tsc, ['-p', 'tsconfig.json', '--types', 'node'], dir);
    for (let i = 1; i <= samples.length; i++) {
      const output = run('node', [`sample-${i}.js`], dir);
      expect(output.length, `sample ${i} printed nothing`).toBeGreaterThan(0);
    }
  }, 300_000);
});
