import { describe, expect, it } from 'vitest';
import { formatTextTable } from './format-text-table.js';

describe('formatTextTable', () => {
  it('pads text left, numbers right, and trims trailing blanks', () => {
    const lines = formatTextTable(
      ['table', 'rows'],
      [
        ['patients', '50,000'],
        ['dim_site', '12'],
      ],
      new Set([1]),
    );
    expect(lines).toEqual(['table       rows', 'patients  50,000', 'dim_site      12']);
  });

  it('accepts per-column flags', () => {
    expect(formatTextTable(['a', 'b'], [['x', '1']], [false, true])).toEqual(['a  b', 'x  1']);
  });
});
