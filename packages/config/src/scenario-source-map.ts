import type { SourceLocation } from './source-location.js';

export type ScenarioPath = readonly (string | number)[];

const SEPARATOR = '\u0000';
const keyOf = (path: ScenarioPath) => path.map((segment) => SEPARATOR + String(segment)).join('');

/**
 * Where each value (and each mapping key) of a scenario was written, by path.
 * Built while reading YAML and CSV files and carried through overlay merges,
 * so a validation issue at any path can be reported as file:line:col.
 */
export class ScenarioSourceMap {
  readonly #values = new Map<string, SourceLocation>();
  readonly #keys = new Map<string, SourceLocation>();

  setValue(path: ScenarioPath, location: SourceLocation): void {
    this.#values.set(keyOf(path), location);
  }

  setKey(path: ScenarioPath, location: SourceLocation): void {
    this.#keys.set(keyOf(path), location);
  }

  /** Forgets the locations of `path` and everything below it. */
  deleteBelow(path: ScenarioPath): void {
    const prefix = keyOf(path);
    for (const map of [this.#values, this.#keys])
      for (const key of map.keys())
        if (key === prefix || key.startsWith(prefix + SEPARATOR)) map.delete(key);
  }

  /** Copies the locations of `path` and everything below it from `other`. */
  copyBelow(other: ScenarioSourceMap, path: ScenarioPath): void {
    const prefix = keyOf(path);
    for (const [from, to] of [
      [other.#values, this.#values],
      [other.#keys, this.#keys],
    ] as const)
      for (const [key, location] of from)
        if (key === prefix || key.startsWith(prefix + SEPARATOR)) to.set(key, location);
  }

  /**
   * The location to report for `path`: its key (`at: 'key'`) or value; a
   * path that is not there (a missing key) points at the nearest ancestor's key.
   */
  locate(path: ScenarioPath, at: 'key' | 'value' = 'value'): SourceLocation | undefined {
    const exact = keyOf(path);
    const direct = (at === 'key' ? this.#keys.get(exact) : undefined) ?? this.#values.get(exact);
    if (direct) return direct;
    for (let length = path.length - 1; length >= 0; length--) {
      const ancestor = keyOf(path.slice(0, length));
      const location = this.#keys.get(ancestor) ?? this.#values.get(ancestor);
      if (location) return location;
    }
    return undefined;
  }
}
