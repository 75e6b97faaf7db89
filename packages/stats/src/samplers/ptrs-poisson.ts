import { fastExp } from '../special/fast-exp.js';
import { logFactorial } from '../special/log-factorial.js';
import type { RandomSource } from '../streams/random-source.js';

/**
 * Poisson variates for λ >= 10 by PTRS, the transformed rejection with squeeze of Hörmann,
 * "The transformed rejection method for generating Poisson random variables", Insurance:
 * Mathematics and Economics 12 (1993) 39-45. `setLambda` re-targets it without allocating,
 * for mixtures whose λ changes every draw.
 */
export class PtrsPoisson {
  /** PTRS needs λ >= 10; below it inversion is faster anyway (numpy's crossover too). */
  static readonly MIN_LAMBDA = 10;

  private lambda = 0;
  private logLambda = 0;
  private a = 0;
  private b = 0;
  private inverseAlpha = 0;
  private vr = 0;

  setLambda(lambda: number): void {
    const sqrtLambda = Math.sqrt(lambda);
    this.lambda = lambda;
    this.logLambda = Math.log(lambda);
    this.b = 0.931 + 2.53 * sqrtLambda;
    this.a = -0.059 + 0.02483 * this.b;
    this.inverseAlpha = 1.1239 + 1.1328 / (this.b - 3.4);
    this.vr = 0.9277 - 3.6224 / (this.b - 2);
  }

  sample(source: RandomSource): number {
    const { lambda, a, b, vr } = this;
    for (;;) {
      const u = source.next() - 0.5;
      const v = source.next();
      const us = 0.5 - Math.abs(u);
      const k = Math.floor(((2 * a) / us + b) * u + lambda + 0.43);
      if (us >= 0.07 && v <= vr) return k;
      if (k < 0 || (us < 0.013 && v > us)) continue;
      // Hörmann's log(V) + log(1/α) - log(a/us² + b) <= log p(k), exponentiated: one fast
      // exp instead of three calls to Math.log.
      if (
        (v * this.inverseAlpha) / (a / (us * us) + b) <=
        fastExp(-lambda + k * this.logLambda - logFactorial(k))
      ) {
        return k;
      }
    }
  }
}
