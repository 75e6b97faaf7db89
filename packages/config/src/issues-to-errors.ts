import type { z } from 'zod';
import { describeValue } from './describe-value.js';
import { formatPath } from './format-path.js';
import type { PositionedError } from './positioned-error.js';
import { scenarioJsonSchema } from './scenario-json-schema.js';
import type { ScenarioPath, ScenarioSourceMap } from './scenario-source-map.js';

const EXPECTED: Record<string, string> = {
  object: 'a mapping',
  record: 'a mapping',
  array: 'a list',
  number: 'a number',
  int: 'a whole number',
  string: 'text',
  boolean: 'true or false',
};

type JsonSchema = { [key: string]: unknown };

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function valueAt(root: unknown, path: ScenarioPath): unknown {
  let value = root;
  for (const segment of path) {
    if (Array.isArray(value) && typeof segment === 'number') value = value[segment];
    else if (isMapping(value) && Object.hasOwn(value, String(segment)))
      value = value[String(segment)];
    else return undefined;
  }
  return value;
}

/** The keys the JSON Schema allows at `path`, to suggest a fix for an unknown key. */
function allowedKeys(path: ScenarioPath): string[] {
  let nodes: JsonSchema[] = [scenarioJsonSchema()];
  for (const segment of path) {
    nodes = nodes
      .flatMap((node) => [node, ...((node.oneOf ?? node.anyOf ?? []) as JsonSchema[])])
      .flatMap((node) => {
        const properties = node.properties as Record<string, JsonSchema> | undefined;
        const next =
          properties?.[String(segment)] ??
          (isMapping(node.additionalProperties) ? node.additionalProperties : undefined) ??
          (isMapping(node.items) ? node.items : undefined);
        return next ? [next as JsonSchema] : [];
      });
  }
  return nodes
    .flatMap((node) => [node, ...((node.oneOf ?? node.anyOf ?? []) as JsonSchema[])])
    .flatMap((node) => Object.keys((node.properties as object | undefined) ?? {}));
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    previous = current;
  }
  return previous[b.length]!;
}

function unknownKeyMessage(key: string, allowed: string[]): string {
  const closest = allowed
    .map((name) => ({ name, distance: editDistance(key.toLowerCase(), name.toLowerCase()) }))
    .sort((a, b) => a.distance - b.distance)[0];
  if (closest && closest.distance <= Math.max(2, Math.floor(key.length / 4)))
    return `unknown key "${key}"; did you mean "${closest.name}"?`;
  if (allowed.length > 0 && allowed.length <= 12)
    return `unknown key "${key}"; expected one of ${allowed.map((name) => `"${name}"`).join(', ')}`;
  return `unknown key "${key}"`;
}

function alternatives(values: readonly unknown[]): string {
  const quoted = values.map((value) => JSON.stringify(value));
  return quoted.length <= 2
    ? quoted.join(' or ')
    : `one of ${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`;
}

/** "must be at most 10", "expected 12 items, found 11" and the like. */
function boundMessage(
  issue: z.core.$ZodIssueTooBig | z.core.$ZodIssueTooSmall,
  value: unknown,
): string {
  const big = issue.code === 'too_big';
  const bound = Number(
    big ? (issue as z.core.$ZodIssueTooBig).maximum : (issue as z.core.$ZodIssueTooSmall).minimum,
  );
  const inclusive = issue.inclusive !== false;
  if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') {
    const relation = big
      ? inclusive
        ? 'at most'
        : 'less than'
      : inclusive
        ? 'at least'
        : 'greater than';
    return `must be ${relation} ${bound}, found ${describeValue(value)}`;
  }
  const unit = issue.origin === 'string' ? 'characters' : 'items';
  const found = Array.isArray(value) || typeof value === 'string' ? `, found ${value.length}` : '';
  if (issue.exact) return `expected exactly ${bound} ${unit}${found}`;
  return `expected ${big ? 'at most' : 'at least'} ${bound} ${unit}${found}`;
}

/**
 * Turns zod issues into positioned errors: a missing key points at its
 * parent, an unknown key at itself, everything else at the offending value.
 */
export function issuesToErrors(
  issues: readonly z.core.$ZodIssue[],
  input: unknown,
  sourceMap: ScenarioSourceMap | undefined,
): PositionedError[] {
  const errors: PositionedError[] = [];
  const push = (path: ScenarioPath, message: string, at: 'key' | 'value') =>
    errors.push({ location: sourceMap?.locate(path, at), path: formatPath(path), message });
  const queue = [...issues];
  for (let issue = queue.shift(); issue !== undefined; issue = queue.shift()) {
    const path = issue.path as (string | number)[];
    const value = valueAt(input, path);
    switch (issue.code) {
      case 'unrecognized_keys':
        for (const key of issue.keys)
          push([...path, key], unknownKeyMessage(key, allowedKeys(path)), 'key');
        break;
      case 'invalid_key':
        push(path, `invalid key: ${issue.issues[0]?.message ?? issue.message}`, 'key');
        break;
      case 'invalid_type':
        if (value === undefined && isMapping(valueAt(input, path.slice(0, -1))))
          push(path, 'missing required key', 'key');
        else
          push(
            path,
            `expected ${EXPECTED[issue.expected] ?? issue.expected}, found ${describeValue(value)}`,
            'value',
          );
        break;
      case 'too_big':
      case 'too_small':
        push(path, boundMessage(issue, value), 'value');
        break;
      case 'invalid_value':
        push(
          path,
          `expected ${alternatives(issue.values)}, found ${describeValue(value)}`,
          'value',
        );
        break;
      case 'invalid_union': {
        // A discriminated union names the values it expected.
        const options = (issue as { options?: unknown[] }).options;
        // Otherwise report the branch whose type matched (e.g. the inline
        // coverage matrix rather than the CSV path), at full paths.
        const branch = issue.errors.find(
          (errors) => !errors.some((e) => e.code === 'invalid_type' && e.path.length === 0),
        );
        if (options)
          push(path, `expected ${alternatives(options)}, found ${describeValue(value)}`, 'value');
        else if (branch) queue.push(...branch.map((e) => ({ ...e, path: [...path, ...e.path] })));
        else {
          const expected = issue.errors.flatMap((errors) =>
            errors.flatMap((e) =>
              e.code === 'invalid_type' && e.path.length === 0
                ? [EXPECTED[e.expected] ?? e.expected]
                : [],
            ),
          );
          push(path, `expected ${expected.join(' or ')}, found ${describeValue(value)}`, 'value');
        }
        break;
      }
      case 'custom':
        push(path, issue.message, issue.params?.at === 'key' ? 'key' : 'value');
        break;
      default:
        push(path, issue.message, 'value');
    }
  }
  return errors;
}
