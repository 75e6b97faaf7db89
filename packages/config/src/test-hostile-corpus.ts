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
import { REPO_CONFIGS } from './test-scenario-dir.js';

const FIXTURES = fileURLToPath(new URL('../test-fixtures/hostile/', import.meta.url));
const BASE = 'lower_mainland_defaults.yaml';

export interface HostileCase {
  readonly name: string;
  readonly configs: readonly string[];
  readonly exit: number;
  /** `file:line:col` of the first error, the file relative to the corpus directory. */
  readonly at: string;
  /** A regular expression the first error's message must match. */
  readonly message: string;
}

interface Part {
  readonly text?: string;
  readonly hex?: string;
  readonly repeat?: number;
}

interface Corpus {
  readonly generated: Record<string, readonly Part[]>;
  readonly cases: readonly HostileCase[];
}

export interface HostileCorpus {
  readonly dir: string;
  readonly cases: readonly HostileCase[];
  /** The `--config` paths of a case: the defaults, then its files. */
  configs(testCase: HostileCase): string[];
  /** The case's expected `file:line:col` with the file as the loader names it. */
  at(testCase: HostileCase): string;
  remove(): void;
}

/**
 * test-fixtures/hostile/ copied into a temporary directory with the defaults
 * and the generated files (too big, or bytes git should not hold) written
 * beside them.
 */
export function hostileCorpus(): HostileCorpus {
  const corpus = JSON.parse(readFileSync(join(FIXTURES, 'cases.json'), 'utf8')) as Corpus;
  const dir = mkdtempSync(join(tmpdir(), 'lm-synth-hostile-'));
  for (const name of readdirSync(FIXTURES)) copyFileSync(join(FIXTURES, name), join(dir, name));
  for (const name of [BASE, 'coverage_matrix.csv'])
    copyFileSync(join(REPO_CONFIGS, name), join(dir, name));
  for (const [name, parts] of Object.entries(corpus.generated)) {
    const bytes = parts.map(({ text, hex, repeat = 1 }) =>
      Buffer.from((text ?? hex ?? '').repeat(repeat), text === undefined ? 'hex' : 'utf8'),
    );
    writeFileSync(join(dir, name), Buffer.concat(bytes));
  }
  const resolve = (name: string) => (isAbsolute(name) ? name : join(dir, name));
  return {
    dir,
    cases: corpus.cases,
    configs: (testCase) => [resolve(BASE), ...testCase.configs.map(resolve)],
    at: (testCase) => resolve(testCase.at),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
