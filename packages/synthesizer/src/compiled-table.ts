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
  /** Conditional marginals, per feature: null when it has none. */
  readonly given: readonly (CompiledGiven | null)[];
  /** Features decoded in a second pass: they are conditioned on features of their own table. */
  readonly secondPass: readonly boolean[];
}

/** A feature's conditional marginals, by the category positions of the features it is given. */
export interface CompiledGiven {
  /** Positions of the given features (in the parent's table when `parent`). */
  readonly indices: readonly number[];
  readonly parent: boolean;
  /** Cells by cellKey of their given features' category positions. */
  readonly cells: ReadonlyMap<number, CompiledMarginal>;
  /** A cell's combinations parsed (combination features only). */
  readonly combinations: ReadonlyMap<number, readonly (readonly Category[])[]>;
  /** A cell's category positions in the feature's overall marginal. */
  readonly overall: ReadonlyMap<number, Int32Array>;
}

/** One number for a cell's category positions (each below 2^20; at most two of them). */
export function cellKey(positions: readonly number[]): number {
  let key = 0;
  for (const position of positions) key = key * 1_048_576 + (position + 1);
  return key;
}

export function compileTable(model: TableModel, parent: TableModel | null = null): CompiledTable {
  const d = model.features.length;
  const own = new Map(model.features.map((feature, i) => [feature.name, i]));
  const parentIndex = new Map(parent?.features.map((feature, i) => [feature.name, i]) ?? []);
  const given = model.features.map((feature): CompiledGiven | null => {
    if (!feature.given) return null;
    const lookup = feature.given.parent ? parentIndex : own;
    const overall =
      feature.marginal.kind === 'frequency'
        ? new Map(feature.marginal.values.map((value, i) => [value, i]))
        : null;
    const cells = new Map<number, CompiledMarginal>();
    const combinations = new Map<number, (readonly Category[])[]>();
    const positions = new Map<number, Int32Array>();
    for (const cell of feature.given.cells) {
      const key = cellKey(cell.key);
      cells.set(key, compileMarginal(cell.marginal));
      if (cell.marginal.kind === 'frequency') {
        positions.set(
          key,
          Int32Array.from(cell.marginal.values, (value) => overall?.get(value) ?? -1),
        );
        if (feature.kind === 'combination')
          combinations.set(
            key,
            cell.marginal.values.map((value) => JSON.parse(String(value)) as Category[]),
          );
      }
    }
    return {
      indices: feature.given.features.map((name) => lookup.get(name) ?? -1),
      parent: feature.given.parent,
      cells,
      combinations,
      overall: positions,
    };
  });
  return {
    given,
    secondPass: given.map((entry) => entry !== null && !entry.parent),
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
