import { existsSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { Command, Option, UsageError } from 'clipanion';
import * as t from 'typanion';
import { ExitCode } from './exit-codes.js';
import { LmSynthCommand } from './lm-synth-command.js';

export class ConfigInitCommand extends LmSynthCommand {
  static override paths = [['config', 'init']];

  static override usage = Command.Usage({
    category: 'Scenario',
    description: 'write the default scenario to start from',
    details: `
      Writes the Lower Mainland default scenario YAML (commented, with a schema hint for editors) and, beside it, the \`coverage_matrix.csv\` it refers to. Existing files are left alone unless \`--force\` is given.
    `,
    examples: [
      ['Write ./lower_mainland_defaults.yaml and ./coverage_matrix.csv', '$0 config init'],
      ['Write into a directory of your own', '$0 config init --out scenarios/my_region.yaml'],
    ],
  });

  out = Option.String('--out', 'lower_mainland_defaults.yaml', {
    description: 'Where to write the scenario YAML; coverage_matrix.csv goes beside it',
    validator: t.cascade(t.isString(), t.hasMinLength(1)),
  });

  force = Option.Boolean('--force', false, { description: 'Overwrite existing files' });

  async run(): Promise<number> {
    const yamlPath = resolve(this.out);
    const csvPath = join(dirname(yamlPath), 'coverage_matrix.csv');
    if (!this.force)
      for (const path of [yamlPath, csvPath])
        if (existsSync(path))
          throw new UsageError(`${path} already exists; use --force to overwrite it`);
    const { defaultScenarioFiles } = await import('@lm-synth/config');
    const files = defaultScenarioFiles();
    await mkdir(dirname(yamlPath), { recursive: true });
    // Write beside the target, then rename: a reader never sees half a file.
    for (const [path, text] of [
      [csvPath, files.coverageMatrixCsv],
      [yamlPath, files.scenarioYaml],
    ] as const) {
      await writeFile(`${path}.tmp`, text);
      await rename(`${path}.tmp`, path);
    }
    this.context.stdout.write(`wrote ${yamlPath}\nwrote ${csvPath}\n`);
    return ExitCode.Ok;
  }
}
