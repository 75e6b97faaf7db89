import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import type { PositionedError } from './positioned-error.js';
import { ScenarioSourceMap } from './scenario-source-map.js';

export interface YamlDocument {
  /** The document as plain data; undefined when it could not be read. */
  readonly value: Record<string, unknown> | undefined;
  readonly sourceMap: ScenarioSourceMap;
  readonly errors: PositionedError[];
}

function describeNode(node: unknown): string {
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) return `the value ${JSON.stringify(node.value)}`;
  return 'something else';
}

/**
 * Parses one scenario YAML file into plain data plus the line and column of
 * every key and value. Syntax errors (tabs, duplicate keys, bad indentation...)
 * come back positioned; so does a file that is empty or not a mapping.
 */
export function readYamlDocument(file: string, text: string): YamlDocument {
  const lineCounter = new LineCounter();
  const sourceMap = new ScenarioSourceMap();
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, col };
  };
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const errors: PositionedError[] = document.errors.map((error) => ({
    location: at(error.pos[0]),
    path: '',
    message: error.message,
  }));
  if (errors.length > 0) return { value: undefined, sourceMap, errors };

  const root = document.contents;
  if (root === null || (isScalar(root) && root.value === null))
    return {
      value: undefined,
      sourceMap,
      errors: [
        {
          location: { file, line: 1, col: 1 },
          path: '',
          message: 'the file is empty; expected a mapping of scenario settings',
        },
      ],
    };
  if (!isMap(root))
    return {
      value: undefined,
      sourceMap,
      errors: [
        {
          location: at(root.range[0]),
          path: '',
          message: `expected a mapping of scenario settings at the top level, found ${describeNode(root)}`,
        },
      ],
    };

  const walk = (node: Node, path: (string | number)[]) => {
    sourceMap.setValue(path, at(node.range?.[0] ?? 0));
    if (isMap(node))
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        const keyNode = pair.key as Node | null;
        const keyLocation = at(keyNode?.range?.[0] ?? node.range?.[0] ?? 0);
        sourceMap.setKey([...path, key], keyLocation);
        const value = pair.value as Node | null;
        // `key:` with nothing after it: point at the key, not the end of the line.
        const blank = !value || (isScalar(value) && value.value === null && value.source === '');
        if (blank) sourceMap.setValue([...path, key], keyLocation);
        else walk(value, [...path, key]);
      }
    else if (isSeq(node))
      node.items.forEach((item, index) => {
        walk(item as Node, [...path, index]);
      });
  };
  walk(root, []);
  sourceMap.setValue([], { file, line: 1, col: 1 });
  return { value: document.toJS() as Record<string, unknown>, sourceMap, errors };
}
