/**
 * A problem with what the caller asked for (bad options, an output directory
 * that cannot be replaced, a missing or corrupt dataset): the CLI prints the
 * message and exits with code 2, without a stack trace.
 */
export class ExportInputError extends Error {
  readonly isInputError = true;

  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ExportInputError';
  }
}
