import { InputError } from '@lm-synth/config/core';

/** Bad user input (a missing dataset, an unreachable database): the CLI prints the message alone and exits with 2. */
export class ApiInputError extends InputError {}
