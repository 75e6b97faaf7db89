import { AGE_GROUPS } from '@lm-synth/config/core';

export interface DimAgeGroupColumns {
  readonly age_group: string[];
  readonly sort_order: Int8Array;
  readonly min_age: Int16Array;
  /** null for the open top band (85+). */
  readonly max_age: (number | null)[];
}

/** Youngest and oldest age of a band label: "25-44" -> [25, 44], "85+" -> [85, null]. */
function ageRange(label: string): [number, number | null] {
  const bounded = /^(\d+)-(\d+)$/.exec(label);
  if (bounded) return [Number(bounded[1]), Number(bounded[2])];
  const open = /^(\d+)\+$/.exec(label);
  if (open) return [Number(open[1]), null];
  throw new Error(`Age group "${label}" is neither "min-max" nor "min+"`);
}

/** dim_age_group: the fixed age bands, youngest first, with their age ranges from the labels. */
export function buildDimAgeGroup(): DimAgeGroupColumns {
  const ranges = AGE_GROUPS.map(ageRange);
  return {
    age_group: [...AGE_GROUPS],
    sort_order: Int8Array.from(AGE_GROUPS, (_, index) => index + 1),
    min_age: Int16Array.from(ranges, ([min]) => min),
    max_age: ranges.map(([, max]) => max),
  };
}
