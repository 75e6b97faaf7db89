/** A MySQL identifier in backticks (embedded backticks doubled). */
export function quoteIdentifier(name: string): string {
  return `\`${name.replaceAll('`', '``')}\``;
}
