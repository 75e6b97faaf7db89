import {
  copyFileSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The corpus @lm-synth/config runs through loadScenario (see its test-hostile-corpus.ts).
const FIXTURES = fileURLToPath(
  new URL('../../../packages/config/test-fixtures/hostile/', import.meta.url),
);
const CONFIGS = fileURLToPath(new URL('../../../configs/', import.meta.url));
const BASE = 'lower_mainland_defaults.yaml';

export interface HostileCase {
  readonly name: string;
  readonly configs: readonly string[];
  readonly exit: number;
  /** `file:line:col` of the first error, the file relative to the corpus directory. */
  readonly at: string;
  /** A regular expression the first error's line must match. */
  readonly message: string;
}

interface Corpus {
  readonly generated: Record<string, readonly { text?: string; hex?: string; repeat?: number }[]>;
  readonly cases: readonly HostileCase[];
}

export interface HostileCorpus {
  readonly cases: readonly HostileCase[];
  /** `--config` arguments of a case: the defaults, then its files. */
  args(testCase: HostileCase): string[];
  /** The case's expected `file:line:col` with the file as the CLI names it. */
  at(testCase: HostileCase): string;
  path(name: string): string;
  remove(): void;
}

/** The hostile scenario corpus in a temporary directory, generated files included. */
export function hostileCorpus(): HostileCorpus {
  const corpus = JSON.parse(readFileSync(join(FIXTURES, 'cases.json'), 'utf8')) as Corpus;
  const dir = mkdtempSync(join(tmpdir(), 'lm-synth-cli-hostile-'));
  for (const name of readdirSync(FIXTURES)) copyFileSync(join(FIXTURES, name), join(dir, name));
  for (const name of [BASE, 'coverage_matrix.csv'])
    copyFileSync(join(CONFIGS, name), join(dir, name));
  for (const [name, parts] of Object.entries(corpus.generated)) {
    const bytes = parts.map(({ text, hex, repeat = 1 }) =>
      Buffer.from((text ?? hex ?? '').repeat(repeat), text === undefined ? 'hex' : 'utf8'),
    );
    writeFileSync(join(dir, name), Buffer.concat(bytes));
  }
  const path = (name: string) => (isAbsolute(name) ? name : join(dir, name));
  return {
    cases: corpus.cases,
    args: (testCase) => [BASE, ...testCase.configs].flatMap((name) => ['--config', path(name)]),
    at: (testCase) => path(testCase.at),
    path,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
