import { type BaseContext, Builtins, Cli, type Command } from 'clipanion';
import { CLI_VERSION } from './cli-version.js';
import { ExitCode } from './exit-codes.js';
import { redactOutput } from './redact-output.js';

/**
 * The lm-synth CLI. Unlike clipanion's default, parse errors (unknown flags,
 * bad values) go to stderr with exit code 2.
 */
export class LmSynthCli extends Cli {
  // The environment of the current run, whose passwords error() masks.
  #env: BaseContext['env'] = process.env;

  constructor() {
    super({
      binaryLabel: 'lm-synth',
      binaryName: 'lm-synth',
      binaryVersion: CLI_VERSION,
      // clipanion colours whenever the terminal type could; colour only a terminal stdout.
      enableColors: process.stdout.isTTY === true && !process.env.NO_COLOR,
    });
    this.register(Builtins.HelpCommand);
    this.register(Builtins.VersionCommand);
  }

  override async run(
    input: string[] | Command,
    // biome-ignore lint/suspicious/noConfusingVoidType: clipanion's run() overload takes `void` for an empty context.
    context?: Partial<BaseContext> | void,
  ): Promise<number> {
    const full: BaseContext = { ...Cli.defaultContext, ...(context ?? {}) };
    this.#env = full.env;
    if (!Array.isArray(input)) return super.run(input, full);
    let command: Command;
    try {
      command = this.process(input, full);
    } catch (error) {
      full.stderr.write(this.error(error, { colored: false }));
      return ExitCode.Usage;
    }
    return super.run(command, full);
  }

  /** Parse errors echo argv and crashes print messages we did not write: mask passwords in both. */
  override error(
    error: unknown,
    options?: { colored?: boolean; command?: Command | null },
  ): string {
    return redactOutput(super.error(error, options), this.#env);
  }
}
