import { formatPositionedError } from './format-positioned-error.js';
import { InputError } from './input-error.js';
import type { PositionedError } from './positioned-error.js';

/** More lines than anyone reads; a hostile file can have 100,000 unknown keys. */
const MAX_LISTED = 100;

/**
 * A scenario that cannot be read or is invalid; the message lists every
 * error, one per line (the first 100, then how many more; `errors` has them all).
 */
export class ScenarioError extends InputError {
  readonly errors: readonly PositionedError[];

  constructor(errors: readonly PositionedError[]) {
    const lines = errors.slice(0, MAX_LISTED).map(formatPositionedError);
    if (errors.length > MAX_LISTED) lines.push(`... and ${errors.length - MAX_LISTED} more errors`);
    super(lines.join('\n'));
    this.errors = errors;
  }
}
