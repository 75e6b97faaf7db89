/** Options a generator cannot honour (bad numbers, too many patients for unique quasi-identifiers). */
export class GeneratorInputError extends Error {
  /** Bad user input: the CLI prints the message and exits 2, without a stack trace. */
  readonly isInputError = true;

  constructor(message: string) {
    super(message);
    this.name = 'GeneratorInputError';
  }
}
