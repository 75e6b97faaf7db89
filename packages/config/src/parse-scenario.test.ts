import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultScenario } from './default-scenario.js';
import { AGE_GROUPS, ED_SUBSERVICES, GENDERS } from './domains.js';
import { formatPositionedError } from './format-positioned-error.js';
import { parseScenario } from './parse-scenario.js';
import { scenarioHash } from './scenario-hash.js';
import type { ScenarioInput } from './scenario-input-schema.js';

const defaults = defaultScenario();
/** A mutable deep copy of the default input (coverage matrix inline). */
const input = (): ScenarioInput => structuredClone(defaults.input) as ScenarioInput;

function parsed(value: unknown) {
  const result = parseScenario(value);
  if (!result.success) throw new Error(result.errors.map(formatPositionedError).join('\n'));
  return result.scenario;
}

/** Every path to a leaf (scalar or list) of a plain object tree. */
function leafPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [path];
  return Object.entries(value).flatMap(([key, inner]) => leafPaths(inner, [...path, key]));
}

function setAt(root: unknown, path: (string | number)[], value: unknown): void {
  const parent = path.slice(0, -1).reduce<unknown>((node, key) => (node as never)[key], root);
  (parent as Record<string | number, unknown>)[path.at(-1)!] = value;
}

describe('parseScenario', () => {
  it('accepts the default input inline and expands it to the same scenario', () => {
    const scenario = parsed(input());
    expect(scenarioHash(scenario)).toBe(scenarioHash(defaults));
  });

  it('reports errors without positions when no source map is given', () => {
    const value = input();
    setAt(value, ['lhas', 'Harborview', 'annual_growth_pct'], 11);
    const result = parseScenario(value);
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.errors.map(formatPositionedError)).toEqual([
      'lhas.Harborview.annual_growth_pct: must be at most 10, found the number 11',
    ]);
  });

  it('asks for the coverage matrix inline, since only loadScenario reads files', () => {
    const result = parseScenario({ ...input(), coverage_matrix: './coverage_matrix.csv' });
    expect(result.success).toBe(false);
    if (!result.success)
      expect(result.errors.map(formatPositionedError)).toEqual([
        'coverage_matrix: a CSV path is read by loadScenario (or the CLI); parseScenario needs the matrix inline',
      ]);
  });

  it('expands compact ED rates exactly as the same table written in full', () => {
    const full = input();
    const byLha = Object.fromEntries(
      defaults.lhas.map((lha) => [
        lha.name,
        Object.fromEntries(
          AGE_GROUPS.map((group, a) => [
            group,
            Object.fromEntries(
              GENDERS.map((gender, g) => [
                gender,
                Object.fromEntries(
                  ED_SUBSERVICES.map((sub, s) => [
                    sub,
                    defaults.ed.ratesPer1000[lha.id - 1]![a]![g]![s],
                  ]),
                ),
              ]),
            ),
          ]),
        ),
      ]),
    );
    full.ed.rates_per_1000 = { by_lha: byLha as never };
    expect(parsed(full).ed.ratesPer1000).toEqual(defaults.ed.ratesPer1000);

    const both = input();
    both.ed.rates_per_1000 = { ...both.ed.rates_per_1000, by_lha: byLha as never };
    const result = parseScenario(both);
    expect(!result.success && result.errors.map(formatPositionedError)).toEqual([
      'ed.rates_per_1000: give either base (with optional lha_multipliers) or by_lha, not both or neither',
    ]);
  });

  it('spreads band settings over their age groups and normalises weights', () => {
    const scenario = parsed(input());
    const olderBand = defaults.input.ed.acuity.older!['Adult ED'];
    expect(scenario.ed.acuity[AGE_GROUPS.indexOf('85+')]![0]).toEqual(
      ['1', '2', '3', '4', '5'].map((level) => olderBand[level as '1']),
    );
    for (const lha of scenario.lhas) {
      expect(lha.ageShares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      expect(lha.genderShares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    }
    for (const profile of [...scenario.ed.hourProbabilities, ...scenario.ed.weekdayProbabilities])
      expect(profile.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('accepts a Poisson count model', () => {
    const value = input();
    value.ed.count_model = { model: 'poisson' };
    expect(parsed(value).ed.countModel).toEqual({ model: 'poisson' });
  });

  it('gives the same shares whatever scale the weights are written in', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e6, noNaN: true }), (scale) => {
        const value = input();
        const weights = value.lhas.Harborview!.age_weights;
        for (const group of AGE_GROUPS) weights[group] *= scale;
        const shares = parsed(value).lhas[0]!.ageShares;
        shares.forEach((share, i) => {
          expect(share).toBeCloseTo(defaults.lhas[0]!.ageShares[i]!, 12);
        });
      }),
      { numRuns: 25 },
    );
  });

  it('never throws: any value, or the defaults with any leaf replaced, yields a result', () => {
    const leaves = leafPaths(defaults.input);
    fc.assert(
      fc.property(fc.anything(), (value) => {
        expect(typeof parseScenario(value).success).toBe('boolean');
      }),
      { numRuns: 100 },
    );
    fc.assert(
      fc.property(fc.constantFrom(...leaves), fc.jsonValue(), (path, replacement) => {
        const value = input();
        setAt(value, path, replacement);
        const result = parseScenario(value);
        if (!result.success) expect(result.errors.length).toBeGreaterThan(0);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses __proto__, constructor and prototype keys before zod copies them', () => {
    const input = JSON.parse(
      '{"sites": {"__proto__": {"polluted": 1}}, "lhas": {"x": {"constructor": 1}}}',
    ) as unknown;
    const result = parseScenario(input);
    expect(result.success).toBe(false);
    expect(!result.success && result.errors.map(formatPositionedError).sort()).toEqual([
      'lhas.x.constructor: the key "constructor" is not allowed: it could change the prototype of objects',
      'sites.__proto__: the key "__proto__" is not allowed: it could change the prototype of objects',
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
