import { InputError } from '@lm-synth/config/core';

/**
 * A problem with what the caller asked for (bad options, an output directory
 * that cannot be replaced, a missing or corrupt dataset): the CLI prints the
 * message and exits with code 2, without a stack trace.
 */
export class ExportInputError extends InputError {}
