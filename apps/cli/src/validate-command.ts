import { lstat, readlink, realpath, writeFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { Command, Option, UsageError } from 'clipanion';
import * as t from 'typanion';
import { configFilesOption } from './config-load-scenario.js';
import { datasetScenario } from './dataset-scenario.js';
import { ExitCode } from './exit-codes.js';
import { isChoice } from './is-choice.js';
import { LmSynthCommand } from './lm-synth-command.js';

const FORMATS = ['text', 'json', 'github'] as const;
const isFraction = t.cascade(t.isNumber(), [t.isInInclusiveRange(0, 1)]);

export class ValidateCommand extends LmSynthCommand {
  static override paths = [['validate']];

  static override usage = Command.Usage({
    category: 'Data',
    description: 'validate a generated dataset against its scenario',
    details: `
      Holds the dataset against the scenario it was generated from, its own \`scenario.yaml\`; \`--config\` names another one instead (with a warning when it differs from the dataset's). Datasets written before datasets carried their scenario are held against the packaged defaults unless \`--config\` says otherwise.

      Reads the dataset in \`--in\` (Parquet, CSV or Arrow IPC, through DuckDB) and runs every gate: integrity (keys, foreign keys, DOB and age group, LOS rules, coverage matrix, linked visits and stays, duplicate quasi-identifiers, manifest hashes), fidelity to the scenario (marginals, ED volumes, LOS medians, pediatric shares, cross-LHA care, seasonality, column shapes and correlations against a reference sample) and k-anonymity. Statistical tolerances allow for sampling error at the dataset's size, so a correct small dataset does not fail by chance.

      With \`--compare OTHER\` the dataset is also held against another one, e.g. a model-based sample against its training data: distance to closest record, nearest-neighbour distance ratio and the pMSE of a discriminator, and an SDMetrics-style quality report (column shapes, column pair trends, cardinality, intertable trends, overall score against the scenario's \`quality_score_min\`; per-column detail in the JSON report).

      Exit code 0 when no gate fails (INCONCLUSIVE and INFO gates do not fail a dataset), 1 when any fails, 2 for bad input (a missing or unreadable dataset, a broken config). \`--format json\` prints the report in its documented schema; \`--format github\` prints GitHub Actions annotations; \`--out FILE\` also writes the JSON report, which must not be inside a dataset being validated (exit code 2).
    `,
    examples: [
      ['Validate ./out against the scenario it was generated from', '$0 validate --in ./out'],
      [
        'The blueprint invocation',
        '$0 validate --in ./out --config ./configs/lower_mainland_defaults.yaml --ks-threshold 0.1 --corr-threshold 0.1',
      ],
      [
        'In a GitHub workflow, keeping the report',
        '$0 validate --in ./out --format github --out validation.json',
      ],
      [
        'A model-based sample against its training data',
        '$0 validate --in ./sample --compare ./out',
      ],
    ],
  });

  in = Option.String('--in', './out', { description: 'Dataset directory (default ./out)' });
  configs = configFilesOption();
  ksThreshold = Option.String('--ks-threshold', {
    description: 'Largest KS / total variation distance of a column (default: the scenario, 0.1)',
    validator: isFraction,
  });
  corrThreshold = Option.String('--corr-threshold', {
    description: 'Largest correlation drift (default: the scenario, 0.1)',
    validator: isFraction,
  });
  format = Option.String('--format', 'text', {
    description: 'text, json or github (default text)',
    validator: isChoice(FORMATS),
  });
  out = Option.String('--out', { description: 'Also write the JSON report to this file' });
  compare = Option.String('--compare', {
    description:
      'Another dataset to measure quality and privacy against (quality score, DCR, NNDR, pMSE)',
  });

  async run(): Promise<number> {
    const format = this.format;
    if (this.out !== undefined) {
      await refuseReportInside(this.out, [
        this.in,
        ...(this.compare === undefined ? [] : [this.compare]),
      ]);
    }
    const scenario = await datasetScenario(this.in, this.configs, this.context.stderr);
    if (!scenario) return ExitCode.Usage;
    const { formatGithubAnnotations, formatJsonReport, formatTextReport, validate } = await import(
      '@lm-synth/validate'
    );
    const report = await validate(this.in, scenario, {
      ...(this.ksThreshold === undefined ? {} : { ksThreshold: this.ksThreshold }),
      ...(this.corrThreshold === undefined ? {} : { corrThreshold: this.corrThreshold }),
      ...(this.compare === undefined ? {} : { compare: this.compare }),
    });
    const json = formatJsonReport(report);
    if (this.out !== undefined) {
      try {
        await writeFile(this.out, json);
      } catch (error) {
        throw new UsageError(`cannot write ${this.out}: ${(error as Error).message}`);
      }
    }
    const stdout = this.context.stdout as typeof this.context.stdout & { isTTY?: boolean };
    const colour = stdout.isTTY === true && !this.context.env.NO_COLOR;
    this.context.stdout.write(
      format === 'json'
        ? json
        : format === 'github'
          ? formatGithubAnnotations(report)
          : formatTextReport(report, { colour }),
    );
    return report.ok ? ExitCode.Ok : ExitCode.Findings;
  }
}

/**
 * Refuses a report path inside a dataset being read: writing there would
 * overwrite or add to the dataset's files (its datapackage.json, say) and
 * leave it failing its own manifest. Symlinks are resolved, the report's too.
 */
async function refuseReportInside(out: string, datasets: readonly string[]): Promise<void> {
  const report = await realTarget(resolve(out));
  for (const dir of datasets) {
    // A dataset that does not exist is reported by validate itself.
    const real = await realpath(resolve(dir)).catch(() => null);
    if (real === null) continue;
    const path = relative(real, report);
    if (path === '' || (path !== '..' && !path.startsWith(`..${sep}`) && !isAbsolute(path))) {
      throw new UsageError(
        `--out ${out} is inside the dataset ${dir}; write the report elsewhere, so the dataset stays as generated`,
      );
    }
  }
}

/** Where writing `path` would land: its symlinks followed, even dangling ones, as writeFile does. */
async function realTarget(path: string): Promise<string> {
  let current = path;
  for (let hops = 0; hops < 40; hops++) {
    const info = await lstat(current).catch(() => null);
    if (!info?.isSymbolicLink()) break;
    current = resolve(dirname(current), await readlink(current));
  }
  const parent = await realpath(dirname(current)).catch(() => dirname(current));
  return join(parent, basename(current));
}
