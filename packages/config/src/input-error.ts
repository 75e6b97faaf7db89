/**
 * Bad input (flags, files, options, connection strings): the CLI prints the message alone,
 * one line, and exits 2, without a stack trace. Every package's input error extends it, so
 * the marker and the name are set in one place.
 */
export class InputError extends Error {
  readonly isInputError = true;

  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}
