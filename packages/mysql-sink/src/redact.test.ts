import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redact } from './redact.js';

describe('redact', () => {
  it('masks the password of a mysql URL', () => {
    expect(redact('cannot use mysql://loader:s3cr%40t@db.example:3306/lm')).toBe(
      'cannot use mysql://loader:***@db.example:3306/lm',
    );
  });

  it('masks every occurrence of a secret and its URL-encoded form', () => {
    expect(redact('a p@ss b p%40ss c p@ss', ['p@ss'])).toBe('a *** b *** c ***');
  });

  it('leaves text without secrets alone, and ignores an empty secret', () => {
    expect(redact('access denied for user root', [''])).toBe('access denied for user root');
  });

  it('never lets a secret through, wherever it sits in the text', () => {
    fc.assert(
      fc.property(
        // The mask itself is made of '*', so a secret of stars is out of scope.
        fc.string({ minLength: 1 }).filter((s) => !s.includes('*')),
        fc.string(),
        fc.string(),
        (secret, before, after) => {
          expect(redact(`${before}${secret}${after}`, [secret])).not.toContain(secret);
        },
      ),
    );
  });
});
