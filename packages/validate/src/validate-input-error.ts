import { InputError } from '@lm-synth/config/core';

/**
 * A problem with what the caller asked to validate (a missing or unreadable dataset, bad
 * options): the CLI prints the message and exits with code 2, without a stack trace.
 */
export class ValidateInputError extends InputError {}
