import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's configs/ directory: the one source of the default scenario. */
export const REPO_CONFIGS = fileURLToPath(new URL('../../../configs/', import.meta.url));

export interface ScenarioDir {
  readonly dir: string;
  /** Writes `text` to `name` in the directory and returns its path. */
  write(name: string, text: string): string;
  path(name: string): string;
  remove(): void;
}

/** A temporary directory holding a copy of the default scenario and its coverage CSV. */
export function scenarioDir(): ScenarioDir {
  const dir = mkdtempSync(join(tmpdir(), 'lm-synth-config-'));
  for (const name of ['lower_mainland_defaults.yaml', 'coverage_matrix.csv'])
    copyFileSync(join(REPO_CONFIGS, name), join(dir, name));
  return {
    dir,
    write(name, text) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), text);
      return join(dir, name);
    },
    path: (name) => join(dir, name),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** 1-based line and column where `needle` first occurs in `text` after the end of `after`. */
export function positionOf(
  text: string,
  needle: string,
  after = '',
): { line: number; col: number } {
  const start = text.indexOf(after);
  const offset = text.indexOf(needle, start + after.length);
  if (start < 0 || offset < 0) throw new Error(`"${needle}" not found`);
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, col: offset - before.lastIndexOf('\n') };
}
