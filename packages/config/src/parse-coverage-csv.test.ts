import { describe, expect, it } from 'vitest';
import { formatPositionedError } from './format-positioned-error.js';
import { parseCoverageCsv } from './parse-coverage-csv.js';
import { ScenarioSourceMap } from './scenario-source-map.js';

function parse(text: string) {
  const sourceMap = new ScenarioSourceMap();
  const result = parseCoverageCsv('m.csv', text, sourceMap, ['coverage_matrix']);
  return { ...result, sourceMap, messages: result.errors.map(formatPositionedError) };
}

describe('parseCoverageCsv', () => {
  it('reads sites, 0/1 cells and the position of every cell and header', () => {
    const { value, sourceMap, messages } = parse(
      '\uFEFFsite_code,"a.x",Adult ED\r\nLM-A, 1 ,0\r\n\r\n"LM-B",0,yes\n',
    );
    expect(messages).toEqual([]);
    expect(value).toEqual({
      'LM-A': { 'a.x': 1, 'Adult ED': 0 },
      'LM-B': { 'a.x': 0, 'Adult ED': 'yes' },
    });
    expect(sourceMap.locate(['coverage_matrix', 'LM-B', 'Adult ED'])).toEqual({
      file: 'm.csv',
      line: 4,
      col: 10,
    });
    expect(sourceMap.locate(['coverage_matrix', 'LM-B', 'Adult ED'], 'key')).toEqual({
      file: 'm.csv',
      line: 1,
      col: 17,
    });
    expect(sourceMap.locate(['coverage_matrix', 'LM-A'], 'key')).toEqual({
      file: 'm.csv',
      line: 2,
      col: 1,
    });
  });

  it('keeps commas, quotes and newlines inside quoted cells', () => {
    const { value, messages } = parse('site_code,"x, ""y""\nz"\nS,1\n');
    expect(messages).toEqual([]);
    expect(value).toEqual({ S: { 'x, "y"\nz': 1 } });
  });

  it('reports structural problems with their positions', () => {
    expect(parse('').messages).toEqual([
      'm.csv:1:1: the coverage matrix CSV is empty; expected a header row',
    ]);
    expect(parse('site,a\nS,1\n').messages).toEqual([
      'm.csv:1:1: the first column must be "site_code"',
    ]);
    expect(parse('site_code,a,a,\nS,1,1,1\n').messages).toEqual([
      'm.csv:1:13: column "a" appears twice',
      'm.csv:1:15: empty column name',
    ]);
    expect(parse('site_code,a\nS,1\nS,0\nT\n,1\n').messages).toEqual([
      'm.csv:3:1: site "S" has a second row',
      'm.csv:4:1: expected 2 cells like the header row, found 1',
      'm.csv:5:1: empty site_code',
    ]);
    expect(parse('site_code,a\nS,"1\n').messages).toEqual(['m.csv:2:3: unterminated quoted cell']);
    expect(parse('site_code,a\nS,"1"x\n').messages).toEqual([
      'm.csv:2:6: expected a comma or the end of the line after a quoted cell',
    ]);
  });
});
