import { resolve } from 'node:path';
import type { OutputFormat, WriteDatasetOptions, WriteSummary } from '@lm-synth/export-arrow';
import { CLI_VERSION } from './cli-version.js';
import { interruptible } from './interruptible.js';

export interface ModelSampleRequest {
  readonly model: string;
  readonly patients: number | undefined;
  readonly seed: number;
  readonly out: string;
  readonly format: OutputFormat;
  readonly force: boolean;
  readonly duckdb: boolean;
  readonly uniqueQuasiIdentifiers: boolean | undefined;
  readonly onProgress?: WriteDatasetOptions['onProgress'];
}

export type ModelSampleOutcome =
  | { readonly completed: true; readonly summary: WriteSummary; readonly hash: string }
  | { readonly completed: false; readonly signal: string; readonly exitCode: number };

/**
 * `model sample` and `model pipeline`: reads the model file, samples it and writes the
 * dataset through the same writer as `generate` (atomic, manifest naming the model's hash).
 */
export async function modelSample(request: ModelSampleRequest): Promise<ModelSampleOutcome> {
  const [{ readModelFile, sampleModel }, { writeDataset }] = await Promise.all([
    import('@lm-synth/synthesizer'),
    import('@lm-synth/export-arrow'),
  ]);
  const { model, hash } = await readModelFile(request.model);
  const patients = request.patients ?? model.tables[0]?.rows ?? 1;
  const uniqueQuasiIdentifiers =
    request.uniqueQuasiIdentifiers ?? model.constraints.uniqueQuasiIdentifiers;
  const tables = sampleModel(model, { patients, seed: request.seed, uniqueQuasiIdentifiers });
  const training = model.training;
  const outcome = await interruptible((signal) =>
    writeDataset(
      // The stream carries what produced it: here the model (named by its hash).
      Object.assign(tables, {
        run: {
          lmSynthVersion: CLI_VERSION,
          seed: request.seed,
          scenarioId: training.scenarioId,
          scenarioHash: training.scenarioHash,
          referenceDate: training.referenceDate,
          timeZone: training.timeZone,
          startYear: training.startYear,
          horizonYears: training.horizonYears,
          patients,
          uniqueQuasiIdentifiers,
          withEd: training.withEd,
          withIp: training.withIp,
          model: { hash, version: model.version },
        },
      }),
      {
        signal,
        outDir: resolve(request.out),
        format: request.format,
        force: request.force,
        duckdb: request.duckdb,
        ...(request.onProgress ? { onProgress: request.onProgress } : {}),
      },
    ),
  );
  if (!outcome.completed)
    return { completed: false, signal: outcome.signal, exitCode: outcome.exitCode };
  return { completed: true, summary: outcome.value, hash };
}
