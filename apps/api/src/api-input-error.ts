/** Bad user input (a missing dataset, an unreachable database): the CLI prints the message alone and exits with 2. */
export class ApiInputError extends Error {
  readonly isInputError = true;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ApiInputError';
  }
}
