/**
 * Cramér's V of a contingency table of counts: √(χ² / (N · (min(rows, columns) - 1))),
 * between 0 (independent) and 1. Empty rows and columns are ignored; NaN when fewer than two
 * non-empty rows or columns remain.
 */
export function cramersV(table: readonly (readonly number[])[]): number {
  const rowCount = table.length;
  const columnCount = table[0]?.length ?? 0;
  const rowTotals = new Float64Array(rowCount);
  const columnTotals = new Float64Array(columnCount);
  let total = 0;
  table.forEach((row, r) => {
    if (row.length !== columnCount) {
      throw new RangeError(`table rows must have equal lengths (row ${r} has ${row.length})`);
    }
    row.forEach((count, c) => {
      if (!(Number.isFinite(count) && count >= 0)) {
        throw new RangeError(`table[${r}][${c}] must be a finite count >= 0 (got ${count})`);
      }
      rowTotals[r] = rowTotals[r]! + count;
      columnTotals[c] = columnTotals[c]! + count;
      total += count;
    });
  });
  const nonEmptyRows = rowTotals.filter((value) => value > 0).length;
  const nonEmptyColumns = columnTotals.filter((value) => value > 0).length;
  const smallerDimension = Math.min(nonEmptyRows, nonEmptyColumns);
  if (smallerDimension < 2) return Number.NaN;
  let chiSquare = 0;
  table.forEach((row, r) => {
    row.forEach((count, c) => {
      const expected = (rowTotals[r]! * columnTotals[c]!) / total;
      if (expected > 0) chiSquare += ((count - expected) * (count - expected)) / expected;
    });
  });
  return Math.sqrt(chiSquare / (total * (smallerDimension - 1)));
}
