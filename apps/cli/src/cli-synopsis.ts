import type { Cli } from 'clipanion';

/**
 * The README's command table, made from the commands' own definitions (their paths,
 * options and one-line descriptions), so that the README cannot drift from `--help`.
 * Values are shown as `…`; see `lm-synth <command> --help` for what each takes.
 */
export function cliSynopsis(cli: Cli): string {
  const rows = cli.definitions().map((definition) => {
    const options = definition.options.map(
      (option) => `[${option.definition.replaceAll(/#\d+/g, '…')}]`,
    );
    const synopsis = [definition.usage, ...options].join(' ').replaceAll('|', '\\|');
    const description = (definition.description ?? '').trim();
    return `| \`${synopsis}\` | ${description.charAt(0).toUpperCase()}${description.slice(1)}. |`;
  });
  return ['| command | what it does |', '| --- | --- |', ...rows].join('\n');
}
