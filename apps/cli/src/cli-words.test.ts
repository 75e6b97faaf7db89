import { describe, expect, it } from 'vitest';
import { cliWords } from './cli-words.js';

describe('cliWords', () => {
  it('says the flags where the library names its options', () => {
    expect(cliWords('./out is not empty; pass { force: true } to replace it')).toBe(
      './out is not empty; pass --force to replace it',
    );
    expect(cliWords('{ tlsCa } and { insecureTls: true } contradict each other; pass one')).toBe(
      '--tls-ca and --insecure-tls contradict each other; pass one',
    );
    expect(cliWords("load with { mode: 'replace' }")).toBe('load with --mode replace');
    expect(cliWords('or pass { uniqueQuasiIdentifiers: false } to allow')).toBe(
      'or pass --no-unique-qi to allow',
    );
  });

  it('leaves other text alone', () => {
    expect(cliWords('cannot read { x } at 1:2')).toBe('cannot read { x } at 1:2');
  });
});
