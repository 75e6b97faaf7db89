import { z } from 'zod';

/** Version of the model file's layout; sample refuses any other. */
export const MODEL_VERSION = 1;

const categorySchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const marginalSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('quantile'),
    knots: z.array(z.number()).min(2),
    step: z.number().min(0),
  }),
  z.object({
    kind: z.literal('frequency'),
    ordered: z.boolean(),
    values: z.array(categorySchema),
    weights: z.array(z.number().min(0)),
  }),
]);

/**
 * How a copula dimension maps to columns: `value` a column through its marginal, `null`
 * whether a nullable non-categorical column is null, `day` / `second` the UTC day and
 * second of day of a timestamp (`window-position`: the day as its position in the patient's
 * residence), `combination` several columns as one category (only
 * combinations seen in training: a fixed-combinations constraint), `band-position` a date of
 * birth as its position within the age group's birth dates, `days-after` a date as days
 * after another column's, `count` a parent's number of children in a child table,
 * `child-mean` the mean normal score of a child table's dimension over a parent's children.
 */
export const featureKinds = [
  'value',
  'null',
  'day',
  'window-position',
  'second',
  'combination',
  'band-position',
  'days-after',
  'count',
  'child-mean',
] as const;

const featureSchema = z.object({
  name: z.string(),
  kind: z.enum(featureKinds),
  /** Columns it stands for; for `count` and `child-mean`, the child table then its dimension. */
  columns: z.array(z.string()),
  marginal: marginalSchema,
  /**
   * Conditional marginals: the feature's distribution in each cell of one or two categorical
   * features (of the same table, or of the parent's row when `parent`), keyed by their
   * category positions; a cell with too few rows to describe falls back to `marginal`.
   */
  given: z
    .object({
      features: z.array(z.string()),
      parent: z.boolean(),
      cells: z.array(z.object({ key: z.array(z.number().int()), marginal: marginalSchema })),
    })
    .optional(),
});

const tableModelSchema = z.object({
  name: z.string(),
  rows: z.number().int().nonnegative(),
  /** A child table's foreign key to its parent (patients). */
  parent: z.object({ table: z.string(), column: z.string() }).nullable(),
  features: z.array(featureSchema),
  /** Correlation of the features' normal scores, row-major, repaired to positive definite. */
  correlation: z.array(z.number()),
  /** Whether the estimated correlation needed the repair. */
  repaired: z.boolean(),
  /** Child tables: covariance of a child's normal scores around its parent's mean, row-major. */
  within: z.array(z.number()).nullable(),
  /**
   * Child tables: variance of the parents' mean scores beyond the within part, per dimension;
   * the parent holds its children's mean standardised by √(between + within / count).
   */
  between: z.array(z.number()).nullable(),
});

const referenceTableSchema = z.object({
  name: z.string(),
  rows: z.number().int().nonnegative(),
  columns: z.record(z.string(), z.array(categorySchema)),
});

export const synthesizerModelSchema = z.object({
  format: z.literal('lm-synth-model'),
  version: z.literal(MODEL_VERSION),
  notice: z.string(),
  training: z.object({
    lmSynthVersion: z.string(),
    scenarioId: z.string(),
    scenarioHash: z.string(),
    referenceDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    timeZone: z.string(),
    startYear: z.number().int(),
    horizonYears: z.number().int().positive(),
    uniqueQuasiIdentifiers: z.boolean(),
    withEd: z.boolean(),
    withIp: z.boolean(),
    /** Sum of the training patients' weights: the population the sample stands for. */
    weightTotal: z.number().nonnegative(),
    /** Rows per table of the training data. */
    tables: z.record(z.string(), z.number().int().nonnegative()),
  }),
  constraints: z.object({
    /** From the scenario: an ALC stay lasts at least this many days. */
    alcLosThresholdDays: z.number().positive(),
    /** Age bands (catalogue order); the open band ends at `openBandMaxAge`. */
    ageBands: z.array(
      z.object({
        group: z.string(),
        minAge: z.number().int(),
        maxAge: z.number().int().nullable(),
      }),
    ),
    openBandMaxAge: z.number().int(),
    /** Hours from an ED arrival to the admission it led to (training distribution). */
    boardingHours: marginalSchema,
    /** Enforce unique (dob, lha_id, gender) unless the sample asks otherwise. */
    uniqueQuasiIdentifiers: z.boolean(),
  }),
  tables: z.array(tableModelSchema),
  /** Dimension and reference tables: scenario-derived aggregates, written back as they were. */
  reference: z.array(referenceTableSchema),
  /** capacity_daily's planned beds per site and month (scaled at sampling); census is recomputed. */
  capacity: z
    .object({
      months: z.array(z.string()),
      sites: z.array(z.number().int()),
      firstDay: z.number().int(),
      lastDay: z.number().int(),
      staffedBeds: z.array(z.array(z.number())),
      physicalBeds: z.array(z.array(z.number())),
      nhppd: z.array(z.array(z.number())),
    })
    .nullable(),
});

/** The model file: fitted parameters and aggregates only, never a training row. */
export type SynthesizerModel = z.infer<typeof synthesizerModelSchema>;
export type TableModel = SynthesizerModel['tables'][number];
export type FeatureModel = TableModel['features'][number];
export type FeatureKind = (typeof featureKinds)[number];
