import type { CareSetting, Scenario } from '@lm-synth/config/core';

export interface DimSubprogramColumns {
  readonly program_id: Int32Array;
  readonly subprogram_id: Int32Array;
  readonly subprogram_name: string[];
  readonly care_setting: CareSetting[];
}

/** dim_subprogram: one row per subprogram, numbered 1-based within its program. */
export function buildDimSubprogram(scenario: Scenario): DimSubprogramColumns {
  const subprograms = scenario.programs.flatMap((program) => program.subprograms);
  return {
    program_id: Int32Array.from(subprograms, (sub) => sub.programId),
    subprogram_id: Int32Array.from(subprograms, (sub) => sub.id),
    subprogram_name: subprograms.map((sub) => sub.name),
    care_setting: subprograms.map((sub) => sub.setting),
  };
}
