import { describe, expect, it } from 'vitest';
import { mergeDocuments } from './merge-documents.js';
import { readYamlDocument } from './read-yaml-document.js';
import { ScenarioSourceMap } from './scenario-source-map.js';

const read = (file: string, text: string) => {
  const { value, sourceMap } = readYamlDocument(file, text);
  return { value: value!, sourceMap };
};

describe('mergeDocuments', () => {
  it('merges mappings key by key, replaces lists and scalars, and tracks who wrote what', () => {
    const base = read('base.yaml', 'a:\n  x: 1\n  y: [1, 2, 3]\n  z: { q: 1 }\nb: 2\n');
    const overlay = read('over.yaml', 'a:\n  y: [9]\n  z: 5\nc: 3\n');
    const { value, sourceMap } = mergeDocuments([base, overlay]);
    expect(value).toEqual({ a: { x: 1, y: [9], z: 5 }, b: 2, c: 3 });
    const at = (path: (string | number)[]) => {
      const location = sourceMap.locate(path);
      return location && `${location.file}:${location.line}:${location.col}`;
    };
    expect(at(['a', 'x'])).toBe('base.yaml:2:6');
    expect(at(['a', 'y'])).toBe('over.yaml:2:6');
    expect(at(['a', 'y', 0])).toBe('over.yaml:2:7');
    // The replaced list's old entries are gone: a path into them finds the overlay's key.
    expect(at(['a', 'y', 2])).toBe('over.yaml:2:3');
    expect(at(['a', 'z', 'q'])).toBe('over.yaml:3:3');
    expect(at(['a'])).toBe('over.yaml:2:3');
    expect(at(['b'])).toBe('base.yaml:5:4');
    // The inputs are not modified.
    expect(base.value).toEqual({ a: { x: 1, y: [1, 2, 3], z: { q: 1 } }, b: 2 });
  });

  it('never writes through __proto__, constructor or prototype, whatever it is given', () => {
    // JSON.parse makes `__proto__` an own key, as a YAML parser or a library user might.
    const hostile = JSON.parse(
      '{"__proto__": {"polluted": 1}, "a": {"constructor": {"prototype": {"polluted": 1}}, "toString": {"polluted": 1}}}',
    ) as Record<string, unknown>;
    const sourceMap = new ScenarioSourceMap();
    const { value } = mergeDocuments([
      { value: { a: { x: 1 } }, sourceMap },
      { value: hostile, sourceMap },
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.hasOwn(value, '__proto__')).toBe(false);
    // `toString` is an ordinary key: merged as an own value, not into Object.prototype.toString.
    expect(value).toEqual({ a: { x: 1, toString: { polluted: 1 } } });
    expect(Object.hasOwn(value.a as object, 'constructor')).toBe(false);
  });
});
