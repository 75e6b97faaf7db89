import { type BaseContext, Builtins, Cli, type Command } from 'clipanion';
import { CLI_VERSION } from './cli-version.js';
import { describeParseError } from './describe-parse-error.js';
import { ExitCode } from './exit-codes.js';
import { joinNegativeValues } from './join-negative-values.js';
import { redactOutput } from './redact-output.js';

/**
 * The lm-synth CLI. Unlike clipanion's default, parse errors (unknown flags,
 * bad values) are one line on stderr, naming the nearest known command or
 * flag, with exit code 2, and `--flag -5` hands -5 to the flag.
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
    const definitions = this.definitions();
    const valueOptions = new Set(
      definitions.flatMap(({ options }) =>
        options
          .filter(({ definition }) => definition.includes('#'))
          .flatMap(({ definition }) => definition.split(' ')[0]!.split(',')),
      ),
    );
    const argv = joinNegativeValues(input, valueOptions);
    let command: Command;
    try {
      command = this.process(argv, full);
    } catch (error) {
      const line = describeParseError(error, argv, definitions, this.binaryName);
      full.stderr.write(redactOutput(`${this.binaryName}: ${line}\n`, full.env));
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
