import {
  type Alias,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  parseDocument,
} from 'yaml';
import { FORBIDDEN_KEYS } from './forbidden-keys.js';
import type { PositionedError } from './positioned-error.js';
import { SCENARIO_FILE_LIMITS } from './scenario-file-limits.js';
import { ScenarioSourceMap } from './scenario-source-map.js';

export interface YamlDocument {
  /** The document as plain data; undefined when it could not be read. */
  readonly value: Record<string, unknown> | undefined;
  readonly sourceMap: ScenarioSourceMap;
  readonly errors: PositionedError[];
}

function describeNode(node: unknown): string {
  if (isSeq(node)) return 'a list';
  if (isMap(node)) return 'a mapping';
  if (isAlias(node)) return 'an alias';
  if (isScalar(node)) {
    const text = JSON.stringify(node.value) ?? String(node.value);
    return `the value ${text.length > 40 ? `${text.slice(0, 37)}...` : text}`;
  }
  return 'something else';
}

const YAML_ALIAS_BACKSTOP = 100_000;

/** What converting a node to plain data costs once its aliases are followed. */
interface Expansion {
  /** Aliases resolved, those inside an alias's anchor counted once per use. */
  readonly aliases: number;
  /** Levels of mappings and lists, counting through aliases. */
  readonly depth: number;
}

/**
 * Parses one scenario YAML file into plain data plus the line and column of
 * every key and value. Syntax errors (tabs, duplicate keys, bad indentation...)
 * come back positioned; so do a file that is empty or not a mapping, keys
 * that are not text or numbers or that could reach a prototype, aliases that
 * resolve to nothing, to themselves or to too much, nesting too deep and too
 * many values (see SCENARIO_FILE_LIMITS).
 */
export function readYamlDocument(file: string, text: string): YamlDocument {
  const lineCounter = new LineCounter();
  const sourceMap = new ScenarioSourceMap();
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, col };
  };
  const failed = (errors: PositionedError[]) => ({ value: undefined, sourceMap, errors });
  // uniqueKeys compares every key with every other (minutes for a mapping of 60,000
  // keys); the walk below finds duplicates with a Set. Merge keys (`<<`, YAML 1.1) stay
  // plain keys, so aliases are resolved only where the walk sees them.
  const document = parseDocument(text, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: false,
    merge: false,
  });
  const syntaxErrors: PositionedError[] = document.errors.map((error) => ({
    location: at(error.pos[0]),
    path: '',
    message: error.message,
  }));
  if (syntaxErrors.length > 0) return failed(syntaxErrors);

  const root = document.contents;
  if (root === null || (isScalar(root) && root.value === null))
    return failed([
      {
        location: { file, line: 1, col: 1 },
        path: '',
        message: 'the file is empty; expected a mapping of scenario settings',
      },
    ]);
  if (!isMap(root))
    return failed([
      {
        location: at(root.range[0]),
        path: '',
        message: `expected a mapping of scenario settings at the top level, found ${describeNode(root)}`,
      },
    ]);

  const errors: PositionedError[] = [];
  const { maxAliases, maxDepth, maxValues } = SCENARIO_FILE_LIMITS;
  const error = (node: Node | null | undefined, message: string) =>
    errors.push({ location: at(node?.range?.[0] ?? 0), path: '', message });

  // null: the anchor holds a bad alias, already reported.
  const expansions = new Map<Node, Expansion | null | 'measuring'>();
  const measure = (node: Node, alias: Alias): Expansion | null => {
    const known = expansions.get(node);
    if (known === 'measuring') {
      error(alias, `the alias *${alias.source} is inside its own anchor &${alias.source}`);
      return null;
    }
    if (known !== undefined) return known;
    expansions.set(node, 'measuring');
    const children = isMap(node)
      ? node.items.flatMap((pair) => [pair.key, pair.value])
      : isSeq(node)
        ? node.items
        : [];
    let result: Expansion | null = { aliases: 0, depth: 0 };
    for (const child of children) {
      if (!child) continue;
      const inner = isAlias(child) ? follow(child) : measure(child as Node, alias);
      if (!inner) {
        result = null;
        break;
      }
      result = {
        aliases: result.aliases + inner.aliases,
        depth: Math.max(result.depth, inner.depth),
      };
    }
    if (result && (isMap(node) || isSeq(node))) result = { ...result, depth: result.depth + 1 };
    expansions.set(node, result);
    return result;
  };
  /** What resolving `alias` costs, or null (reported) when it resolves to nothing or itself. */
  const follow = (alias: Alias): Expansion | null => {
    const target = alias.resolve(document);
    if (!target) {
      error(alias, `no anchor &${alias.source} before the alias *${alias.source}`);
      return null;
    }
    const inner = measure(target, alias);
    return inner && { aliases: inner.aliases + 1, depth: inner.depth };
  };

  let aliasesResolved = 0;
  let values = 0;
  const walk = (node: Node, path: (string | number)[], depth: number) => {
    // Reported once; the rest of the file is not worth walking.
    if (values > maxValues) return;
    if (++values > maxValues) {
      error(node, `more than ${maxValues} values in one file`);
      return;
    }
    sourceMap.setValue(path, at(node.range?.[0] ?? 0));
    if (isAlias(node)) {
      const expansion = follow(node);
      if (!expansion) return;
      // Reported once, at the alias that goes over: the rest would only repeat it.
      if (aliasesResolved > maxAliases) return;
      aliasesResolved += expansion.aliases;
      if (aliasesResolved > maxAliases)
        error(
          node,
          `more than ${maxAliases} aliases to resolve, counting those inside an anchor each time it is used; is this a "billion laughs"?`,
        );
      else if (depth - 1 + expansion.depth > maxDepth)
        error(node, `nested more than ${maxDepth} levels deep, once the alias is resolved`);
      return;
    }
    if ((isMap(node) || isSeq(node)) && depth > maxDepth) {
      error(node, `nested more than ${maxDepth} levels deep`);
      return;
    }
    if (isMap(node)) {
      const seen = new Set<string>();
      for (const pair of node.items) {
        const keyNode = pair.key as Node | null;
        if (isAlias(keyNode)) {
          error(keyNode, 'an alias cannot be a key; write the key out');
          continue;
        }
        const scalar = isScalar(keyNode) ? keyNode.value : null;
        if (keyNode && (!isScalar(keyNode) || (typeof scalar === 'object' && scalar !== null))) {
          error(keyNode, `a key must be text or a number, found ${describeNode(keyNode)}`);
          continue;
        }
        // The text the key gets as a property of the plain data (as the yaml package does).
        const key = scalar === null || scalar === undefined ? '' : String(scalar);
        const keyPath = [...path, key];
        const keyLocation = at(keyNode?.range?.[0] ?? node.range?.[0] ?? 0);
        if (FORBIDDEN_KEYS.has(key)) {
          errors.push({
            location: keyLocation,
            path: '',
            message: `the key "${key}" is not allowed: it could change the prototype of objects`,
          });
          continue;
        }
        if (seen.has(key)) {
          errors.push({ location: keyLocation, path: '', message: 'Map keys must be unique' });
          continue;
        }
        seen.add(key);
        sourceMap.setKey(keyPath, keyLocation);
        const value = pair.value as Node | null;
        // `key:` with nothing after it: point at the key, not the end of the line.
        const blank = !value || (isScalar(value) && value.value === null && value.source === '');
        if (blank) sourceMap.setValue(keyPath, keyLocation);
        else walk(value, keyPath, depth + 1);
      }
    } else if (isSeq(node))
      node.items.forEach((item, index) => {
        walk(item as Node, [...path, index], depth + 1);
      });
  };
  walk(root, [], 1);
  sourceMap.setValue([], { file, line: 1, col: 1 });
  // An alias inside an anchor is reported where it is written and again where it is used.
  const unique = [...new Map(errors.map((e) => [JSON.stringify(e), e])).values()];
  if (unique.length > 0) return failed(unique);
  try {
    // The walk counted every alias exactly; the yaml package's maxAliasCount is an estimate
    // (an anchor used 100 times already exceeds its default of 100), kept as a backstop
    // far above what the walk lets through (about 2^14 for a chain of anchors).
    const value = document.toJS({ maxAliasCount: YAML_ALIAS_BACKSTOP }) as Record<string, unknown>;
    return { value, sourceMap, errors };
  } catch (caught) {
    // The walk above should have caught whatever toJS refuses; report it all the same.
    error(root, caught instanceof Error ? caught.message : String(caught));
    return failed(errors);
  }
}
