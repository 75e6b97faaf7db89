import { resolve } from 'node:path';
import { Command, Option } from 'clipanion';
import { ExitCode } from './exit-codes.js';
import { LmSynthCommand } from './lm-synth-command.js';

export class CleanCommand extends LmSynthCommand {
  static override paths = [['clean']];

  static override usage = Command.Usage({
    category: 'Data',
    description: 'remove a dataset lm-synth wrote',
    details: `
      Removes from \`--out\` exactly what lm-synth wrote there: the table files listed in \`datapackage.json\`, \`metadata.json\`, \`lm_synth.duckdb\` and finally the manifest itself, then the directory when nothing else is left in it. Files lm-synth did not write are kept and listed, with everything below them; symbolic links are never followed. Temporary directories that killed \`generate\` runs left beside the dataset are removed too.

      A directory without an lm-synth manifest, or a symbolic link (pass the directory it points to), is refused with exit code 2, so \`clean\` never deletes anything it cannot account for.
    `,
    examples: [
      ['Remove ./out', '$0 clean'],
      ['Remove another dataset', '$0 clean --out ./big'],
    ],
  });

  out = Option.String('--out', './out', { description: 'Dataset directory (default ./out)' });

  async run(): Promise<number> {
    const dir = resolve(this.out);
    const { cleanDataset } = await import('@lm-synth/export-arrow');
    const result = await cleanDataset(dir);
    const lines = [
      `Removed ${result.removed.length} ${result.removed.length === 1 ? 'file' : 'files'} from ${dir}${result.removedDirectory ? ' and the directory' : ''}.`,
    ];
    if (result.leftovers.length > 0) {
      lines.push(`Removed what interrupted runs left beside it: ${result.leftovers.join(', ')}`);
    }
    if (result.kept.length > 0) {
      lines.push(`Kept what lm-synth did not write: ${result.kept.join(', ')}`);
    }
    this.context.stdout.write(`${lines.join('\n')}\n`);
    return ExitCode.Ok;
  }
}
