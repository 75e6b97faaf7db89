import { readFileSync } from 'node:fs';
import {
  type AssembledScenario,
  assembleScenario,
  attachCoverageCsv,
} from './assemble-scenario.js';
import { defaultScenarioPath } from './default-scenario-path.js';
import { formatPositionedError } from './format-positioned-error.js';

let cached: AssembledScenario | undefined;

/** The packaged defaults, read and merged (not yet validated); a broken default is a bug, not bad input. */
export function readDefaultScenario(): AssembledScenario {
  if (cached) return cached;
  const file = defaultScenarioPath();
  const assembled = assembleScenario([{ file, content: readFileSync(file) }]);
  const errors = [...assembled.errors];
  if (assembled.coverageFile !== undefined)
    errors.push(...attachCoverageCsv(assembled, readFileSync(assembled.coverageFile)));
  if (errors.length > 0)
    throw new Error(
      `The packaged default scenario is broken:\n${errors.map(formatPositionedError).join('\n')}`,
    );
  cached = assembled;
  return assembled;
}
