import type { ChartColumnFormat, ChartValue } from './chart-types.js';

const INTEGER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const DECIMAL = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 4 });
const PERCENT = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 });

/** A table cell as text; NULL is an en dash (nothing measured). */
export function formatCell(value: ChartValue | undefined, format: ChartColumnFormat): string {
  if (value === null || value === undefined) return '–';
  if (format === 'text' || typeof value !== 'number') return String(value);
  switch (format) {
    case 'integer':
      return INTEGER.format(value);
    case 'decimal':
      return DECIMAL.format(value);
    case 'percent':
      return PERCENT.format(value);
  }
}
