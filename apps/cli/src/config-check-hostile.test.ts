import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HostileCorpus, hostileCorpus } from './test-hostile-corpus.js';
import { runCli } from './test-run-cli.js';

const BIN = fileURLToPath(new URL('../dist/bin.js', import.meta.url));

let corpus: HostileCorpus;
beforeAll(() => {
  corpus = hostileCorpus();
});
afterAll(() => corpus.remove());

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Exit 2, nothing on stdout, and on stderr lines `file:line:col …`, the first at the case's position. */
function expectPositioned(
  result: { code: number | null; stdout: string; stderr: string },
  at: string,
  message: string,
) {
  expect(result.stdout).toBe('');
  expect(result.code).toBe(2);
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines[0]).toMatch(new RegExp(`^${escapeRegExp(at)}[: ]`));
  expect(lines[0]).toMatch(new RegExp(message));
  // No stack trace, no warning from a library, nothing unprintable, nothing huge.
  expect(result.stderr).not.toMatch(/^\s+at |Error:|Warning/m);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: no control character may be printed.
  expect(result.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  expect(result.stderr.length).toBeLessThan(5_000);
}

describe('config check on hostile files', () => {
  it.each(hostileCorpus().cases.map((testCase) => [testCase.name, testCase] as const))(
    '%s: one positioned line per error, exit 2',
    async (_name, testCase) => {
      const result = await runCli(['config', 'check', ...corpus.args(testCase)]);
      expect(testCase.exit).toBe(2);
      expectPositioned(result, corpus.at(testCase), testCase.message);
    },
  );

  it.each([
    'billion laughs',
    'a binary file',
    'an alias to an anchor never set',
    'a list as a key',
  ])('the built binary: %s', async (name) => {
    const testCase = corpus.cases.find((candidate) => candidate.name === name)!;
    const result = await promisify(execFile)(
      process.execPath,
      [BIN, 'config', 'check', ...corpus.args(testCase)],
      { env: { ...process.env, NO_COLOR: '1' } },
    ).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expectPositioned(result, corpus.at(testCase), testCase.message);
  });
});
