import { InputError } from '@lm-synth/config/core';

/** Options a generator cannot honour (bad numbers, too many patients for unique quasi-identifiers). */
export class GeneratorInputError extends InputError {}
