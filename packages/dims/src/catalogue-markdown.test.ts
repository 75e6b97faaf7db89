import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogueMarkdown } from './catalogue-markdown.js';

const README = new URL('../README.md', import.meta.url);
const START =
  '<!-- catalogue:start (generated from the catalogue; UPDATE_README=1 pnpm test rewrites it) -->';
const END = '<!-- catalogue:end -->';

describe('catalogueMarkdown', () => {
  it('is the schema section of the README', () => {
    const readme = readFileSync(README, 'utf8');
    const start = readme.indexOf(START);
    const end = readme.indexOf(END);
    expect(start, 'README markers').toBeGreaterThan(-1);
    const expected = `${START}\n\n${catalogueMarkdown()}\n${END}`;
    if (process.env.UPDATE_README) {
      writeFileSync(README, readme.slice(0, start) + expected + readme.slice(end + END.length));
      return;
    }
    expect(readme.slice(start, end + END.length)).toBe(expected);
  });

  it('documents every column with its keys', () => {
    const text = catalogueMarkdown();
    expect(text).toContain('| `patient_id` | string(24) | PK |');
    expect(text).toContain('→ dim_site.site_id');
  });
});
