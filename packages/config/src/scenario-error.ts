import { formatPositionedError } from './format-positioned-error.js';
import type { PositionedError } from './positioned-error.js';

/** A scenario that cannot be read or is invalid; the message lists every error, one per line. */
export class ScenarioError extends Error {
  /** Bad user input: the CLI prints the message and exits 2, without a stack trace. */
  readonly isInputError = true;
  readonly errors: readonly PositionedError[];

  constructor(errors: readonly PositionedError[]) {
    super(errors.map(formatPositionedError).join('\n'));
    this.name = 'ScenarioError';
    this.errors = errors;
  }
}
