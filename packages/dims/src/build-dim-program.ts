import type { Scenario } from '@lm-synth/config/core';

export interface DimProgramColumns {
  readonly program_id: Int32Array;
  readonly program_name: string[];
}

/** dim_program: one row per program, ids 1-based in scenario order. */
export function buildDimProgram(scenario: Scenario): DimProgramColumns {
  return {
    program_id: Int32Array.from(scenario.programs, (program) => program.id),
    program_name: scenario.programs.map((program) => program.name),
  };
}
