import { createHash } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { SynthesizerInputError } from './synthesizer-input-error.js';
import { type SynthesizerModel, synthesizerModelSchema } from './synthesizer-model.js';

/** sha256 of a model file's bytes, as a dataset's manifest names it. */
export function modelHash(bytes: Uint8Array | string): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

/** The model as its file holds it: JSON, keys in the order fit builds them, one trailing newline. */
export function serializeModel(model: SynthesizerModel): string {
  return `${JSON.stringify(model)}\n`;
}

/** Writes the model file atomically (a temporary file renamed into place); returns its hash. */
export async function writeModelFile(path: string, model: SynthesizerModel): Promise<string> {
  const text = serializeModel(model);
  const temporary = `${path}.tmp-${process.pid}`;
  try {
    await writeFile(temporary, text);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new SynthesizerInputError(`cannot write ${path}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  return modelHash(text);
}

/** Reads and checks a model file; anything wrong with it is one line naming the file. */
export async function readModelFile(
  path: string,
): Promise<{ model: SynthesizerModel; hash: string }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new SynthesizerInputError(
      code === 'ENOENT'
        ? `${path}: no such model file`
        : `cannot read ${path}: ${(error as Error).message}`,
    );
  }
  return { model: parseModel(text, path), hash: modelHash(text) };
}

/** Parses a model file's text, checking it against the model schema. */
export function parseModel(text: string, path = 'model'): SynthesizerModel {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new SynthesizerInputError(`${path} is not JSON: ${(error as Error).message}`);
  }
  const format = (json as { format?: unknown; version?: unknown } | null)?.format;
  const version = (json as { version?: unknown } | null)?.version;
  if (format !== 'lm-synth-model')
    throw new SynthesizerInputError(`${path} is not an lm-synth model file`);
  const parsed = synthesizerModelSchema.safeParse(json);
  if (!parsed.success) {
    if (version !== 1)
      throw new SynthesizerInputError(
        `${path} is a version ${String(version)} model; this lm-synth reads version 1`,
      );
    const issue = parsed.error.issues[0]!;
    throw new SynthesizerInputError(
      `${path}: ${issue.path.join('.') || '(root)'}: ${issue.message}`,
    );
  }
  const model = parsed.data;
  for (const table of model.tables) {
    const d = table.features.length;
    if (table.correlation.length !== d * d || (table.within && table.within.length !== d * d)) {
      throw new SynthesizerInputError(`${path}: ${table.name}'s correlation is not ${d}×${d}`);
    }
  }
  return model;
}
