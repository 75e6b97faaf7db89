import { describe, expect, it } from 'vitest';
import { findForbiddenKeys } from './find-forbidden-keys.js';

describe('findForbiddenKeys', () => {
  it('finds own __proto__, constructor and prototype keys at any depth, lists included', () => {
    const value = JSON.parse(
      '{"a": [{"__proto__": 1}], "b": {"c": {"prototype": {}}}, "constructor": 2, "ok": {"toString": 3}}',
    ) as unknown;
    expect(findForbiddenKeys(value).map((path) => path.join('.'))).toEqual(
      expect.arrayContaining(['a.0.__proto__', 'b.c.prototype', 'constructor']),
    );
    expect(findForbiddenKeys(value)).toHaveLength(3);
  });

  it('ignores inherited keys and visits a shared or cyclic object once', () => {
    const shared: Record<string, unknown> = { x: 1 };
    shared.self = shared;
    expect(findForbiddenKeys({ a: shared, b: shared, c: [shared] })).toEqual([]);
  });
});
