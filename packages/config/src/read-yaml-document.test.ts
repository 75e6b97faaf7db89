import { describe, expect, it } from 'vitest';
import { formatPositionedError } from './format-positioned-error.js';
import { readYamlDocument } from './read-yaml-document.js';

describe('readYamlDocument', () => {
  it('records where every key and value is written', () => {
    const { value, sourceMap, errors } = readYamlDocument(
      'a.yaml',
      '# comment\nsites:\n  LM-A: { name: Alpha }\nlist:\n  - 1\n  - { x: 2 }\nblank:\nctas: { 1: 0.5 }\n',
    );
    expect(errors).toEqual([]);
    expect(value).toEqual({
      sites: { 'LM-A': { name: 'Alpha' } },
      list: [1, { x: 2 }],
      blank: null,
      ctas: { 1: 0.5 },
    });
    const at = (path: (string | number)[], where?: 'key') => {
      const location = sourceMap.locate(path, where);
      return location && `${location.line}:${location.col}`;
    };
    expect(at(['sites', 'LM-A', 'name'])).toBe('3:17');
    expect(at(['sites', 'LM-A', 'name'], 'key')).toBe('3:11');
    expect(at(['list', 1, 'x'])).toBe('6:10');
    expect(at(['blank'])).toBe('7:1');
    expect(at(['ctas', '1'])).toBe('8:12');
    // A missing key points at its nearest ancestor's key; the root at 1:1.
    expect(at(['sites', 'LM-A', 'beds'])).toBe('3:3');
    expect(at(['nope'])).toBe('1:1');
  });

  it('reports syntax errors, an empty file and a non-mapping root', () => {
    const messages = (text: string) =>
      readYamlDocument('a.yaml', text).errors.map(formatPositionedError);
    expect(messages('a: 1\na: 2\n')).toEqual(['a.yaml:2:1: Map keys must be unique']);
    expect(messages('a:\n\t- 1\n')).toEqual(['a.yaml:2:1: Tabs are not allowed as indentation']);
    expect(messages('')).toEqual([
      'a.yaml:1:1: the file is empty; expected a mapping of scenario settings',
    ]);
    expect(messages('\n\n42\n')).toEqual([
      'a.yaml:3:1: expected a mapping of scenario settings at the top level, found the value 42',
    ]);
  });

  it('resolves anchors and aliases within the limits', () => {
    const { value, errors } = readYamlDocument(
      'a.yaml',
      `a: &a { x: [1, 2] }\nb: *a\nc: [${Array(99).fill('*a').join(', ')}]\n`,
    );
    expect(errors).toEqual([]);
    expect(value?.b).toEqual({ x: [1, 2] });
    expect(value?.c).toHaveLength(99);
  });

  it('refuses the 101st alias, counting aliases inside an anchor each time it is used', () => {
    const messages = (text: string) =>
      readYamlDocument('a.yaml', text).errors.map(formatPositionedError);
    expect(messages(`a: &a 1\nb: [${Array(101).fill('*a').join(',')}]\n`)).toEqual([
      expect.stringMatching(/^a\.yaml:2:305: more than 100 aliases/),
    ]);
    // The ten *a in b make 10; each *b makes 11 (itself and the ten inside it): 98 with eight.
    const nested = `a: &a 1\nb: &b [${Array(10).fill('*a').join(',')}]\nc: [*b,*b,*b,*b,*b,*b,*b,*b]\n`;
    expect(messages(nested)).toEqual([]);
    expect(messages(nested.replace('*b]', '*b,*b]'))).toEqual([
      expect.stringMatching(/^a\.yaml:3:29: more than 100 aliases/),
    ]);
  });
});
