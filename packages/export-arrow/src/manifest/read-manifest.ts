import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DATASET_FILES } from '../dataset-files.js';
import { ExportInputError } from '../export-input-error.js';
import { type DatasetManifest, datasetManifestSchema } from './dataset-manifest.js';

/**
 * Reads and validates `<dir>/datapackage.json`. A missing, unreadable or
 * malformed manifest is an input error: the directory is not an lm-synth dataset.
 */
export async function readManifest(dir: string): Promise<DatasetManifest> {
  const path = join(dir, DATASET_FILES.manifest);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'has no' : `cannot read its (${code ?? String(error)})`;
    throw new ExportInputError(
      `${dir} ${reason} ${DATASET_FILES.manifest}: not an lm-synth dataset`,
      { cause: error },
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ExportInputError(`${path} is not valid JSON: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const parsed = datasetManifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length > 0 ? issue.path.join('.') : '(top level)';
    throw new ExportInputError(`${path} is not an lm-synth manifest: ${where}: ${issue.message}`);
  }
  return parsed.data;
}
