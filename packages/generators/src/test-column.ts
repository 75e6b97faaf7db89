import type { Table } from 'apache-arrow';

/**
 * Test helpers that read a generated column back as plain values: numbers
 * (int64 ids and timestamps as numbers, timestamps in seconds, dates in days,
 * NaN for null) or labels (strings, enum labels, booleans).
 */
export const column = {
  numbers(table: Table, name: string): Float64Array {
    const vector = table.getChild(name);
    if (!vector) throw new Error(`no column ${name}`);
    const out = new Float64Array(vector.length);
    const isTimestamp = String(vector.type).startsWith('Timestamp');
    let at = 0;
    for (const data of vector.data) {
      const values = data.values as ArrayLike<number | bigint>;
      for (let i = 0; i < data.length; i++) {
        const raw = values[data.offset + i]!;
        const value = typeof raw === 'bigint' ? Number(raw) : raw;
        out[at + i] = data.getValid(i) ? (isTimestamp ? value / 1_000_000 : value) : Number.NaN;
      }
      at += data.length;
    }
    return out;
  },
  labels(table: Table, name: string): (string | boolean | null)[] {
    const vector = table.getChild(name);
    if (!vector) throw new Error(`no column ${name}`);
    return Array.from(vector.toArray() as ArrayLike<string | boolean | null>);
  },
};
