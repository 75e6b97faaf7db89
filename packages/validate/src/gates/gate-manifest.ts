import { verifyDataset } from '@lm-synth/export-arrow';
import type { Gate } from './gate.js';
import { violationsOutcome } from './violations-outcome.js';

/**
 * The files are those the manifest describes: every resource present with its recorded
 * bytes and SHA-256, and as many rows as recorded.
 */
export const gateManifest: Gate = {
  id: 'manifest',
  category: 'integrity',
  title: 'Manifest row counts and hashes match the files',
  tables: [],
  statistical: false,
  async run({ dir, rowCounts }) {
    const check = await verifyDataset(dir);
    const problems: string[] = [];
    for (const resource of check.resources) {
      if (resource.status === 'missing') {
        problems.push(`${resource.name}: missing ${resource.missing.join(', ')}`);
      } else if (resource.status === 'modified') {
        const path = check.manifest.resources.find((entry) => entry.name === resource.name)?.path;
        const files = typeof path === 'string' ? path : `${path?.length ?? 0} files`;
        problems.push(`${resource.name}: ${files}: bytes or sha256 differ from the manifest`);
      }
      const rows = rowCounts.get(resource.name);
      if (rows !== undefined && rows !== resource.rows) {
        problems.push(`${resource.name}: ${rows} rows, manifest says ${resource.rows}`);
      }
    }
    for (const companion of check.companions) {
      if (companion.status === 'missing') problems.push(`${companion.path}: missing`);
    }
    return violationsOutcome(problems.length, {
      what: 'files that differ from datapackage.json',
      examples: problems,
    });
  },
};
