import { FORBIDDEN_KEYS } from './forbidden-keys.js';
import { ScenarioSourceMap } from './scenario-source-map.js';

export interface SourcedValue {
  readonly value: Record<string, unknown>;
  readonly sourceMap: ScenarioSourceMap;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Deep-merges scenario documents in order, later over earlier: mappings merge
 * key by key, anything else (lists included) is replaced whole. The merged
 * source map points each value at the file that last wrote it. Keys that
 * could reach a prototype (`__proto__`, `constructor`, `prototype`) are never
 * merged: readYamlDocument reports them, and whatever the documents hold,
 * merging must not write through them.
 */
export function mergeDocuments(documents: readonly SourcedValue[]): SourcedValue {
  const sourceMap = new ScenarioSourceMap();
  const value: Record<string, unknown> = {};
  const mergeInto = (
    target: Record<string, unknown>,
    overlay: Record<string, unknown>,
    overlayMap: ScenarioSourceMap,
    path: (string | number)[],
  ) => {
    for (const [key, next] of Object.entries(overlay)) {
      if (FORBIDDEN_KEYS.has(key)) continue;
      const keyPath = [...path, key];
      // Only own keys: `target.toString` is no mapping of the scenario to merge into.
      const current = Object.hasOwn(target, key) ? target[key] : undefined;
      if (isMapping(current) && isMapping(next)) {
        mergeInto(current, next, overlayMap, keyPath);
        // The mapping as a whole is reported where it was last written.
        const key = overlayMap.locate(keyPath, 'key');
        const value = overlayMap.locate(keyPath);
        if (key) sourceMap.setKey(keyPath, key);
        if (value) sourceMap.setValue(keyPath, value);
        continue;
      }
      target[key] = structuredClone(next);
      sourceMap.deleteBelow(keyPath);
      sourceMap.copyBelow(overlayMap, keyPath);
    }
  };
  documents.forEach((document, index) => {
    if (index === 0) sourceMap.copyBelow(document.sourceMap, []);
    mergeInto(value, document.value, document.sourceMap, []);
  });
  return { value, sourceMap };
}
