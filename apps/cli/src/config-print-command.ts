import { Command, Option } from 'clipanion';
import { configFilesOption, loadConfigScenario } from './config-load-scenario.js';
import { ExitCode } from './exit-codes.js';
import { LmSynthCommand } from './lm-synth-command.js';

export class ConfigPrintCommand extends LmSynthCommand {
  static override paths = [['config', 'print']];

  static override usage = Command.Usage({
    category: 'Scenario',
    description: 'print the merged, validated scenario',
    details: `
      Loads and validates the scenario like \`config check\`, then prints it as one YAML document: overlays merged into the base and the coverage matrix inlined. The output is itself a valid scenario file.

      \`--json\` prints the same document as JSON. Without \`--config\` the packaged defaults are printed.
    `,
    examples: [
      [
        'See what an overlay changes',
        '$0 config print --config configs/lower_mainland_defaults.yaml --config configs/scenarios/pediatric_surge.yaml',
      ],
      ['Print the defaults as JSON', '$0 config print --json'],
    ],
  });

  configs = configFilesOption();

  json = Option.Boolean('--json', false, { description: 'Print JSON instead of YAML' });

  async run(): Promise<number> {
    const scenario = await loadConfigScenario(this.configs, this.context.stderr);
    if (!scenario) return ExitCode.Usage;
    if (this.json) {
      this.context.stdout.write(`${JSON.stringify(scenario.input, null, 2)}\n`);
      return ExitCode.Ok;
    }
    const { stringifyScenario } = await import('@lm-synth/config');
    this.context.stdout.write(stringifyScenario(scenario));
    return ExitCode.Ok;
  }
}
