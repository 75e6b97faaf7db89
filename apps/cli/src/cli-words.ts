/**
 * Library messages name their options as code (`{ force: true }`); on the command line
 * the user typed flags, so the CLI says those instead. Only the options the CLI passes
 * on under another name are here.
 */
const FLAGS: readonly (readonly [string, string])[] = [
  ['{ force: true }', '--force'],
  ['{ createDatabase: true }', '--create-database'],
  ["{ mode: 'replace' }", '--mode replace'],
  ["{ mode: 'fail-if-exists' }", '--mode fail-if-exists'],
  ['{ tlsCa }', '--tls-ca'],
  ['{ insecureTls: true }', '--insecure-tls'],
  ['{ uniqueQuasiIdentifiers: false }', '--no-unique-qi'],
  ['{ compare }', '--compare'],
];

/** `message` with the library's option names replaced by the flags that set them. */
export function cliWords(message: string): string {
  return FLAGS.reduce((text, [option, flag]) => text.replaceAll(option, flag), message);
}
