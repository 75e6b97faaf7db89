import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultScenario } from './default-scenario.js';
import { defaultScenarioPath } from './default-scenario-path.js';
import { formatPositionedError } from './format-positioned-error.js';
import { loadScenario } from './load-scenario.js';
import { ScenarioError } from './scenario-error.js';
import { scenarioHash } from './scenario-hash.js';
import { positionOf, REPO_CONFIGS, type ScenarioDir, scenarioDir } from './test-scenario-dir.js';

const BASE = 'lower_mainland_defaults.yaml';
const CSV = 'coverage_matrix.csv';

let dir: ScenarioDir;
let baseText: string;
let csvText: string;
beforeEach(() => {
  dir = scenarioDir();
  baseText = readFileSync(dir.path(BASE), 'utf8');
  csvText = readFileSync(dir.path(CSV), 'utf8');
});
afterEach(() => dir.remove());

async function loadError(paths: string[]): Promise<ScenarioError> {
  const error = await loadScenario(paths).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ScenarioError);
  return error as ScenarioError;
}

interface Expected {
  file: string;
  /** Text whose first character the error must point at (searched after `after`). */
  at: string;
  after?: string;
  path: string;
  message: RegExp;
}

/** Loads `files` (names in the temp dir), expecting exactly `expected`, in order of position. */
async function expectErrors(files: string[], expected: Expected[]): Promise<void> {
  const error = await loadError(files.map((name) => dir.path(name)));
  const actual = error.errors.map((e) => ({
    file: e.location?.file,
    line: e.location?.line,
    col: e.location?.col,
    path: e.path,
    message: e.message,
  }));
  const wanted = expected.map(({ file, at, after, path, message }) => {
    const text = readFileSync(dir.path(file), 'utf8');
    return { file: dir.path(file), ...positionOf(text, at, after), path, message };
  });
  expect(actual).toEqual(
    wanted.map((want) => ({ ...want, message: expect.stringMatching(want.message) })),
  );
  // One line per error, each `file:line:col path: message`, no stack trace.
  expect(error.message.split('\n')).toEqual(error.errors.map(formatPositionedError));
  expect(error.message).not.toMatch(/\n\s+at /);
  expect(error.isInputError).toBe(true);
}

describe('loadScenario', () => {
  it('loads the repository defaults, identical to the packaged ones', async () => {
    const scenario = await loadScenario([join(REPO_CONFIGS, BASE)]);
    expect(scenarioHash(scenario)).toBe(scenarioHash(defaultScenario()));
    expect(scenario.meta.parameterOverrides).toEqual({});
  });

  it('loads the packaged defaults by their path exactly as any copy of them', async () => {
    const packaged = await loadScenario([defaultScenarioPath()]);
    expect(packaged).toEqual(await loadScenario([join(REPO_CONFIGS, BASE)]));
  });

  it('merges overlays over the base: mappings key by key, lists whole', async () => {
    const scenario = await loadScenario([
      join(REPO_CONFIGS, BASE),
      join(REPO_CONFIGS, 'scenarios/high_growth.yaml'),
      join(REPO_CONFIGS, 'scenarios/pediatric_surge.yaml'),
    ]);
    const defaults = defaultScenario();
    expect(scenario.meta.id).toBe('pediatric-surge');
    const lakeside = scenario.lhas.find((lha) => lha.name === 'Lakeside Plains')!;
    expect(lakeside.annualGrowthPct).toBe(3.2);
    // Untouched keys beside an overridden one keep their base value.
    expect(lakeside.basePopulation).toBe(defaults.lhas[lakeside.id - 1]!.basePopulation);
    const [adult, pediatric] = [0, 1];
    const under5Female = scenario.ed.ratesPer1000[lakeside.id - 1]![0]![0]!;
    expect(under5Female[pediatric]).toBeCloseTo(525 * 0.95, 9);
    expect(under5Female[adult]).toBe(defaults.ed.ratesPer1000[lakeside.id - 1]![0]![0]![adult]);
    expect(scenario.ed.seasonality[pediatric]![0]).toBe(1.38);
    expect(scenario.meta.parameterOverrides).toMatchObject({
      lhas: { 'Lakeside Plains': { annual_growth_pct: 3.2 } },
      ed: {
        rates_per_1000: { base: { '0-4': { Female: { 'Pediatric ED': 525 } } } },
        seasonality: {
          'Pediatric ED': [1.38, 1.22, 1, 0.86, 0.8, 0.72, 0.66, 0.7, 0.9, 1.08, 1.3, 1.38],
        },
      },
    });
    expect(Object.keys(scenario.meta.parameterOverrides).sort()).toEqual(['ed', 'lhas']);
    expect(scenarioHash(scenario)).not.toBe(scenarioHash(defaults));
  });

  it('reads the coverage CSV relative to the YAML that names it', async () => {
    dir.write('sub/overlay.yaml', '');
    const moved = dir.write(
      'sub/base.yaml',
      baseText.replace('./coverage_matrix.csv', '../coverage_matrix.csv'),
    );
    const scenario = await loadScenario([moved]);
    expect(scenario.coverage.ed.some((site) => site[1])).toBe(true);
  });

  it('reports a missing file, an empty file and a list at the top level, all at once', async () => {
    dir.write('empty.yaml', '# nothing here\n');
    dir.write('list.yaml', '# a list\n- seed: 1\n');
    const error = await loadError(['missing.yaml', 'empty.yaml', 'list.yaml'].map(dir.path));
    expect(error.message.split('\n')).toEqual([
      `${dir.path('missing.yaml')}:1:1: file not found`,
      `${dir.path('empty.yaml')}:1:1: the file is empty; expected a mapping of scenario settings`,
      `${dir.path('list.yaml')}:2:1: expected a mapping of scenario settings at the top level, found a list`,
    ]);
  });

  it('reports YAML syntax errors: tabs, duplicate keys, unclosed brackets', async () => {
    dir.write('tabs.yaml', 'scenario:\n\tid: tabbed\n');
    dir.write('dup.yaml', 'seed: 1\npatients: 10\nseed: 2\n');
    dir.write('flow.yaml', 'scenario:\n  id: [unclosed\n');
    await expectErrors(
      [BASE, 'tabs.yaml', 'dup.yaml', 'flow.yaml'],
      [
        { file: 'tabs.yaml', at: '\tid', path: '', message: /Tabs are not allowed/ },
        { file: 'dup.yaml', at: 'seed: 2', path: '', message: /keys must be unique/ },
        { file: 'flow.yaml', at: '', after: '[unclosed\n', path: '', message: /end with a \]/ },
      ],
    );
  });

  it('reports unknown keys, wrong types and out-of-range values where they are written', async () => {
    const overlay = [
      'patients: lots',
      'seed: 1.5',
      'sites:',
      '  LM-SNW: { staffed_bed: 5 }',
      'lhas:',
      '  Harborview: { annual_growth_pct: 12 }',
      'validation: { ks_treshold: 0.2 }',
      'ed:',
      '  count_model: { model: nb }',
      '  seasonality:',
      '    Adult ED: [1, 1, 1]',
      '',
    ].join('\n');
    dir.write('overlay.yaml', overlay);
    await expectErrors(
      [BASE, 'overlay.yaml'],
      [
        {
          file: 'overlay.yaml',
          at: 'lots',
          path: 'patients',
          message: /expected a number, found the text "lots"/,
        },
        { file: 'overlay.yaml', at: '1.5', path: 'seed', message: /expected a whole number/ },
        {
          file: 'overlay.yaml',
          at: 'staffed_bed',
          path: 'sites.LM-SNW.staffed_bed',
          message: /unknown key "staffed_bed"; did you mean "staffed_beds"\?/,
        },
        {
          file: 'overlay.yaml',
          at: '12',
          path: 'lhas.Harborview.annual_growth_pct',
          message: /must be at most 10, found the number 12/,
        },
        {
          file: 'overlay.yaml',
          at: 'ks_treshold',
          path: 'validation.ks_treshold',
          message: /did you mean "ks_threshold"/,
        },
        {
          file: 'overlay.yaml',
          at: 'nb',
          path: 'ed.count_model.model',
          message: /expected "poisson" or "negbin", found the text "nb"/,
        },
        {
          file: 'overlay.yaml',
          at: '[1, 1, 1]',
          path: 'ed.seasonality.Adult ED',
          message: /expected exactly 12 items, found 3/,
        },
      ],
    );
  });

  it('reports a list where a mapping belongs, and a missing key at its parent', async () => {
    const withoutPopulation = baseText.replace('    base_population: 520000\n', '');
    dir.write(BASE, withoutPopulation);
    dir.write('overlay.yaml', 'cross_lha:\n  - 0.07\n');
    await expectErrors(
      [BASE, 'overlay.yaml'],
      [
        {
          file: BASE,
          at: 'Harborview:',
          path: 'lhas.Harborview.base_population',
          message: /^missing required key$/,
        },
        {
          file: 'overlay.yaml',
          at: '- 0.07',
          path: 'cross_lha',
          message: /expected a mapping, found a list/,
        },
      ],
    );
  });

  it('reports probabilities that do not sum to 1 where the overlay broke them', async () => {
    dir.write(
      'overlay.yaml',
      'ed:\n  acuity:\n    child:\n      Adult ED: { 1: 0.5 }\ninpatient:\n  subprogram_mix:\n    medicine:\n      older: { ace: 0.5 }\n',
    );
    await expectErrors(
      [BASE, 'overlay.yaml'],
      [
        {
          file: 'overlay.yaml',
          at: '{ 1: 0.5 }',
          path: 'ed.acuity.child.Adult ED',
          message: /must sum to 1 \(they sum to 1.495\)/,
        },
        {
          file: 'overlay.yaml',
          at: '{ ace: 0.5 }',
          path: 'inpatient.subprogram_mix.medicine.older',
          message: /must sum to 1 \(they sum to 1.2\)/,
        },
      ],
    );
  });

  it('reports bad demography rates where they are written', async () => {
    dir.write(
      'overlay.yaml',
      [
        'demography:',
        '  mortality_per_1000:',
        '    85+: { Female: -3 }',
        '  fertility_per_1000: { 15-25: 8 }',
        '  birth_gender_shares: { Female: 0.6 }',
        '  in_migrant_age_weights:',
        '    { 0-4: 0, 5-14: 0, 15-24: 0, 25-44: 0, 45-64: 0, 65-74: 0, 75-84: 0, 85+: 0 }',
        '',
      ].join('\n'),
    );
    await expectErrors(
      [BASE, 'overlay.yaml'],
      [
        {
          file: 'overlay.yaml',
          at: '-3',
          path: 'demography.mortality_per_1000.85+.Female',
          message: /must be at least 0/,
        },
        {
          file: 'overlay.yaml',
          at: '15-25',
          path: 'demography.fertility_per_1000.15-25',
          message: /unknown key "15-25"/,
        },
        {
          file: 'overlay.yaml',
          at: '{ Female: 0.6 }',
          path: 'demography.birth_gender_shares',
          message: /must sum to 1/,
        },
        {
          file: 'overlay.yaml',
          at: '{ 0-4: 0',
          path: 'demography.in_migrant_age_weights',
          message: /at least one weight must be positive/,
        },
      ],
    );
  });

  it('reports a time zone Intl does not know where it is written', async () => {
    dir.write('overlay.yaml', 'time_zone: America/Vancover\n');
    await expectErrors(
      [BASE, 'overlay.yaml'],
      [
        {
          file: 'overlay.yaml',
          at: 'America/Vancover',
          path: 'time_zone',
          message: /not a time zone .*IANA name such as America\/Vancouver/,
        },
      ],
    );
  });

  it('takes the time zone from an overlay, and America/Vancouver when no file names one', async () => {
    dir.write('overlay.yaml', 'time_zone: Australia/Sydney\n');
    const sydney = await loadScenario([dir.path(BASE), dir.path('overlay.yaml')]);
    expect(sydney.timeZone).toBe('Australia/Sydney');
    expect(sydney.meta.parameterOverrides).toEqual({ time_zone: 'Australia/Sydney' });
    const unnamed = dir.write(BASE, baseText.replace(/^time_zone: .*\n/m, ''));
    expect(baseText).toMatch(/^time_zone: America\/Vancouver$/m);
    const scenario = await loadScenario([unnamed]);
    expect(scenario.timeZone).toBe('America/Vancouver');
    expect(scenarioHash(scenario)).toBe(scenarioHash(defaultScenario()));
  });

  it('reports unknown sites, age groups, LHAs and subprograms, all at once', async () => {
    dir.write(
      'overlay.yaml',
      [
        'lhas:',
        '  Harborview: { default_site: LM-XXX }',
        'age_bands:',
        '  child: [0-4, 5-15]',
        'ed:',
        '  rates_per_1000:',
        '    lha_multipliers: { Atlantis: 1.2 }',
        'inpatient:',
        '  los:',
        '    medicine:',
        '      cath_pci: { mu: 1, sigma: 0.5, median_band: [2, 3] }',
        '  transfers:',
        '    - { from: LM-SRC, to: LM-SRC, probability: 0.04 }',
        '',
      ].join('\n'),
    );
    await expectErrors(
      [BASE, 'overlay.yaml'],
      [
        {
          file: 'overlay.yaml',
          at: 'LM-XXX',
          path: 'lhas.Harborview.default_site',
          message: /unknown site "LM-XXX"; known: "LM-SNW"/,
        },
        {
          file: 'overlay.yaml',
          at: 'age_bands',
          path: 'age_bands',
          message: /age groups "5-14" belong to no band/,
        },
        {
          file: 'overlay.yaml',
          at: '5-15',
          path: 'age_bands.child[1]',
          message: /expected one of "0-4", .* found the text "5-15"/,
        },
        {
          file: 'overlay.yaml',
          at: 'Atlantis',
          path: 'ed.rates_per_1000.lha_multipliers.Atlantis',
          message: /unknown LHA "Atlantis"/,
        },
        {
          file: 'overlay.yaml',
          at: 'cath_pci',
          path: 'inpatient.los.medicine.cath_pci',
          message: /subprogram "cath_pci" does not belong to program "medicine"/,
        },
        {
          file: 'overlay.yaml',
          at: 'LM-SRC, p',
          path: 'inpatient.transfers[0].to',
          message: /two different sites/,
        },
      ],
    );
  });

  it('checks LOS bands and sigma', async () => {
    dir.write(
      'overlay.yaml',
      'inpatient:\n  los:\n    medicine:\n      ace: { mu: 1, sigma: 0, median_band: [0.1, 3] }\n      hospitalist: { mu: 3, sigma: 1, median_band: [2, 3] }\n',
    );
    await expectErrors(
      [BASE, 'overlay.yaml'],
      [
        {
          file: 'overlay.yaml',
          at: '0,',
          path: 'inpatient.los.medicine.ace.sigma',
          message: /must be greater than 0/,
        },
        {
          file: 'overlay.yaml',
          at: '[0.1',
          path: 'inpatient.los.medicine.ace.median_band',
          message: /must start above 0.25 days/,
        },
        {
          file: 'overlay.yaml',
          at: '3, sigma',
          path: 'inpatient.los.medicine.hospitalist.mu',
          message: /median exp\(mu\) = 20.09 days lies outside median_band/,
        },
      ],
    );
  });

  it('reads subprogram genders, every gender when absent', async () => {
    dir.write(
      'overlay.yaml',
      'programs:\n  medicine:\n    subprograms:\n      ace: { name: ACE, genders: [Other, Male] }\n',
    );
    const scenario = await loadScenario([dir.path(BASE), dir.path('overlay.yaml')]);
    const medicine = scenario.programs.find((program) => program.key === 'medicine')!;
    // GENDERS order, whatever order the YAML lists them in.
    expect(medicine.subprograms.find((sub) => sub.key === 'ace')!.genders).toEqual([
      'Male',
      'Other',
    ]);
    expect(medicine.subprograms.find((sub) => sub.key === 'hospitalist')!.genders).toEqual([
      'Female',
      'Male',
      'Other',
    ]);
    expect(scenario.meta.parameterOverrides).toMatchObject({
      programs: { medicine: { subprograms: { ace: { genders: ['Other', 'Male'] } } } },
    });
  });

  it('reports an unknown gender and an empty or repeated gender list where they are written', async () => {
    dir.write(
      'overlay.yaml',
      'programs:\n  medicine:\n    subprograms:\n      ace: { name: ACE, genders: [Female, Woman] }\n      hospitalist: { name: H, genders: [] }\n      general_medicine: { name: G, genders: [Male, Male] }\n',
    );
    await expectErrors(
      [BASE, 'overlay.yaml'],
      [
        {
          file: 'overlay.yaml',
          at: 'Woman',
          path: 'programs.medicine.subprograms.ace.genders[1]',
          message: /Female.*Male.*Other/,
        },
        {
          file: 'overlay.yaml',
          at: '[]',
          path: 'programs.medicine.subprograms.hospitalist.genders',
          message: /at least 1/,
        },
        {
          file: 'overlay.yaml',
          at: '[Male, Male]',
          path: 'programs.medicine.subprograms.general_medicine.genders',
          message: /each gender is listed once/,
        },
      ],
    );
  });

  it('points coverage matrix errors at CSV cells and headers', async () => {
    const lines = csvText.split('\n');
    const header = lines[0]!.replace('medicine.ace', 'medicine.acee');
    const row = lines[1]!.split(',');
    row[1] = '2';
    dir.write(CSV, [header, row.join(','), ...lines.slice(2)].join('\n'));
    const error = await loadError([dir.path(BASE)]);
    const csv = dir.path(CSV);
    const first = (path: string) => error.errors.find((e) => e.path === path);
    expect(first('coverage_matrix.LM-SNW["medicine.acee"]')).toEqual({
      location: { file: csv, line: 1, ...{ col: header.indexOf('medicine.acee') + 1 } },
      path: 'coverage_matrix.LM-SNW["medicine.acee"]',
      message:
        'subprogram "acee" does not belong to program "medicine"; its subprograms: "general_medicine", "hospitalist", "ace"',
    });
    expect(first('coverage_matrix.LM-SNW["medicine.general_medicine"]')).toEqual({
      location: { file: csv, line: 2, col: 'LM-SNW,'.length + 1 },
      path: 'coverage_matrix.LM-SNW["medicine.general_medicine"]',
      message: 'expected 0 or 1, found the text "2"',
    });
    // Every site row now lacks medicine.ace: reported at the row's site code.
    expect(first('coverage_matrix.LM-BLH')).toEqual({
      location: { file: csv, line: 3, col: 1 },
      path: 'coverage_matrix.LM-BLH',
      message: 'no value for "medicine.ace"',
    });
  });

  it('reports CSV structure errors, a missing CSV, and Pediatric ED offered nowhere', async () => {
    const lines = csvText.split('\n');
    dir.write('ragged.csv', [lines[0], `${lines[1]},1`, ...lines.slice(2)].join('\n'));
    dir.write('ragged.yaml', 'coverage_matrix: ./ragged.csv\n');
    const ragged = await loadError([dir.path(BASE), dir.path('ragged.yaml')]);
    expect(ragged.message).toBe(
      `${dir.path('ragged.csv')}:2:1: expected ${lines[0]!.split(',').length} cells like the header row, found ${lines[0]!.split(',').length + 1}`,
    );

    dir.write('missing.yaml', 'coverage_matrix: ./nowhere.csv\n');
    const missing = await loadError([dir.path(BASE), dir.path('missing.yaml')]);
    expect(missing.message).toBe(
      `${dir.path('missing.yaml')}:1:18 coverage_matrix: cannot read ${dir.path('nowhere.csv')}: file not found`,
    );

    const pediatric = lines[0]!.split(',').indexOf('Pediatric ED');
    const noPediatric = lines.map((line, index) => {
      if (index === 0 || line === '') return line;
      const cells = line.split(',');
      cells[pediatric] = '0';
      return cells.join(',');
    });
    dir.write('nopeds.csv', noPediatric.join('\n'));
    dir.write('nopeds.yaml', 'coverage_matrix: ./nopeds.csv\n');
    await expectErrors(
      [BASE, 'nopeds.yaml'],
      [
        {
          file: 'nopeds.yaml',
          at: 'coverage_matrix',
          path: 'coverage_matrix',
          message: /Pediatric ED must be offered at one site at least/,
        },
      ],
    );
  });

  it('refuses an empty list of files', async () => {
    const error = await loadError([]);
    expect(error.message).toBe('no scenario file given');
  });

  it('applies an overlay given alone onto the packaged defaults, and says so', async () => {
    const overlay = join(REPO_CONFIGS, 'scenarios', 'high_growth.yaml');
    const told: [string, readonly string[]][] = [];
    const alone = await loadScenario([overlay], {
      onOverlayOfDefaults: (file, missing) => told.push([file, missing]),
    });
    const onBase = await loadScenario([join(REPO_CONFIGS, BASE), overlay]);
    expect(scenarioHash(alone)).toBe(scenarioHash(onBase));
    expect(alone.meta.id).toBe('high-growth');
    expect(told).toHaveLength(1);
    expect(told[0]![0]).toBe(overlay);
    expect(told[0]![1]).toEqual(expect.arrayContaining(['sites', 'reference_date']));
    expect(told[0]![1]).not.toContain('lhas');
  });

  it('takes a whole scenario as the base, defaults not involved', async () => {
    const told: string[] = [];
    await loadScenario([dir.path(BASE)], { onOverlayOfDefaults: (file) => told.push(file) });
    expect(told).toEqual([]);
  });

  it('points an error of an overlay given alone at the overlay', async () => {
    dir.write('bad-overlay.yaml', 'seed: -1\n');
    const error = await loadError([dir.path('bad-overlay.yaml')]);
    expect(error.errors).toHaveLength(1);
    expect(formatPositionedError(error.errors[0]!)).toMatch(/bad-overlay\.yaml:1:7 seed: /);
  });
});
