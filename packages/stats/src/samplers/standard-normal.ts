import type { RandomSource } from '../streams/random-source.js';

// Ziggurat of Marsaglia & Tsang, "The ziggurat method for generating random variables",
// J. Stat. Softw. 5(8) (2000), in Doornik's formulation (ZIGNOR, 2005) with 256 blocks,
// whose constants R and V are those numpy uses.
const BLOCKS = 256;
const R = 3.6541528853610088;
const V = 0.00492867323399;

/** X[i]: right edge of block i (X[0] is the base strip's V / f(R)); X[BLOCKS] = 0. */
const X = new Float64Array(BLOCKS + 1);
/** RATIO[i] = X[i + 1] / X[i]: below it a point of block i lies under the density. */
const RATIO = new Float64Array(BLOCKS);
{
  let f = Math.exp(-0.5 * R * R);
  X[0] = V / f;
  X[1] = R;
  for (let i = 2; i < BLOCKS; i++) {
    const previous = X[i - 1] ?? 0;
    const edge = Math.sqrt(-2 * Math.log(V / previous + f));
    X[i] = edge;
    f = Math.exp(-0.5 * edge * edge);
  }
  for (let i = 0; i < BLOCKS; i++) RATIO[i] = (X[i + 1] ?? 0) / (X[i] ?? 1);
}

/**
 * One standard normal variate. A single 53-bit uniform supplies both the block (its top 8
 * bits) and the signed position in it (the remaining 45 bits), so ~99% of draws cost one
 * uniform, one table lookup and one multiply.
 */
export function standardNormal(source: RandomSource): number {
  for (;;) {
    const scaled = source.next() * BLOCKS;
    const block = scaled | 0;
    const u = 2 * (scaled - block) - 1;
    const edge = X[block]!;
    if (Math.abs(u) < RATIO[block]!) return u * edge;
    if (block === 0) return normalTail(source, u < 0);
    const x = u * edge;
    const inner = X[block + 1]!;
    const f0 = Math.exp(-0.5 * (edge * edge - x * x));
    const f1 = Math.exp(-0.5 * (inner * inner - x * x));
    if (f1 + source.next() * (f0 - f1) < 1) return x;
  }
}

// Marsaglia's tail method (1964) beyond R.
function normalTail(source: RandomSource, negative: boolean): number {
  for (;;) {
    const x = Math.log(1 - source.next()) / R;
    const y = Math.log(1 - source.next());
    if (-2 * y >= x * x) return negative ? x - R : R - x;
  }
}
