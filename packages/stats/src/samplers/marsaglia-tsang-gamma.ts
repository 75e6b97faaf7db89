import type { RandomSource } from '../streams/random-source.js';
import { standardNormal } from './standard-normal.js';

/**
 * Standard gamma variates by Marsaglia & Tsang, "A simple method for generating gamma
 * variables", ACM TOMS 26(3) (2000) 363-372; for shape < 1 their boost
 * Gamma(shape) = Gamma(shape + 1) · U^(1/shape).
 */
export class MarsagliaTsangGamma {
  private readonly d: number;
  private readonly c: number;
  /** 1/shape when boosting shape < 1, else 0. */
  private readonly boostExponent: number;

  constructor(shape: number) {
    const boosted = shape < 1;
    this.d = (boosted ? shape + 1 : shape) - 1 / 3;
    this.c = 1 / Math.sqrt(9 * this.d);
    this.boostExponent = boosted ? 1 / shape : 0;
  }

  sample(source: RandomSource): number {
    const { d, c } = this;
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = standardNormal(source);
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = source.next();
      const xSquared = x * x;
      if (
        u < 1 - 0.0331 * xSquared * xSquared ||
        Math.log(u) < 0.5 * xSquared + d * (1 - v + Math.log(v))
      ) {
        if (this.boostExponent === 0) return d * v;
        // One pow call measures faster here than log plus exp.
        return d * v * (1 - source.next()) ** this.boostExponent;
      }
    }
  }
}
