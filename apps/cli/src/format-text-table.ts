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
  // A loop, not Math.max(...rows): spreading a large result overflows the call stack.
  const widths = header.map((title, i) =>
    rows.reduce((width, row) => Math.max(width, row[i]!.length), title.length),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (isNumeric(i) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}
