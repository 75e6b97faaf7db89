import { resolve } from 'node:path';
import type { DatasetCheck } from '@lm-synth/export-arrow';
import { Command, Option } from 'clipanion';
import { ExitCode } from './exit-codes.js';
import { formatTextTable } from './format-text-table.js';
import { LmSynthCommand } from './lm-synth-command.js';

const STATUS_LABEL = { ok: 'ok', missing: 'MISSING', modified: 'MODIFIED' } as const;

export class StatusCommand extends LmSynthCommand {
  static override paths = [['status']];

  static override usage = Command.Usage({
    category: 'Data',
    description: 'check that a dataset is complete and unmodified',
    details: `
      Reads \`datapackage.json\` in \`--in\` and checks every table it lists: each file must be there with the recorded size and SHA-256 (for partitioned tables, the hash over their parts). \`metadata.json\` and, when it was written, \`lm_synth.duckdb\` must be present too.

      Prints one line per table (rows, bytes, ok / MISSING / MODIFIED) and the run that produced the dataset, or JSON with \`--json\`. Exits 0 when everything is in order, 1 when a file is missing or modified, 2 when the directory holds no lm-synth manifest.
    `,
    examples: [
      ['Check ./out', '$0 status'],
      ['Check another dataset, machine-readable', '$0 status --in ./big --json'],
    ],
  });

  input = Option.String('--in', './out', { description: 'Dataset directory (default ./out)' });
  json = Option.Boolean('--json', false, { description: 'Print the check as JSON' });

  async run(): Promise<number> {
    const dir = resolve(this.input);
    const { verifyDataset } = await import('@lm-synth/export-arrow');
    const check = await verifyDataset(dir);
    this.context.stdout.write(this.json ? asJson(dir, check) : asText(dir, check));
    return check.ok ? ExitCode.Ok : ExitCode.Findings;
  }
}

function asJson(dir: string, check: DatasetCheck): string {
  const { lm_synth: run } = check.manifest;
  return `${JSON.stringify(
    {
      ok: check.ok,
      dir,
      format: run.format,
      formats: [run.format, ...(run.copies ?? []).map((copy) => copy.format)],
      lmSynthVersion: run.lmSynthVersion,
      seed: run.seed,
      scenarioId: run.scenarioId,
      scenarioHash: run.scenarioHash,
      resources: check.resources,
      companions: check.companions,
    },
    null,
    2,
  )}\n`;
}

function asText(dir: string, check: DatasetCheck): string {
  const { lm_synth: run } = check.manifest;
  const rows = [
    ...check.resources.map((resource) => [
      resource.name,
      resource.rows.toLocaleString('en-US'),
      resource.bytes.toLocaleString('en-US'),
      STATUS_LABEL[resource.status],
    ]),
    ...check.companions.map((companion) => [
      companion.path,
      '',
      '',
      STATUS_LABEL[companion.status],
    ]),
  ];
  const header = ['file', 'rows', 'bytes', 'status'];
  const problems = [
    ...check.resources
      .filter((resource) => resource.status !== 'ok')
      .map((resource) => `${resource.name} ${STATUS_LABEL[resource.status]}`),
    ...check.companions
      .filter((companion) => companion.status !== 'ok')
      .map((companion) => `${companion.path} ${STATUS_LABEL[companion.status]}`),
  ];
  const verdict = check.ok
    ? `All ${check.resources.length} tables present with matching hashes.`
    : `${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}: ${problems.join(', ')}.`;
  return [
    `${dir}: lm-synth ${run.lmSynthVersion} dataset, ${[run.format, ...(run.copies ?? []).map((copy) => `${copy.format} copy`)].join(' + ')}, scenario ${run.scenarioId}, seed ${run.seed}`,
    run.notice,
    '',
    ...formatTextTable(header, rows, new Set([1, 2])),
    '',
    verdict,
    '',
  ].join('\n');
}
