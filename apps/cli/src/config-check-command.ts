import { scenarioHash } from '@lm-synth/config/core';
import { Command } from 'clipanion';
import { configFilesOption, loadConfigScenario } from './config-load-scenario.js';
import { ExitCode } from './exit-codes.js';
import { LmSynthCommand } from './lm-synth-command.js';

export class ConfigCheckCommand extends LmSynthCommand {
  static override paths = [['config', 'check']];

  static override usage = Command.Usage({
    category: 'Scenario',
    description: 'validate a scenario',
    details: `
      Loads the scenario YAML files in order (a base, then overlays), reads the coverage matrix CSV they name, and checks everything: YAML syntax, unknown keys, types, ranges, probabilities that must sum to 1, and references to sites, LHAs, programs, subprograms and age bands.

      Every problem is printed on stderr as \`file:line:col path.to.key: message\` and the exit code is 2; a valid scenario prints its id and hash and exits 0. Without \`--config\` the packaged defaults are checked.
    `,
    examples: [
      ['Check the defaults', '$0 config check --config configs/lower_mainland_defaults.yaml'],
      [
        'Check the defaults with an overlay',
        '$0 config check --config configs/lower_mainland_defaults.yaml --config configs/scenarios/high_growth.yaml',
      ],
    ],
  });

  configs = configFilesOption();

  async run(): Promise<number> {
    const scenario = await loadConfigScenario(this.configs, this.context.stderr);
    if (!scenario) return ExitCode.Usage;
    this.context.stdout.write(
      `ok: scenario ${scenario.meta.id} is valid (${scenarioHash(scenario)})\n`,
    );
    return ExitCode.Ok;
  }
}
