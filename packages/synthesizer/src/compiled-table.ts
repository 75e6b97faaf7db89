import { normal, type RandomSource, standardNormalCdf } from '@lm-synth/stats';
import { cholesky } from './cholesky.js';
import { type CompiledMarginal, compileMarginal } from './compiled-marginal.js';
import type { Category } from './marginal.js';
import type { TableModel } from './synthesizer-model.js';

/** A table's copula ready to sample: marginals compiled, correlation factored. */
export interface CompiledTable {
  readonly model: TableModel;
  readonly d: number;
  readonly marginals: readonly CompiledMarginal[];
  /** Cholesky factor of the correlation. */
  readonly factor: Float64Array;
  /** Child tables: Cholesky factor of the covariance around the parent's mean. */
  readonly withinFactor: Float64Array | null;
  /** Combinations' categories parsed back into their columns' values. */
  readonly combinations: readonly (readonly (readonly Category[])[] | null)[];
  /** Position of each feature by name. */
  readonly index: ReadonlyMap<string, number>;
}

export function compileTable(model: TableModel): CompiledTable {
  const d = model.features.length;
  return {
    model,
    d,
    marginals: model.features.map((feature) => compileMarginal(feature.marginal)),
    factor: d > 0 ? cholesky(model.correlation, d) : new Float64Array(0),
    withinFactor: model.within && d > 0 ? cholesky(model.within, d) : null,
    combinations: model.features.map((feature) =>
      feature.kind === 'combination' && feature.marginal.kind === 'frequency'
        ? feature.marginal.values.map((value) => JSON.parse(String(value)) as Category[])
        : null,
    ),
    index: new Map(model.features.map((feature, i) => [feature.name, i])),
  };
}

/** Writes L·ε into `out` for ε standard normal: a draw of the copula's normal scores. */
export function correlatedNormals(
  factor: Float64Array,
  d: number,
  draw: () => number,
  scratch: Float64Array,
  out: Float64Array,
): void {
  for (let i = 0; i < d; i++) scratch[i] = draw();
  for (let i = 0; i < d; i++) {
    let sum = 0;
    const row = i * d;
    for (let k = 0; k <= i; k++) sum += factor[row + k]! * scratch[k]!;
    out[i] = sum;
  }
}

/** The standard normal draw of a stream, for correlatedNormals. */
export function normalDraw(random: RandomSource): () => number {
  return normal(random)();
}

/** Φ(z) kept inside (0, 1), so quantile functions never see the ends exactly. */
export function uniformOf(z: number): number {
  const u = standardNormalCdf(z);
  return Math.min(Math.max(u, 1e-12), 1 - 1e-12);
}
