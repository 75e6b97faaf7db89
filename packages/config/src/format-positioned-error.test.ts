import { describe, expect, it } from 'vitest';
import { formatPath } from './format-path.js';
import { formatPositionedError } from './format-positioned-error.js';

describe('formatPositionedError and formatPath', () => {
  it('writes file:line:col path: message, leaving out what is unknown', () => {
    const location = { file: 'a.yaml', line: 3, col: 5 };
    expect(formatPositionedError({ location, path: 'seed', message: 'bad' })).toBe(
      'a.yaml:3:5 seed: bad',
    );
    expect(formatPositionedError({ location, path: '', message: 'bad' })).toBe('a.yaml:3:5: bad');
    expect(formatPositionedError({ location: undefined, path: 'seed', message: 'bad' })).toBe(
      'seed: bad',
    );
  });

  it('dots keys, brackets indices and quotes keys that contain dots', () => {
    expect(formatPath(['inpatient', 'transfers', 0, 'to'])).toBe('inpatient.transfers[0].to');
    expect(formatPath(['coverage_matrix', 'LM-A', 'medicine.ace'])).toBe(
      'coverage_matrix.LM-A["medicine.ace"]',
    );
    expect(formatPath([])).toBe('');
  });

  it('escapes control characters and cuts a line over 1,000 characters', () => {
    const location = { file: 'a.yaml', line: 1, col: 1 };
    expect(
      formatPositionedError({ location, path: '\u001b[2J', message: 'line\nbreak\u009b' }),
    ).toBe('a.yaml:1:1 \\u001b[2J: line\\u000abreak\\u009b');
    const long = formatPositionedError({ location, path: '', message: 'x'.repeat(5_000) });
    expect(long).toHaveLength(1_000);
    expect(long.endsWith('...')).toBe(true);
  });
});
