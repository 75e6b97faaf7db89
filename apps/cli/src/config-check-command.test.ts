import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './test-run-cli.js';

const CONFIGS = fileURLToPath(new URL('../../../configs/', import.meta.url));
const BASE = 'lower_mainland_defaults.yaml';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lm-synth-cli-config-'));
  for (const name of [BASE, 'coverage_matrix.csv'])
    copyFileSync(join(CONFIGS, name), join(dir, name));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** `file:line:col` of the first `needle` in `file` (after `after`). */
function at(file: string, needle: string, after = ''): string {
  const text = readFileSync(join(dir, file), 'utf8');
  const offset = text.indexOf(needle, text.indexOf(after) + after.length);
  const before = text.slice(0, offset);
  return `${join(dir, file)}:${before.split('\n').length}:${offset - before.lastIndexOf('\n')}`;
}

interface BrokenCase {
  name: string;
  /** Files to write into the temp dir before running. */
  files: Record<string, string>;
  /** Files to pass as --config, in order. */
  configs: string[];
  /** [file, needle] the first error points at, and the rest of its line. */
  where: () => string;
  rest: RegExp;
}

const withBase = (name: string, text: string, where: () => string, rest: RegExp): BrokenCase => ({
  name,
  files: { 'overlay.yaml': text },
  configs: [BASE, 'overlay.yaml'],
  where,
  rest,
});

const cases: BrokenCase[] = [
  withBase(
    'YAML syntax',
    'scenario:\n  id: [unclosed\n',
    () => at('overlay.yaml', '', '[unclosed\n'),
    /^: .*end with a \]$/,
  ),
  withBase(
    'tab indentation',
    'scenario:\n\tid: x\n',
    () => at('overlay.yaml', '\tid'),
    /^: Tabs are not allowed as indentation$/,
  ),
  withBase(
    'duplicate key',
    'seed: 1\nseed: 2\n',
    () => at('overlay.yaml', 'seed: 2'),
    /^: Map keys must be unique$/,
  ),
  withBase(
    'unknown key',
    'validation:\n  ks_treshold: 0.2\n',
    () => at('overlay.yaml', 'ks_treshold'),
    /^ validation\.ks_treshold: unknown key "ks_treshold"; did you mean "ks_threshold"\?$/,
  ),
  withBase(
    'wrong type',
    'patients: many\n',
    () => at('overlay.yaml', 'many'),
    /^ patients: expected a number, found the text "many"$/,
  ),
  withBase(
    'out-of-range value',
    'lhas:\n  Riverbend: { annual_growth_pct: -7 }\n',
    () => at('overlay.yaml', '-7'),
    /^ lhas\.Riverbend\.annual_growth_pct: must be at least -5, found the number -7$/,
  ),
  withBase(
    'probabilities not summing to 1',
    'cross_lha: { home_facility_share: 0.07, ed_non_home_share: 0.1 }\ned:\n  disposition:\n    adult:\n      Adult ED: { Admitted: 0.2 }\n',
    () => at('overlay.yaml', '{ Admitted'),
    /^ ed\.disposition\.adult\.Adult ED: probabilities must sum to 1 \(they sum to 1\.105\)$/,
  ),
  withBase(
    'unknown site',
    'lhas:\n  Otter Cove: { default_site: LM-ZZZ }\n',
    () => at('overlay.yaml', 'LM-ZZZ'),
    /^ lhas\.Otter Cove\.default_site: unknown site "LM-ZZZ"; known: "LM-SNW", /,
  ),
  withBase(
    'unknown age group',
    'lhas:\n  Otter Cove:\n    age_weights: { 0-5: 1 }\n',
    () => at('overlay.yaml', '0-5'),
    /^ lhas\.Otter Cove\.age_weights\.0-5: unknown key "0-5"; did you mean "0-4"\?$/,
  ),
  withBase(
    'unknown subprogram',
    'inpatient:\n  subprogram_mix:\n    micy:\n      child: { nicu: 0 }\n',
    () => at('overlay.yaml', 'nicu'),
    /^ inpatient\.subprogram_mix\.micy\.child\.nicu: subprogram "nicu" does not belong to program "micy"/,
  ),
  withBase(
    'empty file',
    '',
    () => `${join(dir, 'overlay.yaml')}:1:1`,
    /^: the file is empty; expected a mapping of scenario settings$/,
  ),
  withBase(
    'a list where a mapping belongs',
    'sites:\n  - LM-SNW\n',
    () => at('overlay.yaml', '- LM-SNW'),
    /^ sites: expected a mapping, found a list$/,
  ),
  {
    name: 'missing file',
    files: {},
    configs: [BASE, 'nowhere.yaml'],
    where: () => `${join(dir, 'nowhere.yaml')}:1:1`,
    rest: /^: file not found$/,
  },
  {
    name: 'missing key (points at its parent)',
    files: {
      [BASE]: readFileSync(join(CONFIGS, BASE), 'utf8').replace(/^ {2}name: .*\n/m, ''),
    },
    configs: [BASE],
    where: () => at(BASE, 'scenario:\n  id:'),
    rest: /^ scenario\.name: missing required key$/,
  },
  {
    name: 'bad coverage matrix cell',
    files: {
      'coverage_matrix.csv': readFileSync(join(CONFIGS, 'coverage_matrix.csv'), 'utf8').replace(
        /\nLM-BLH,1/,
        '\nLM-BLH,x',
      ),
    },
    configs: [BASE],
    where: () => at('coverage_matrix.csv', 'x', '\nLM-BLH,'),
    rest: /^ coverage_matrix\.LM-BLH\["medicine\.general_medicine"\]: expected 0 or 1, found the text "x"$/,
  },
];

describe('lm-synth config check', () => {
  it('accepts the defaults (packaged, and the repository files with overlays)', async () => {
    const packaged = await runCli(['config', 'check']);
    expect(packaged).toMatchObject({ code: 0, stderr: '' });
    expect(packaged.stdout).toMatch(
      /^ok: scenario lower-mainland-baseline is valid \(sha256:[0-9a-f]{64}\)\n$/,
    );
    const overlays = await runCli([
      'config',
      'check',
      '--config',
      join(CONFIGS, BASE),
      '--config',
      join(CONFIGS, 'scenarios/high_growth.yaml'),
      '--config',
      join(CONFIGS, 'scenarios/pediatric_surge.yaml'),
    ]);
    expect(overlays).toMatchObject({ code: 0, stderr: '' });
    expect(overlays.stdout).toMatch(/^ok: scenario pediatric-surge is valid/);
  });

  it('applies an overlay given alone onto the packaged defaults, with a one-line note', async () => {
    const overlay = join(CONFIGS, 'scenarios/high_growth.yaml');
    const alone = await runCli(['config', 'check', '--config', overlay]);
    const onBase = await runCli([
      'config',
      'check',
      '--config',
      join(CONFIGS, BASE),
      '--config',
      overlay,
    ]);
    expect(alone.code).toBe(0);
    expect(alone.stdout).toBe(onBase.stdout);
    expect(alone.stderr).toBe(
      `note: ${overlay} is an overlay (it has no reference_date, start_year, horizon_years and 12 more keys): applying it onto the packaged defaults\n`,
    );
  });

  it.each(cases)('reports $name at file:line:col with exit code 2', async (broken) => {
    for (const [name, text] of Object.entries(broken.files)) writeFileSync(join(dir, name), text);
    const result = await runCli([
      'config',
      'check',
      ...broken.configs.flatMap((name) => ['--config', join(dir, name)]),
    ]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const [first] = result.stderr.split('\n');
    const where = broken.where();
    expect(first?.startsWith(where), `${first} should start with ${where}`).toBe(true);
    expect(first!.slice(where.length)).toMatch(broken.rest);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('reports every error at once, one per line', async () => {
    writeFileSync(
      join(dir, 'overlay.yaml'),
      'seed: -1\npatients: 0\nlhas:\n  Riverbend: { default_site: LM-QQQ }\n',
    );
    const result = await runCli([
      'config',
      'check',
      '--config',
      join(dir, BASE),
      '--config',
      join(dir, 'overlay.yaml'),
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr.trimEnd().split('\n')).toEqual([
      `${at('overlay.yaml', '-1')} seed: must be at least 0, found the number -1`,
      `${at('overlay.yaml', '0\n')} patients: must be at least 1, found the number 0`,
      expect.stringMatching(
        new RegExp(
          `^${at('overlay.yaml', 'LM-QQQ')} lhas\\.Riverbend\\.default_site: unknown site "LM-QQQ"`,
        ),
      ),
    ]);
  });

  it('rejects an empty --config value as a usage error', async () => {
    const result = await runCli(['config', 'check', '--config', '']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--config/);
  });
});
