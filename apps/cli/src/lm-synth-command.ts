import { Command } from 'clipanion';
import { cliWords } from './cli-words.js';
import { ExitCode } from './exit-codes.js';
import { isInputError } from './is-input-error.js';
import { redactOutput } from './redact-output.js';

/**
 * Base of every lm-synth command: subclasses implement `run()`; user mistakes
 * become a one-line message on stderr and exit code 2, never a stack trace.
 */
export abstract class LmSynthCommand extends Command {
  abstract run(): Promise<number>;

  async execute(): Promise<number> {
    try {
      return await this.run();
    } catch (error) {
      if (!isInputError(error)) throw error;
      this.context.stderr.write(
        redactOutput(`${this.cli.binaryName}: ${cliWords(error.message)}\n`, this.context.env),
      );
      return ExitCode.Usage;
    }
  }
}
