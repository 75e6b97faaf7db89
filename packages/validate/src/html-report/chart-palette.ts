/**
 * Okabe & Ito's palette (2008), distinguishable with every common colour-vision deficiency,
 * in an order that keeps the low-contrast yellow for the seventh series.
 */
export const CHART_PALETTE = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#56B4E9',
  '#D55E00',
  '#F0E442',
  '#000000',
] as const;
