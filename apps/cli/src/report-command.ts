import { Command, Option } from 'clipanion';
import * as t from 'typanion';
import { configFilesOption, loadConfigScenario } from './config-load-scenario.js';
import { ExitCode } from './exit-codes.js';
import { LmSynthCommand } from './lm-synth-command.js';

const isFraction = t.cascade(t.isNumber(), [t.isInInclusiveRange(0, 1)]);

export class ReportCommand extends LmSynthCommand {
  static override paths = [['report']];

  static override usage = Command.Usage({
    category: 'Data',
    description: 'write a self-contained HTML quality report of a dataset',
    details: `
      Validates the dataset in \`--in\` (every gate of \`lm-synth validate\`) and writes one HTML file: an overview of the run, every gate with observed, expected, tolerance and PASS / FAIL / INCONCLUSIVE, and charts of the population, ED activity (volumes, rates, seasonality, day of week, hour of day, acuity, disposition) and inpatient activity (LOS per program, ALC, admission routes, occupancy). Each chart comes with a one-line reading and its numbers in a collapsible table.

      The file opens anywhere, offline: no scripts, no fonts or anything else fetched; charts are SVG drawn when the report is made. It prints well and works without JavaScript.

      With \`--compare OTHER\` (e.g. a model-based sample against its training data) it adds column shapes, pair-trend heatmaps and the privacy metrics (DCR, NNDR, pMSE).

      The report goes to \`--out\`, by default \`report.html\` beside the dataset directory; a path inside a dataset is refused (exit code 2). Exit code 0 when the report is written and no gate failed, 1 when a gate failed (the report is still written), 2 for bad input. All data is synthetic, for non-production testing.
    `,
    examples: [
      ['Report on ./out, written to ./report.html', '$0 report --in ./out'],
      ['Choose the file', '$0 report --in ./out --out ./out-report.html'],
      [
        'A model-based sample against its training data',
        '$0 report --in ./sample --compare ./out --out ./sample-report.html',
      ],
    ],
  });

  in = Option.String('--in', './out', { description: 'Dataset directory (default ./out)' });
  out = Option.String('--out', {
    description: 'HTML file to write (default: report.html beside the dataset directory)',
  });
  compare = Option.String('--compare', {
    description: 'Another dataset to compare with: column shapes, pair trends, privacy',
  });
  configs = configFilesOption();
  ksThreshold = Option.String('--ks-threshold', {
    description: 'Largest KS / total variation distance of a column (default: the scenario, 0.1)',
    validator: isFraction,
  });
  corrThreshold = Option.String('--corr-threshold', {
    description: 'Largest correlation drift (default: the scenario, 0.1)',
    validator: isFraction,
  });

  async run(): Promise<number> {
    const started = performance.now();
    const scenario = await loadConfigScenario(this.configs, this.context.stderr);
    if (!scenario) return ExitCode.Usage;
    const { writeHtmlReport } = await import('@lm-synth/validate');
    const { path, bytes, report } = await writeHtmlReport(this.in, scenario, {
      ...(this.out === undefined ? {} : { out: this.out }),
      ...(this.compare === undefined ? {} : { compare: this.compare }),
      ...(this.ksThreshold === undefined ? {} : { ksThreshold: this.ksThreshold }),
      ...(this.corrThreshold === undefined ? {} : { corrThreshold: this.corrThreshold }),
    });
    const count = (status: string) => report.gates.filter((gate) => gate.status === status).length;
    const seconds = (performance.now() - started) / 1000;
    this.context.stdout.write(
      `Wrote ${path} (${(bytes / 1024).toFixed(0)} KiB, ${seconds.toFixed(1)} s)\n` +
        `${count('pass')} passed, ${count('fail')} failed, ${count('inconclusive')} inconclusive, ${count('info')} info: ${report.ok ? 'PASSED' : 'FAILED'}\n` +
        `${report.notice}\n`,
    );
    return report.ok ? ExitCode.Ok : ExitCode.Findings;
  }
}
