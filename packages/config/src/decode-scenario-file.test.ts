import { describe, expect, it } from 'vitest';
import { decodeScenarioFile } from './decode-scenario-file.js';
import { formatPositionedError } from './format-positioned-error.js';

const decode = (...parts: (string | number[])[]) => {
  const bytes = Buffer.concat(
    parts.map((part) => (typeof part === 'string' ? Buffer.from(part) : Buffer.from(part))),
  );
  const result = decodeScenarioFile('s.yaml', bytes);
  return result.error ? formatPositionedError(result.error) : result.text;
};

describe('decodeScenarioFile', () => {
  it('decodes UTF-8, dropping a byte-order mark', () => {
    expect(decode([0xef, 0xbb, 0xbf], 'a: é\r\n')).toBe('a: é\r\n');
  });

  it('points at the first invalid byte, counting columns in characters', () => {
    expect(decode('a: 1\nb: é', [0xff], '\n')).toBe(
      's.yaml:2:5: not valid UTF-8 (byte 0xFF); save the file as UTF-8',
    );
  });

  it('calls a file with a NUL byte binary, without quoting it', () => {
    expect(decode('\u007fELF', [2, 1, 1, 0], 'secret')).toBe(
      's.yaml:1:8: a binary file (a NUL byte), not UTF-8 text',
    );
  });

  it('recognises UTF-16 by its byte-order mark', () => {
    expect(decode([0xff, 0xfe, 0x61, 0])).toBe(
      's.yaml:1:1: the file is UTF-16 text; save it as UTF-8',
    );
  });

  it('refuses raw control characters but not tabs or line ends', () => {
    expect(decode('a:\t"x"\r\nb: "\u001b[2J"\n')).toBe(
      's.yaml:2:5: control character U+001B is not allowed; in YAML write it escaped in a double-quoted string',
    );
  });

  it('refuses more than 1 MiB', () => {
    expect(decode('#'.repeat(1024 * 1024))).toBe('#'.repeat(1024 * 1024));
    expect(decode('#'.repeat(1024 * 1024 + 1))).toMatch(
      /^s\.yaml:1:1: the file is larger than the 1 MiB \(1048576 bytes\) allowed/,
    );
  });
});
