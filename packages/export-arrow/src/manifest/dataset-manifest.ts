import { isAbsolute } from 'node:path';
import type { RunMetadata } from '@lm-synth/dims';
import { z } from 'zod';

/** A path inside the dataset directory: relative, '/'-separated, never leaving it. */
const relativePath = z
  .string()
  .min(1)
  .refine(
    (path) =>
      !isAbsolute(path) &&
      !path.includes('\\') &&
      path.split('/').every((part) => part !== '' && part !== '.' && part !== '..'),
    'must be a relative path inside the dataset directory',
  );

const fieldSchema = z.object({
  name: z.string(),
  type: z.enum(['integer', 'number', 'boolean', 'string', 'date', 'datetime']),
  format: z.string().optional(),
  description: z.string(),
  trueValues: z.array(z.string()).optional(),
  falseValues: z.array(z.string()).optional(),
  constraints: z.object({
    required: z.boolean(),
    enum: z.array(z.string()).optional(),
    maxLength: z.number().int().positive().optional(),
  }),
});

const resourceSchema = z.object({
  name: z.string().regex(/^[a-z0-9_]+$/),
  profile: z.literal('tabular-data-resource'),
  description: z.string(),
  path: z.union([relativePath, z.array(relativePath).min(1)]),
  format: z.enum(['parquet', 'csv', 'arrow']),
  mediatype: z.string(),
  encoding: z.string().optional(),
  bytes: z.number().int().nonnegative(),
  hash: z.string().regex(/^sha256:[0-9a-f]{64}$/),
  /** lm-synth's own key: the number of rows in the resource. */
  rows: z.number().int().nonnegative(),
  dialect: z
    .object({
      delimiter: z.string(),
      lineTerminator: z.string(),
      quoteChar: z.string(),
      doubleQuote: z.boolean(),
      header: z.boolean(),
    })
    .optional(),
  schema: z.object({
    fields: z.array(fieldSchema),
    missingValues: z.array(z.string()).optional(),
    primaryKey: z.array(z.string()),
    foreignKeys: z
      .array(
        z.object({
          fields: z.array(z.string()),
          reference: z.object({ resource: z.string(), fields: z.array(z.string()) }),
        }),
      )
      // Written only when there is one (the profile's minItems 1); older manifests wrote [].
      .optional(),
  }),
});

export const datasetManifestSchema = z.object({
  profile: z.literal('tabular-data-package'),
  name: z.literal('lm-synth'),
  title: z.string(),
  description: z.string(),
  lm_synth: z.object({
    lmSynthVersion: z.string(),
    seed: z.number(),
    scenarioId: z.string(),
    scenarioHash: z.string(),
    referenceDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    // Optional so that datasets written before the scenario named its zone still open; their
    // arrival profiles were applied as if UTC were local time.
    timeZone: z.string().min(1).optional(),
    startYear: z.number().int(),
    horizonYears: z.number().int(),
    patients: z.number().int().nonnegative(),
    uniqueQuasiIdentifiers: z.boolean(),
    withEd: z.boolean(),
    withIp: z.boolean(),
    // Only in a model's sample: which model file (sha256 of its bytes) the rows came from.
    model: z
      .object({ hash: z.string().regex(/^sha256:[0-9a-f]{64}$/), version: z.number().int() })
      .optional(),
    format: z.enum(['parquet', 'csv', 'arrow']),
    // The same tables in other formats from the same run; `resources` hold the primary one.
    copies: z
      .array(
        z.object({
          format: z.enum(['parquet', 'csv', 'arrow']),
          mediatype: z.string(),
          resources: z.array(
            z.object({
              name: z.string(),
              path: z.union([relativePath, z.array(relativePath).min(1)]),
              bytes: z.number().int().nonnegative(),
              hash: z.string().regex(/^sha256:[0-9a-f]{64}$/),
            }),
          ),
        }),
      )
      .optional(),
    partitionBy: z.array(z.enum(['year', 'site'])),
    duckdb: z.boolean(),
    notice: z.string(),
    // Datasets written before a dataset carried its scenario lack it.
    scenario: z
      .object({
        path: relativePath,
        bytes: z.number().int().nonnegative(),
        hash: z.string().regex(/^sha256:[0-9a-f]{64}$/),
      })
      .optional(),
  }),
  resources: z.array(resourceSchema),
});

// The manifest records exactly the run metadata the generators produce: checked both ways.
type RecordedRun = Omit<
  z.infer<typeof datasetManifestSchema>['lm_synth'],
  'format' | 'copies' | 'partitionBy' | 'duckdb' | 'notice' | 'scenario'
>;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const recordsRunMetadata: Same<Required<RecordedRun>, Required<RunMetadata>> = true;
void recordsRunMetadata;

/** datapackage.json as lm-synth writes it (a Frictionless tabular data package). */
export type DatasetManifest = z.infer<typeof datasetManifestSchema>;
export type ManifestResource = DatasetManifest['resources'][number];
export type ManifestField = ManifestResource['schema']['fields'][number];
