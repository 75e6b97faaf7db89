import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assembleScenario } from './assemble-scenario.js';
import { formatPositionedError } from './format-positioned-error.js';
import { loadScenario } from './load-scenario.js';
import { ScenarioError } from './scenario-error.js';
import { type HostileCorpus, hostileCorpus } from './test-hostile-corpus.js';

let corpus: HostileCorpus;
beforeAll(() => {
  corpus = hostileCorpus();
});
afterAll(() => corpus.remove());

const prototypeNames = () => Object.getOwnPropertyNames(Object.prototype).sort();

describe('loadScenario on hostile files', () => {
  it.each(hostileCorpus().cases.map((testCase) => [testCase.name, testCase] as const))(
    '%s: a positioned ScenarioError, Object.prototype untouched',
    async (_name, testCase) => {
      const before = prototypeNames();
      const error = await loadScenario(corpus.configs(testCase)).then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(ScenarioError);
      const first = (error as ScenarioError).errors[0];
      const location = first?.location;
      expect(location && `${location.file}:${location.line}:${location.col}`).toBe(
        corpus.at(testCase),
      );
      // Matched as printed: a message may quote text the formatter escapes.
      expect(first && formatPositionedError(first)).toMatch(new RegExp(testCase.message));
      expect((error as ScenarioError).isInputError).toBe(testCase.exit === 2);
      // One line per error, printable, short, no stack trace.
      const message = (error as ScenarioError).message;
      expect(message.split('\n')).toEqual(
        (error as ScenarioError).errors.map(formatPositionedError),
      );
      // biome-ignore lint/suspicious/noControlCharactersInRegex: no control character may be printed.
      expect(message).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
      expect(message).not.toMatch(/\n\s+at /);
      expect(message.length).toBeLessThan(5_000);
      expect(prototypeNames()).toEqual(before);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    },
  );
});

describe('assembleScenario on random YAML-like bytes', () => {
  it('returns positioned errors or data, never throws, never touches Object.prototype', () => {
    const token = fc.constantFrom(
      ...['&a ', '*a', '&b ', '*b', '[', ']', '{', '}', ': ', ', ', '\n', '  ', '- ', '? '],
      ...['__proto__', 'constructor', 'x', '1', '"\\e"', '!!binary ', '<<', '%YAML 1.1\n---\n'],
    );
    const text = fc
      .array(fc.oneof(token, fc.string()), { maxLength: 40 })
      .map((parts) => parts.join(''));
    const before = prototypeNames();
    fc.assert(
      fc.property(fc.oneof(text, fc.uint8Array({ maxLength: 64 })), (input) => {
        const content = typeof input === 'string' ? new TextEncoder().encode(input) : input;
        const base = new TextEncoder().encode('seed: 1\n');
        const { errors } = assembleScenario([
          { file: 'base.yaml', content: base },
          { file: 'overlay.yaml', content },
        ]);
        for (const error of errors) expect(error.location?.file).toMatch(/^(base|overlay)\.yaml$/);
      }),
      { numRuns: 1_000 },
    );
    expect(prototypeNames()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
