import type { SourceLocation } from './source-location.js';

export type ScenarioPath = readonly (string | number)[];

/** The locations at one path, and the paths below it by their next segment. */
interface Entry {
  value?: SourceLocation;
  key?: SourceLocation;
  /** Created on first use: most entries are leaves. */
  children?: Map<string, Entry>;
}

const entry = (): Entry => ({});

/** Copies `from` and everything below it over `to`, keeping what only `to` has. */
function copyInto(to: Entry, from: Entry): void {
  if (from.value) to.value = from.value;
  if (from.key) to.key = from.key;
  for (const [segment, child] of from.children ?? []) {
    to.children ??= new Map();
    let target = to.children.get(segment);
    if (!target) {
      target = entry();
      to.children.set(segment, target);
    }
    copyInto(target, child);
  }
}

/**
 * Where each value (and each mapping key) of a scenario was written, by path.
 * Built while reading YAML and CSV files and carried through overlay merges,
 * so a validation issue at any path can be reported as file:line:col. A tree
 * by path segment, so that replacing or copying a subtree while merging costs
 * the size of that subtree, not of the whole map.
 */
export class ScenarioSourceMap {
  #root = entry();

  /** The entry at `path`, created (with its ancestors) when `create` is set. */
  #at(path: ScenarioPath, create: true): Entry;
  #at(path: ScenarioPath, create?: false): Entry | undefined;
  #at(path: ScenarioPath, create = false): Entry | undefined {
    let current = this.#root;
    for (const segment of path) {
      let next = current.children?.get(String(segment));
      if (!next) {
        if (!create) return undefined;
        next = entry();
        current.children ??= new Map();
        current.children.set(String(segment), next);
      }
      current = next;
    }
    return current;
  }

  setValue(path: ScenarioPath, location: SourceLocation): void {
    this.#at(path, true).value = location;
  }

  setKey(path: ScenarioPath, location: SourceLocation): void {
    this.#at(path, true).key = location;
  }

  /** Forgets the locations of `path` and everything below it. */
  deleteBelow(path: ScenarioPath): void {
    if (path.length === 0) {
      this.#root = entry();
      return;
    }
    this.#at(path.slice(0, -1))?.children?.delete(String(path.at(-1)));
  }

  /** Copies the locations of `path` and everything below it from `other`. */
  copyBelow(other: ScenarioSourceMap, path: ScenarioPath): void {
    const from = other.#at(path);
    if (from) copyInto(this.#at(path, true), from);
  }

  /**
   * The location to report for `path`: its key (`at: 'key'`) or value; a
   * path that is not there (a missing key) points at the nearest ancestor's key.
   */
  locate(path: ScenarioPath, at: 'key' | 'value' = 'value'): SourceLocation | undefined {
    const entries: Entry[] = [this.#root];
    for (const segment of path) {
      const next = entries.at(-1)?.children?.get(String(segment));
      if (!next) break;
      entries.push(next);
    }
    if (entries.length === path.length + 1) {
      const exact = entries.at(-1)!;
      const direct = (at === 'key' ? exact.key : undefined) ?? exact.value;
      if (direct) return direct;
      entries.pop();
    }
    for (let index = entries.length - 1; index >= 0; index--) {
      const location = entries[index]!.key ?? entries[index]!.value;
      if (location) return location;
    }
    return undefined;
  }
}
