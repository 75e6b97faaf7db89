/**
 * Aligned plain-text columns for people: two spaces apart, the columns listed
 * in `numeric` right-aligned, trailing blanks trimmed. Returns the lines.
 */
export function formatTextTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  numeric: ReadonlySet<number> | readonly boolean[],
): string[] {
  const isNumeric = (i: number) =>
    Array.isArray(numeric) ? numeric[i] === true : (numeric as ReadonlySet<number>).has(i);
  const widths = header.map((title, i) =>
    Math.max(title.length, ...rows.map((row) => row[i]!.length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (isNumeric(i) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}
