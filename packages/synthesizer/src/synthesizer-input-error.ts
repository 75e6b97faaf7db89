/**
 * A problem with what the caller asked for (a missing dataset or model file, a model of
 * another version, an impossible sample): the CLI prints the message and exits with code 2.
 */
export class SynthesizerInputError extends Error {
  readonly isInputError = true;

  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'SynthesizerInputError';
  }
}
