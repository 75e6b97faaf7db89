import type { ScenarioPath } from './scenario-source-map.js';

/** `a.b[0].c`; keys that contain a dot are bracketed and quoted so the path stays unambiguous. */
export function formatPath(path: ScenarioPath): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (segment.includes('.') || segment === '') text += `[${JSON.stringify(segment)}]`;
    else text += text === '' ? segment : `.${segment}`;
  }
  return text;
}
