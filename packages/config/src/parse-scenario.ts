import type { z } from 'zod';
import { checkScenarioReferences } from './check-scenario-references.js';
import { findForbiddenKeys } from './find-forbidden-keys.js';
import { formatPath } from './format-path.js';
import { issuesToErrors } from './issues-to-errors.js';
import type { PositionedError } from './positioned-error.js';
import type { Scenario } from './scenario.js';
import { scenarioSchema } from './scenario-schema.js';
import type { ScenarioSourceMap } from './scenario-source-map.js';

export type ParseScenarioResult =
  | { readonly success: true; readonly scenario: Scenario }
  | { readonly success: false; readonly errors: readonly PositionedError[] };

/**
 * Validates already-loaded scenario data (the coverage matrix inline) and
 * expands it. Every problem is returned at once; with a source map (as
 * loadScenario builds) each carries its file:line:col, sorted by position.
 */
export function parseScenario(value: unknown, sourceMap?: ScenarioSourceMap): ParseScenarioResult {
  // zod writes parsed records key by key: `__proto__` would set the result's prototype.
  const forbidden = findForbiddenKeys(value);
  if (forbidden.length > 0)
    return {
      success: false,
      errors: forbidden.map((path) => ({
        location: sourceMap?.locate(path, 'key'),
        path: formatPath(path),
        message: `the key "${String(path.at(-1))}" is not allowed: it could change the prototype of objects`,
      })),
    };
  const result = scenarioSchema.safeParse(value);
  if (result.success) return { success: true, scenario: result.data };
  // zod skips even `when` refinements after an aborting issue (e.g. a non-integer
  // where an integer belongs); run the reference checks regardless, duplicates drop below.
  const referenceIssues = checkScenarioReferences(value).map(
    ({ path, message, at }): z.core.$ZodIssue => ({
      code: 'custom',
      path,
      message,
      params: { at },
      input: undefined,
    }),
  );
  const errors = issuesToErrors([...result.error.issues, ...referenceIssues], value, sourceMap);
  const seen = new Set<string>();
  const unique = errors.filter((error) => {
    const id = JSON.stringify(error);
    return !seen.has(id) && seen.add(id) !== undefined;
  });
  // Stable sort: by file in first-seen order, then line and column.
  const files = [...new Set(unique.map((error) => error.location?.file))];
  unique.sort(
    (a, b) =>
      files.indexOf(a.location?.file) - files.indexOf(b.location?.file) ||
      (a.location?.line ?? 0) - (b.location?.line ?? 0) ||
      (a.location?.col ?? 0) - (b.location?.col ?? 0),
  );
  return { success: false, errors: unique };
}
