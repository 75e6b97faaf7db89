import { FORBIDDEN_KEYS } from './forbidden-keys.js';
import type { ScenarioPath } from './scenario-source-map.js';

/**
 * The paths of every own `__proto__`, `constructor` or `prototype` key in
 * plain data (e.g. from JSON.parse, which creates an own `__proto__`), each
 * object visited once.
 */
export function findForbiddenKeys(value: unknown): ScenarioPath[] {
  const found: ScenarioPath[] = [];
  const seen = new Set<object>();
  const stack: { value: unknown; path: ScenarioPath }[] = [{ value, path: [] }];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    if (typeof next.value !== 'object' || next.value === null || seen.has(next.value)) continue;
    seen.add(next.value);
    const { path } = next;
    if (Array.isArray(next.value))
      next.value.forEach((item, index) => {
        stack.push({ value: item, path: [...path, index] });
      });
    else
      for (const key of Object.keys(next.value)) {
        if (FORBIDDEN_KEYS.has(key)) found.push([...path, key]);
        else
          stack.push({ value: (next.value as Record<string, unknown>)[key], path: [...path, key] });
      }
  }
  return found;
}
