/** Scales of the dataset tried, at most: 2^40 times the patients is past any dataset lm-synth makes. */
const MAX_DOUBLINGS = 40;

/**
 * By how much the dataset's patients must grow for a check to become decisive:
 * the smallest factor c at which `isDecisiveAt(c)` holds (the caller says how its
 * expectation and sampling error scale with c), found by doubling then bisection.
 * Infinity when no size makes it decisive (e.g. a configured tolerance as wide as
 * the deviation the gate exists for).
 */
export function decisiveScale(isDecisiveAt: (scale: number) => boolean): number {
  if (isDecisiveAt(1)) return 1;
  let low = 1;
  let high = 2;
  for (let i = 0; !isDecisiveAt(high); i++) {
    if (i >= MAX_DOUBLINGS) return Number.POSITIVE_INFINITY;
    low = high;
    high *= 2;
  }
  // To within 1%: the answer is an estimate anyway.
  while (high / low > 1.01) {
    const middle = Math.sqrt(low * high);
    if (isDecisiveAt(middle)) high = middle;
    else low = middle;
  }
  return high;
}
