// A number a user may give a flag: -5, -0.5, -.5, -1e3.
const NEGATIVE_NUMBER = /^-(?:\d|\.\d)/;

/**
 * `argv` with `--flag -5` written as `--flag=-5` for the flags that take a
 * value, so that clipanion, which reads a leading dash as an option, hands -5
 * to the flag's validator and the user learns the bound instead of "Not
 * enough arguments". Nothing after `--` is touched.
 */
export function joinNegativeValues(
  argv: readonly string[],
  valueOptions: ReadonlySet<string>,
): string[] {
  const joined: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    if (token === '--') return [...joined, ...argv.slice(i)];
    const next = argv[i + 1];
    if (valueOptions.has(token) && next !== undefined && NEGATIVE_NUMBER.test(next)) {
      joined.push(`${token}=${next}`);
      i++;
    } else {
      joined.push(token);
    }
  }
  return joined;
}
