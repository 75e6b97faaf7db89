import { nearestName } from './nearest-name.js';

/** What describeParseError needs of a command: `cli.definitions()` gives it. */
export interface CommandDefinition {
  /** `lm-synth config print` */
  readonly path: string;
  /** `--patients #0` for a flag with a value, `--no-ed` for a switch. */
  readonly options: readonly { readonly definition: string }[];
}

const ROOT_OPTIONS = ['--help', '-h', '--version', '-v'];

/**
 * One line saying what is wrong with `argv`, for an error clipanion threw
 * while parsing it, in place of clipanion's usage dump: an unknown command or
 * option with the nearest known one, a bad flag value with its bound.
 */
export function describeParseError(
  error: unknown,
  argv: readonly string[],
  definitions: readonly CommandDefinition[],
  binaryName: string,
): string {
  const message = error instanceof Error ? error.message : String(error);
  if (!(error instanceof Error) || error.name !== 'UnknownSyntaxError') {
    // Flag validators: "Invalid value for --patients: expected to be at least 1 (got -5)".
    return message
      .replace(
        /^Invalid value for (\S+?):\s*(?:- )?(expected (?:to be )?)?/,
        (_match, flag: string, expected: string | undefined) =>
          expected ? `${flag} must be ` : `${flag}: `,
      )
      .split('\n')
      .filter((line) => line.trim() !== '')
      .join('; ');
  }
  const commands = definitions.map((definition) => ({
    words: definition.path.split(' ').slice(1),
    options: definition.options.flatMap(({ definition: text }) => {
      const names = text.split(' ')[0]!.split(',');
      // Switches also take --no-NAME.
      return text.includes('#')
        ? names
        : [...names, ...names.map((name) => name.replace(/^--/, '--no-'))];
    }),
  }));
  const command = commands
    .filter(({ words }) => words.every((word, i) => argv[i] === word))
    .sort((a, b) => b.words.length - a.words.length)[0];
  const leading = argv.slice(0, argv.findIndex((token) => token.startsWith('-')) >>> 0);

  if (!command) {
    if (leading.length === 0 && argv[0] !== undefined) {
      return unknownOption(argv[0], ROOT_OPTIONS, binaryName, `${binaryName} --help lists them`);
    }
    const typed = leading.join(' ');
    const group = commands.filter(({ words }) => words.length > 1 && words[0] === leading[0]);
    if (leading.length === 1 && group.length > 0) {
      const names = group.map(({ words }) => `${binaryName} ${words.join(' ')}`);
      return `"${typed}" needs a subcommand: ${names.join(', ')}`;
    }
    for (const count of [2, 1]) {
      const candidates = commands
        .filter(({ words }) => words.length === count)
        .map(({ words }) => words.join(' '));
      const best = nearestName(leading.slice(0, count).join(' '), candidates);
      if (best !== undefined) {
        return `unknown command "${typed}"; did you mean "${binaryName} ${best}"?`;
      }
    }
    return `unknown command "${typed}"; ${binaryName} --help lists the commands`;
  }

  const path = [binaryName, ...command.words].join(' ');
  const known = new Set([...command.options, ...ROOT_OPTIONS.slice(0, 2)]);
  for (const token of argv.slice(command.words.length)) {
    if (token === '--') break;
    const name = token.split('=')[0]!;
    if (token.startsWith('-') && !known.has(name)) {
      return unknownOption(name, [...known], path, `${path} --help lists its options`);
    }
  }
  return `${message.split('\n')[0]} See ${path} --help.`;
}

function unknownOption(name: string, known: string[], path: string, otherwise: string): string {
  const best = nearestName(name, known);
  const where = `unknown option ${name} for ${path}`;
  return best === undefined ? `${where}; ${otherwise}` : `${where}; did you mean ${best}?`;
}
