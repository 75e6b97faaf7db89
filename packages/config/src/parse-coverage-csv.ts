import { FORBIDDEN_KEYS } from './forbidden-keys.js';
import type { PositionedError } from './positioned-error.js';
import type { ScenarioPath, ScenarioSourceMap } from './scenario-source-map.js';

interface Cell {
  readonly text: string;
  readonly line: number;
  readonly col: number;
}

export interface CoverageCsv {
  /** site code -> column -> 1, 0, or the cell text when it is neither (left for the schema to reject). */
  readonly value: Record<string, Record<string, number | string>>;
  readonly errors: PositionedError[];
}

/** RFC 4180 rows with the position of every cell; blank lines are skipped, a leading BOM dropped. */
function tokenize(file: string, text: string, errors: PositionedError[]): Cell[][] {
  const rows: Cell[][] = [];
  let row: Cell[] = [];
  let line = 1;
  let col = 1;
  let i = text.startsWith('\uFEFF') ? 1 : 0;
  let atRowStart = true;
  while (i < text.length) {
    const cellLine = line;
    const cellCol = col;
    let value = '';
    if (text[i] === '"') {
      i++;
      col++;
      let closed = false;
      while (i < text.length) {
        const char = text[i]!;
        if (char === '"' && text[i + 1] === '"') {
          value += '"';
          i += 2;
          col += 2;
        } else if (char === '"') {
          i++;
          col++;
          closed = true;
          break;
        } else {
          value += char;
          i++;
          if (char === '\n') {
            line++;
            col = 1;
          } else col++;
        }
      }
      if (!closed) {
        errors.push({
          location: { file, line: cellLine, col: cellCol },
          path: '',
          message: 'unterminated quoted cell',
        });
        return rows;
      }
      if (i < text.length && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') {
        errors.push({
          location: { file, line, col },
          path: '',
          message: 'expected a comma or the end of the line after a quoted cell',
        });
        return rows;
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') {
        value += text[i];
        i++;
        col++;
      }
      value = value.trim();
    }
    const lineEnds = i >= text.length || text[i] !== ',';
    if (!(atRowStart && lineEnds && value === '' && text[i - 1] !== '"'))
      row.push({ text: value, line: cellLine, col: cellCol });
    if (text[i] === ',') {
      i++;
      col++;
      atRowStart = false;
      continue;
    }
    if (text[i] === '\r') i++;
    if (text[i] === '\n') i++;
    if (row.length > 0) rows.push(row);
    row = [];
    line++;
    col = 1;
    atRowStart = true;
  }
  return rows;
}

/**
 * Reads the coverage matrix CSV: a `site_code` column, then one column per
 * `program.subprogram` key or ED subservice, cells 1 (offered) or 0. Records
 * the position of every cell in `sourceMap` under `at`, so schema errors about
 * the matrix point at the CSV cell (and unknown columns at their header).
 */
export function parseCoverageCsv(
  file: string,
  text: string,
  sourceMap: ScenarioSourceMap,
  at: ScenarioPath,
): CoverageCsv {
  const errors: PositionedError[] = [];
  const value: Record<string, Record<string, number | string>> = {};
  const error = (cell: { line: number; col: number }, message: string) =>
    errors.push({ location: { file, line: cell.line, col: cell.col }, path: '', message });
  const rows = tokenize(file, text, errors);
  const [header, ...body] = rows;
  if (errors.length > 0) return { value, errors };
  if (!header) {
    error({ line: 1, col: 1 }, 'the coverage matrix CSV is empty; expected a header row');
    return { value, errors };
  }
  if (header[0]?.text !== 'site_code')
    error(header[0] ?? { line: 1, col: 1 }, 'the first column must be "site_code"');
  const seenColumns = new Set<string>();
  for (const cell of header.slice(1)) {
    if (cell.text === '') error(cell, 'empty column name');
    else if (FORBIDDEN_KEYS.has(cell.text))
      error(cell, `column "${cell.text}" is not allowed: it could change the prototype of objects`);
    else if (seenColumns.has(cell.text)) error(cell, `column "${cell.text}" appears twice`);
    seenColumns.add(cell.text);
  }
  sourceMap.setValue(at, { file, line: 1, col: 1 });
  for (const row of body) {
    const [siteCell, ...cells] = row;
    if (!siteCell) continue;
    if (row.length !== header.length) {
      error(siteCell, `expected ${header.length} cells like the header row, found ${row.length}`);
      continue;
    }
    const site = siteCell.text;
    if (site === '') {
      error(siteCell, 'empty site_code');
      continue;
    }
    if (FORBIDDEN_KEYS.has(site)) {
      error(
        siteCell,
        `site code "${site}" is not allowed: it could change the prototype of objects`,
      );
      continue;
    }
    if (Object.hasOwn(value, site)) {
      error(siteCell, `site "${site}" has a second row`);
      continue;
    }
    const offers: Record<string, number | string> = {};
    sourceMap.setKey([...at, site], { file, line: siteCell.line, col: siteCell.col });
    sourceMap.setValue([...at, site], { file, line: siteCell.line, col: siteCell.col });
    cells.forEach((cell, index) => {
      const column = header[index + 1]!;
      if (FORBIDDEN_KEYS.has(column.text)) return;
      offers[column.text] = cell.text === '1' ? 1 : cell.text === '0' ? 0 : cell.text;
      sourceMap.setKey([...at, site, column.text], { file, line: column.line, col: column.col });
      sourceMap.setValue([...at, site, column.text], { file, line: cell.line, col: cell.col });
    });
    value[site] = offers;
  }
  return { value, errors };
}
