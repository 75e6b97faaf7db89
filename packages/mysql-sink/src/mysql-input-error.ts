import { InputError } from '@lm-synth/config/core';

/**
 * A problem with what the user gave us (URL, password, server settings,
 * privileges, files): the CLI prints the message alone and exits with 2.
 * Messages are already redacted.
 */
export class MysqlInputError extends InputError {}
