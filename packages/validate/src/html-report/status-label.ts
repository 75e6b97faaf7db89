import type { GateStatus } from '../report/validation-report.js';

/** How a gate status reads in the page: a word and a symbol, never colour alone. */
export const STATUS_LABEL: Readonly<
  Record<GateStatus, { readonly text: string; readonly symbol: string }>
> = {
  pass: { text: 'PASS', symbol: '✓' },
  fail: { text: 'FAIL', symbol: '✗' },
  inconclusive: { text: 'INCONCLUSIVE', symbol: '?' },
  info: { text: 'INFO', symbol: 'i' },
};
