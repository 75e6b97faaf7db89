import { GENDERS } from '@lm-synth/config/core';

export interface DimGenderColumns {
  readonly gender: string[];
  readonly sort_order: Int8Array;
}

/** dim_gender: the fixed genders in display order. */
export function buildDimGender(): DimGenderColumns {
  return {
    gender: [...GENDERS],
    sort_order: Int8Array.from(GENDERS, (_, index) => index + 1),
  };
}
