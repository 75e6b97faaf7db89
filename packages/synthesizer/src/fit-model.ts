import type { Scenario } from '@lm-synth/config/core';
import { buildDimAgeGroup, CATALOGUE, type TableDefinition } from '@lm-synth/dims';
import { openDataset, SYNTHETIC_NOTICE } from '@lm-synth/export-arrow';
import { createStream } from '@lm-synth/stats';
import { association } from './association.js';
import { ageInYears, birthDateRange } from './birth-date-range.js';
import { cellKey } from './compiled-table.js';
import { conditionalScores } from './conditional-scores.js';
import { fitCorrelation } from './fit-correlation.js';
import { fitFrequencyMarginal } from './fit-frequency-marginal.js';
import { fitQuantileMarginal } from './fit-quantile-marginal.js';
import type { Category, Marginal } from './marginal.js';
import { MODEL_RULES } from './model-rules.js';
import { nearestCorrelation } from './nearest-correlation.js';
import { normalScores } from './normal-scores.js';
import { readTableColumns } from './read-table-columns.js';
import { SynthesizerInputError } from './synthesizer-input-error.js';
import {
  type FeatureModel,
  MODEL_VERSION,
  type SynthesizerModel,
  type TableModel,
} from './synthesizer-model.js';

/** Integer columns with at most this many distinct values are ordered categories (counts, levels). */
const MAX_ORDINAL_VALUES = 64;
/** Association (Cramér's V, or η² for numbers) below which a column is not conditioned. */
const MIN_ASSOCIATION = { categorical: 0.1, numeric: 0.05 };
/** Cramér's V from which a parent-table category is conditioned on another of its table. */
const MIN_OWN_CATEGORICAL = 0.3;
/** Rows a cell needs for its own conditional marginal (fewer: the overall marginal). */
const MIN_CELL_ROWS = { categorical: 30, numeric: 50 };
/** Knots of a conditional quantile marginal: cells have fewer rows than the column. */
const CELL_KNOTS = 65;
/** Free-text categories seen fewer times than this stay out of the model (privacy). */
const MIN_TEXT_CATEGORY_COUNT = 5;
const DAY_US = 86_400_000_000;
/** Weight, in years of residence, of the overall rate in each patient's rate of children. */
const PRIOR_YEARS = 1;

/** A feature being fitted: its model entry and one sortable key per row (NaN: missing). */
interface FittingFeature {
  readonly model: FeatureModel;
  readonly keys: Float64Array;
}

export interface FitOptions {
  /** Version recorded in the model. */
  readonly lmSynthVersion: string;
}

/**
 * Fits the hierarchical Gaussian copula to the lm-synth dataset in `dir`: a copula per
 * fact table over its columns' normal scores (marginal family per logical type, see
 * marginal.ts), the parent table (patients) extended with each child table's number of
 * children and mean normal scores per patient, and each child table's covariance around its
 * parent's mean. Dimension and reference tables are kept as written (they are the
 * scenario's, not patients'). Thresholds come from `scenario`. Deterministic: the same
 * dataset gives the same model.
 */
export async function fitModel(
  dir: string,
  scenario: Scenario,
  options: FitOptions,
): Promise<SynthesizerModel> {
  const dataset = await openDataset(dir);
  try {
    const { connection, manifest } = dataset;
    const present = new Set(dataset.tables);
    const run = manifest.lm_synth;
    const parentTable = tableOf(MODEL_RULES.parent);
    if (!present.has(parentTable.name)) {
      throw new SynthesizerInputError(`${dir} has no ${parentTable.name} table to fit`);
    }
    checkRules();
    const referenceDay = Date.parse(`${run.referenceDate}T00:00:00Z`) / 86_400_000;
    const parentKey = parentTable.primaryKey[0]!;
    const parentData = await readTableColumns(connection, parentTable, [parentKey]);
    const parentIds = parentData[parentKey] as string[];
    const parentIndex = new Map(parentIds.map((id, i) => [id, i]));
    const bands = ageBands();
    const { features: parentFeatures, openBandMaxAge } = tableFeatures(
      parentTable,
      parentData,
      referenceDay,
      bands,
    );

    const childModels: TableModel[] = [];
    const extension: FittingFeature[] = [];
    const children = CATALOGUE.filter(
      (table) =>
        table.role === 'fact' &&
        present.has(table.name) &&
        table.foreignKeys.some((fk) => fk.references.table === parentTable.name),
    );
    let stream = 1;
    for (const child of children) {
      const fk = child.foreignKeys.find((key) => key.references.table === parentTable.name)!;
      const column = fk.columns[0]!;
      const data = await readTableColumns(connection, child, [column, ...child.primaryKey]);
      const owner = Int32Array.from(data[column] as string[], (id) => parentIndex.get(id) ?? -1);
      const parentWindow = residenceWindows(parentData, run.startYear, run.horizonYears);
      const windows = (row: number, warmUp: boolean) => parentWindow(owner[row]!, warmUp);
      const { features } = tableFeatures(child, data, referenceDay, bands, windows);
      const conditions = conditionFeatures(features, { features: parentFeatures, owner });
      const scores = features.map((feature, f) => {
        const random = createStream(0, `fit:${child.name}`, stream++);
        const condition = conditions[f];
        return condition
          ? conditionalScores(feature.keys, condition.cellKeys, condition.groups, random)
          : normalScores(feature.keys, random);
      });
      const q = scores.length;
      const n = owner.length;
      const count = new Float64Array(parentIds.length);
      for (let i = 0; i < n; i++) if (owner[i]! >= 0) count[owner[i]!]!++;
      const means = scores.map(() => new Float64Array(parentIds.length));
      scores.forEach((column, j) => {
        for (let i = 0; i < n; i++) if (owner[i]! >= 0) means[j]![owner[i]!]! += column[i]!;
      });
      for (const mean of means)
        for (let p = 0; p < mean.length; p++)
          mean[p] = count[p]! > 0 ? mean[p]! / count[p]! : Number.NaN;
      // Pooled covariance of the children around their parent's mean, (k - 1) degrees of freedom each.
      const within = new Float64Array(q * q);
      let freedom = 0;
      for (let i = 0; i < n; i++) {
        const p = owner[i]!;
        if (p < 0) continue;
        for (let a = 0; a < q; a++) {
          const ra = scores[a]![i]! - means[a]![p]!;
          for (let b = a; b < q; b++)
            within[a * q + b] = within[a * q + b]! + ra * (scores[b]![i]! - means[b]![p]!);
        }
      }
      for (let p = 0; p < count.length; p++) if (count[p]! > 0) freedom += count[p]! - 1;
      for (let a = 0; a < q; a++)
        for (let b = a; b < q; b++) {
          const value = freedom > 0 ? within[a * q + b]! / freedom : a === b ? 1 : 0;
          within[a * q + b] = value;
          within[b * q + a] = value;
        }
      // A parent's mean score varies less the more children it has (between + within / k):
      // stored standardised, so the copula sees one distribution whatever the count.
      const between = Array.from({ length: q }, (_, j) => Math.max(1e-6, 1 - within[j * q + j]!));
      for (let j = 0; j < q; j++) {
        const mean = means[j]!;
        for (let p = 0; p < mean.length; p++) {
          if (count[p]! > 0)
            mean[p] = mean[p]! / Math.sqrt(between[j]! + within[j * q + j]! / count[p]!);
        }
      }
      childModels.push({
        name: child.name,
        rows: n,
        parent: { table: parentTable.name, column },
        ...copula(features, scores),
        within: repairedCovariance(within, q),
        between: between.map((value) => Number(value.toFixed(8))),
      });
      const distinctCounts = new Set(count).size;
      const residence = MODEL_RULES.residence[child.name];
      if (residence) {
        // Children per year of residence, a patient here for a month having a month's visits:
        // the Poisson-gamma posterior mean (k + μ·b) / (years + b) with a prior of one year at
        // the overall rate μ, as k / years alone is all noise for short residences.
        const years = Float64Array.from(count, (_, p) => {
          const [low, high] = parentWindow(p, residence.warmUp);
          return (high - low + 1) / 365.25;
        });
        const mu =
          count.reduce((sum, k) => sum + k, 0) /
          Math.max(
            1e-9,
            years.reduce((sum, y) => sum + y, 0),
          );
        const rate = count.map((k, p) => (k + mu * PRIOR_YEARS) / (years[p]! + PRIOR_YEARS));
        extension.push({
          model: {
            name: `${child.name}.rate`,
            kind: 'count',
            columns: [child.name, 'per-year'],
            marginal: fitQuantileMarginal(rate, 0),
          },
          keys: rate,
        });
      } else {
        extension.push({
          model: {
            name: `${child.name}.count`,
            kind: 'count',
            columns: [child.name],
            marginal:
              distinctCounts <= MAX_ORDINAL_VALUES
                ? fitFrequencyMarginal(Array.from(count), true)
                : fitQuantileMarginal(count, 1),
          },
          keys: count,
        });
      }
      features.forEach((feature, j) => {
        extension.push({
          model: {
            name: `${child.name}.mean.${feature.model.name}`,
            kind: 'child-mean',
            columns: [child.name, feature.model.name],
            marginal: fitQuantileMarginal(means[j]!, 0),
          },
          keys: means[j]!,
        });
      });
    }
    const allParent = [...parentFeatures, ...extension];
    const parentConditions = conditionFeatures(parentFeatures, null);
    const parentScores = allParent.map((feature, f) => {
      const random = createStream(0, `fit:${parentTable.name}`, stream++);
      const condition = parentConditions[f];
      return condition
        ? conditionalScores(feature.keys, condition.cellKeys, condition.groups, random)
        : normalScores(feature.keys, random);
    });
    const parentModel: TableModel = {
      name: parentTable.name,
      rows: parentIds.length,
      parent: null,
      ...copula(allParent, parentScores),
      within: null,
      between: null,
    };

    const weightColumn = parentData.weight ?? [];
    const weightTotal = weightColumn.reduce<number>((sum, value) => sum + Number(value ?? 0), 0);
    return {
      format: 'lm-synth-model',
      version: MODEL_VERSION,
      notice: SYNTHETIC_NOTICE,
      training: {
        lmSynthVersion: options.lmSynthVersion,
        scenarioId: run.scenarioId,
        scenarioHash: run.scenarioHash,
        referenceDate: run.referenceDate,
        timeZone: run.timeZone ?? 'UTC',
        startYear: run.startYear,
        horizonYears: run.horizonYears,
        uniqueQuasiIdentifiers: run.uniqueQuasiIdentifiers,
        withEd: run.withEd,
        withIp: run.withIp,
        weightTotal,
        tables: Object.fromEntries(
          manifest.resources.map((resource) => [resource.name, resource.rows]),
        ),
      },
      constraints: {
        alcLosThresholdDays: scenario.inpatient.alcLosThresholdDays,
        ageBands: bands,
        openBandMaxAge,
        boardingHours: await boardingHours(connection, present),
        uniqueQuasiIdentifiers: run.uniqueQuasiIdentifiers,
      },
      tables: [parentModel, ...childModels],
      reference: await referenceTables(connection, present),
      capacity: present.has(MODEL_RULES.capacity) ? await capacityPlan(connection) : null,
    };
  } finally {
    dataset.close();
  }
}

function tableOf(name: string): TableDefinition {
  const table = CATALOGUE.find((entry) => entry.name === name);
  if (!table) throw new Error(`The catalogue has no table ${name}`);
  return table;
}

/** Refuses rules naming columns the catalogue does not have (a renamed column, say). */
function checkRules(): void {
  const has = (table: string, column: string) =>
    tableOf(table).columns.some((entry) => entry.name === column);
  const named: [string, string][] = [];
  for (const [table, groups] of Object.entries(MODEL_RULES.fixedCombinations))
    for (const group of groups) for (const column of group) named.push([table, column]);
  for (const [table, columns] of Object.entries(MODEL_RULES.derived))
    for (const column of columns) named.push([table, column]);
  const { birthDate, exit, ip, ed } = MODEL_RULES;
  for (const column of [
    birthDate.dob,
    birthDate.ageGroup,
    birthDate.entryDate,
    birthDate.entryReason,
  ])
    named.push([birthDate.table, column]);
  named.push([exit.table, exit.exitDate], [exit.table, exit.exitReason]);
  for (const column of [
    ip.id,
    ip.facility,
    ip.admit,
    ip.discharge,
    ip.los,
    ip.alc,
    ip.source,
    ip.edLink,
    ip.transferLink,
  ])
    named.push([ip.table, column]);
  for (const column of [ed.id, ed.facility, ed.arrival, ed.dispo]) named.push([ed.table, column]);
  for (const [table, column] of named) {
    if (!has(table, column))
      throw new Error(
        `The synthesizer's rules name ${table}.${column}, which the catalogue no longer has`,
      );
  }
}

function ageBands(): SynthesizerModel['constraints']['ageBands'] {
  const dim = buildDimAgeGroup();
  return dim.age_group.map((group, i) => ({
    group,
    minAge: dim.min_age[i]!,
    maxAge: dim.max_age[i] ?? null,
  }));
}

/** Sortable keys of a feature whose marginal is a frequency: the category's position. */
function categoryKeys(values: readonly Category[], marginal: Marginal): Float64Array {
  if (marginal.kind !== 'frequency')
    return Float64Array.from(values, (value) => (value === null ? Number.NaN : Number(value)));
  const position = new Map(marginal.values.map((value, i) => [value, i]));
  return Float64Array.from(values, (value) => position.get(value) ?? Number.NaN);
}

/**
 * The copula dimensions of a table, derived from its catalogue entry: keys and links to
 * other facts are generated, not modelled; derived columns are computed; the rules'
 * combinations and transforms replace their columns; every other column is modelled by
 * its logical type.
 */
function tableFeatures(
  table: TableDefinition,
  data: Record<string, Category[]>,
  referenceDay: number,
  bands: SynthesizerModel['constraints']['ageBands'],
  windows?: (row: number, warmUp: boolean) => [number, number],
): { features: FittingFeature[]; openBandMaxAge: number } {
  const residence = MODEL_RULES.residence[table.name];
  const features: FittingFeature[] = [];
  const skip = new Set<string>(table.role === 'fact' ? table.primaryKey : []);
  for (const fk of table.foreignKeys) {
    if (tableOf(fk.references.table).role === 'fact')
      for (const column of fk.columns) skip.add(column);
  }
  for (const column of MODEL_RULES.derived[table.name] ?? []) skip.add(column);
  const categorical = new Set<string>();
  for (const fk of table.foreignKeys) {
    if (tableOf(fk.references.table).role !== 'fact')
      for (const column of fk.columns) categorical.add(column);
  }
  const add = (model: FeatureModel, keys: Float64Array) => features.push({ model, keys });
  for (const group of MODEL_RULES.fixedCombinations[table.name] ?? []) {
    const values = data[group[0]!]!.map((_, i) =>
      JSON.stringify(group.map((column) => data[column]![i] ?? null)),
    );
    const marginal = fitFrequencyMarginal(values, false);
    add(
      { name: group.join('+'), kind: 'combination', columns: [...group], marginal },
      categoryKeys(values, marginal),
    );
    for (const column of group) skip.add(column);
  }
  let openBandMaxAge = 0;
  const { birthDate, exit } = MODEL_RULES;
  if (table.name === birthDate.table) {
    const dob = data[birthDate.dob]!;
    const group = data[birthDate.ageGroup]!;
    const entry = data[birthDate.entryDate]!;
    const reason = data[birthDate.entryReason]!;
    const bandOf = new Map(bands.map((band) => [band.group, band]));
    const anchors = dob.map((_, i) =>
      (birthDate.atReferenceDate as readonly Category[]).includes(reason[i] ?? null)
        ? referenceDay
        : Number(entry[i]),
    );
    for (let i = 0; i < dob.length; i++) {
      const band = bandOf.get(String(group[i]));
      if (band && band.maxAge === null)
        openBandMaxAge = Math.max(openBandMaxAge, ageInYears(Number(dob[i]), anchors[i]!));
    }
    openBandMaxAge = Math.max(openBandMaxAge, ...bands.map((band) => band.maxAge ?? band.minAge));
    const positions = Float64Array.from(dob, (value, i) => {
      const band = bandOf.get(String(group[i]));
      if (value === null || !band) return Number.NaN;
      const [first, last] = birthDateRange(anchors[i]!, band.minAge, band.maxAge ?? openBandMaxAge);
      return Math.min(Math.max((Number(value) - first + 0.5) / (last - first + 1), 0), 1);
    });
    add(
      {
        name: `${birthDate.dob}.position`,
        kind: 'band-position',
        columns: [birthDate.dob, birthDate.ageGroup],
        marginal: fitQuantileMarginal(positions, 0),
      },
      positions,
    );
    skip.add(birthDate.dob);
    // Residents entered at the start by definition: entry_date is fitted on entrants only.
    const entryDays = Float64Array.from(entry, (value, i) =>
      value === null ||
      (birthDate.atReferenceDate as readonly Category[]).includes(reason[i] ?? null)
        ? Number.NaN
        : Number(value),
    );
    add(
      {
        name: birthDate.entryDate,
        kind: 'value',
        columns: [birthDate.entryDate],
        marginal: fitQuantileMarginal(entryDays, 1),
      },
      entryDays,
    );
    skip.add(birthDate.entryDate);
  }
  if (table.name === exit.table) {
    const entry = data[birthDate.entryDate]!;
    const after = Float64Array.from(data[exit.exitDate]!, (value, i) =>
      value === null ? Number.NaN : Number(value) - Number(entry[i]),
    );
    add(
      {
        name: `${exit.exitDate}.after`,
        kind: 'days-after',
        columns: [exit.exitDate, birthDate.entryDate],
        marginal: fitQuantileMarginal(after, 1),
      },
      after,
    );
    skip.add(exit.exitDate);
  }
  for (const column of table.columns) {
    if (skip.has(column.name)) continue;
    const values = data[column.name]!;
    const kind = column.type.kind;
    const frequency = (ordered: boolean, minCount = 1) => {
      const marginal = fitFrequencyMarginal(values, ordered, minCount);
      add(
        { name: column.name, kind: 'value', columns: [column.name], marginal },
        categoryKeys(values, marginal),
      );
    };
    const nullable = () => {
      if (!column.nullable) return;
      const isNull = values.map((value) => value === null);
      const marginal = fitFrequencyMarginal(isNull, true);
      add(
        { name: `${column.name}.null`, kind: 'null', columns: [column.name], marginal },
        categoryKeys(isNull, marginal),
      );
    };
    const numeric = (
      name: string,
      kindOf: FeatureModel['kind'],
      numbers: Float64Array,
      step: number,
    ) =>
      add(
        {
          name,
          kind: kindOf,
          columns: [column.name],
          marginal: fitQuantileMarginal(numbers, step),
        },
        numbers,
      );
    const numbers = () =>
      Float64Array.from(values, (value) => (value === null ? Number.NaN : Number(value)));
    if (categorical.has(column.name) || kind === 'enum' || kind === 'boolean') frequency(false);
    else if (kind === 'string') frequency(false, MIN_TEXT_CATEGORY_COUNT);
    else if (kind === 'int8' || kind === 'int16' || kind === 'int32' || kind === 'int64') {
      if (new Set(values).size <= MAX_ORDINAL_VALUES) frequency(true);
      else {
        numeric(column.name, 'value', numbers(), 1);
        nullable();
      }
    } else if (kind === 'float64' || kind === 'decimal') {
      numeric(column.name, 'value', numbers(), kind === 'decimal' ? 10 ** -column.type.scale : 0);
      nullable();
    } else if (kind === 'date') {
      numeric(column.name, 'value', numbers(), 1);
      nullable();
    } else if (kind === 'timestamp') {
      const us = numbers();
      // Day and second of day apart: a quantile function over ten years of instants would blur the hours.
      if (residence?.column === column.name && windows) {
        const positions = us.map((value, i) => {
          const [low, high] = windows(i, residence.warmUp);
          return Math.min(
            Math.max((Math.floor(value / DAY_US) - low + 0.5) / (high - low + 1), 0),
            1,
          );
        });
        numeric(`${column.name}.position`, 'window-position', positions, 0);
      } else
        numeric(
          `${column.name}.day`,
          'day',
          us.map((value) => Math.floor(value / DAY_US)),
          1,
        );
      numeric(
        `${column.name}.second`,
        'second',
        us.map((value) => Math.floor((value - Math.floor(value / DAY_US) * DAY_US) / 1e6)),
        1,
      );
      nullable();
    }
  }
  return { features, openBandMaxAge };
}

/**
 * A patient's residence, in days: entry (residents: the start, or a year
 * before it for warm-up rows) to exit or the last day of the horizon.
 */
function residenceWindows(
  parent: Record<string, Category[]>,
  startYear: number,
  horizonYears: number,
): (patient: number, warmUp: boolean) => [number, number] {
  const { birthDate, exit } = MODEL_RULES;
  const startDay = Date.UTC(startYear, 0, 1) / 86_400_000;
  const warmUpDay = Date.UTC(startYear - 1, 0, 1) / 86_400_000;
  const endDay = Date.UTC(startYear + horizonYears - 1, 11, 31) / 86_400_000;
  const entry = parent[birthDate.entryDate]!;
  const reason = parent[birthDate.entryReason]!;
  const exits = parent[exit.exitDate]!;
  return (p, warmUp) => {
    const resident = (birthDate.atReferenceDate as readonly Category[]).includes(reason[p] ?? null);
    const low = resident ? (warmUp ? warmUpDay : startDay) : Number(entry[p] ?? startDay);
    const high = exits[p] === null || exits[p] === undefined ? endDay : Number(exits[p]);
    return [low, Math.max(low, high)];
  };
}

/** The copula of a table: its features and the repaired correlation of their normal scores. */
function copula(
  features: readonly FittingFeature[],
  scores: readonly Float64Array[],
): Pick<TableModel, 'features' | 'correlation' | 'repaired'> {
  const { matrix, repaired } = fitCorrelation(scores);
  return {
    features: features.map((feature) => feature.model),
    correlation: Array.from(matrix, (value) => Number(value.toFixed(8))),
    repaired,
  };
}

/** A covariance made positive definite through its correlation, kept to 8 decimals. */
function repairedCovariance(covariance: Float64Array, q: number): number[] {
  const sd = Float64Array.from({ length: q }, (_, i) =>
    Math.sqrt(Math.max(covariance[i * q + i]!, 1e-9)),
  );
  const correlation = covariance.map((value, k) => value / (sd[Math.floor(k / q)]! * sd[k % q]!));
  const { matrix } = nearestCorrelation(correlation, q);
  return Array.from(matrix, (value, k) =>
    Number((value * sd[Math.floor(k / q)]! * sd[k % q]!).toFixed(8)),
  );
}

async function boardingHours(
  connection: import('@duckdb/node-api').DuckDBConnection,
  present: ReadonlySet<string>,
): Promise<Marginal> {
  const { ip, ed } = MODEL_RULES;
  if (!present.has(ip.table) || !present.has(ed.table))
    return fitQuantileMarginal(new Float64Array([0, 0]), 0);
  const reader = await connection.runAndReadAll(
    `SELECT (epoch(s.${ip.admit}) - epoch(e.${ed.arrival})) / 3600.0 AS hours FROM ${ip.table} s
     JOIN ${ed.table} e ON e.${ed.id} = s.${ip.edLink} ORDER BY hours`,
  );
  const hours = Float64Array.from(reader.getColumnsJS()[0] ?? [], (value) => Number(value));
  return fitQuantileMarginal(hours.length > 0 ? hours : new Float64Array([0, 0]), 0);
}

async function referenceTables(
  connection: import('@duckdb/node-api').DuckDBConnection,
  present: ReadonlySet<string>,
): Promise<SynthesizerModel['reference']> {
  const out: SynthesizerModel['reference'] = [];
  for (const table of CATALOGUE) {
    if (table.role === 'fact' || !present.has(table.name)) continue;
    const columns = await readTableColumns(connection, table, table.primaryKey);
    out.push({ name: table.name, rows: columns[table.columns[0]!.name]?.length ?? 0, columns });
  }
  return out;
}

async function capacityPlan(
  connection: import('@duckdb/node-api').DuckDBConnection,
): Promise<NonNullable<SynthesizerModel['capacity']>> {
  const reader = await connection.runAndReadAll(
    `SELECT strftime(date, '%Y-%m') AS month, site_id, max(staffed_beds) AS staffed,
       max(physical_beds) AS physical, CAST(avg(nhppd) AS DOUBLE) AS nhppd,
       min(date_diff('day', DATE '1970-01-01', date)) AS first, max(date_diff('day', DATE '1970-01-01', date)) AS last
     FROM ${MODEL_RULES.capacity} GROUP BY ALL ORDER BY month, site_id`,
  );
  const rows = reader.getRowObjectsJS() as Record<string, unknown>[];
  const months = [...new Set(rows.map((row) => String(row.month)))];
  const sites = [...new Set(rows.map((row) => Number(row.site_id)))].sort((x, y) => x - y);
  const grid = () => sites.map(() => months.map(() => 0));
  const staffedBeds = grid();
  const physicalBeds = grid();
  const nhppd = grid();
  let firstDay = Number.POSITIVE_INFINITY;
  let lastDay = Number.NEGATIVE_INFINITY;
  for (const row of rows) {
    const s = sites.indexOf(Number(row.site_id));
    const m = months.indexOf(String(row.month));
    staffedBeds[s]![m] = Number(row.staffed);
    physicalBeds[s]![m] = Number(row.physical);
    nhppd[s]![m] = Number(Number(row.nhppd).toFixed(2));
    firstDay = Math.min(firstDay, Number(row.first));
    lastDay = Math.max(lastDay, Number(row.last));
  }
  return { months, sites, firstDay, lastDay, staffedBeds, physicalBeds, nhppd };
}

/**
 * Chooses what each feature is conditioned on and fits its conditional marginals: a child
 * table's categorical features on the one or two categorical features of the parent most
 * associated with them (Cramér's V), a numeric feature on the categorical feature of its own
 * table that explains most of it (η²). The Gaussian copula alone ties categories to other
 * columns only through one correlation; conditional marginals keep, for instance, which
 * facilities a patient's visits go to and how long a stay of each subprogram lasts.
 * Returns, per feature, the cell keys and cell of each row for its normal scores.
 */
function conditionFeatures(
  features: FittingFeature[],
  parent: { features: readonly FittingFeature[]; owner: Int32Array } | null,
): ({ cellKeys: Float64Array; groups: Int32Array } | null)[] {
  const categorical = (feature: FittingFeature) =>
    (feature.model.kind === 'value' || feature.model.kind === 'combination') &&
    feature.model.marginal.kind === 'frequency';
  const numeric = (feature: FittingFeature) =>
    ['value', 'band-position', 'days-after'].includes(feature.model.kind) &&
    feature.model.marginal.kind === 'quantile';
  // Own-table conditions form no chains: a conditioning feature is never conditioned itself,
  // so decoding those first and the conditioned ones after always works. Strongest first.
  const own = new Map<FittingFeature, { name: string; keys: Float64Array; strength: number }>();
  if (!parent) {
    const pairs: { f: FittingFeature; g: FittingFeature; strength: number }[] = [];
    for (const f of features) {
      const kind = categorical(f) ? 'categorical' : numeric(f) ? 'numeric' : null;
      if (!kind) continue;
      for (const g of features) {
        if (g === f || !categorical(g)) continue;
        const strength = association(g.keys, f.keys, kind === 'numeric');
        // Categories on categories only when strong: the copula already carries weak ones.
        if (strength >= (kind === 'numeric' ? MIN_ASSOCIATION.numeric : MIN_OWN_CATEGORICAL))
          pairs.push({ f, g, strength });
      }
    }
    pairs.sort((x, y) => y.strength - x.strength || (x.f.model.name < y.f.model.name ? -1 : 1));
    const conditioners = new Set<FittingFeature>();
    for (const { f, g, strength } of pairs) {
      if (own.has(f) || conditioners.has(f) || own.has(g)) continue;
      own.set(f, { name: g.model.name, keys: g.keys, strength });
      conditioners.add(g);
    }
  }
  // The parent's categories on the child rows, mapped once for every child feature.
  const parentCandidates = parent
    ? parent.features.filter(categorical).map((p) => ({
        name: p.model.name,
        keys: Float64Array.from(parent.owner, (o) => (o >= 0 ? p.keys[o]! : Number.NaN)),
      }))
    : [];
  return features.map((feature) => {
    let isParent = false;
    let kind: 'categorical' | 'numeric';
    let ranked: { name: string; keys: Float64Array }[];
    if (parent && categorical(feature)) {
      kind = 'categorical';
      isParent = true;
      ranked = parentCandidates
        .map((candidate) => ({
          ...candidate,
          strength: association(candidate.keys, feature.keys, false),
        }))
        .filter((candidate) => candidate.strength >= MIN_ASSOCIATION.categorical)
        .sort((a, b) => b.strength - a.strength || (a.name < b.name ? -1 : 1))
        .slice(0, 2);
    } else if (own.has(feature)) {
      kind = categorical(feature) ? 'categorical' : 'numeric';
      ranked = [own.get(feature)!];
    } else if (parent && numeric(feature)) {
      kind = 'numeric';
      ranked = features
        .filter((other) => other !== feature && categorical(other))
        .map((other) => ({
          name: other.model.name,
          keys: other.keys,
          strength: association(other.keys, feature.keys, true),
        }))
        .filter((candidate) => candidate.strength >= MIN_ASSOCIATION.numeric)
        .sort((a, b) => b.strength - a.strength || (a.name < b.name ? -1 : 1))
        .slice(0, 1);
    } else return null;
    if (ranked.length === 0) return null;
    const n = feature.keys.length;
    const cellOf = new Map<number, number[]>();
    for (let i = 0; i < n; i++) {
      if (ranked.some((r) => Number.isNaN(r.keys[i]!))) continue;
      const key = cellKey(ranked.map((r) => r.keys[i]!));
      let rows = cellOf.get(key);
      if (!rows) cellOf.set(key, (rows = []));
      rows.push(i);
    }
    const groups = new Int32Array(n).fill(-1);
    const cellKeys = new Float64Array(n).fill(Number.NaN);
    const cells: { key: number[]; marginal: Marginal }[] = [];
    const marginal = feature.model.marginal;
    for (const [key, rows] of [...cellOf].sort(([a], [b]) => a - b)) {
      if (rows.length < MIN_CELL_ROWS[kind]) continue;
      let cell: Marginal;
      if (marginal.kind === 'frequency') {
        const values = rows.map((i) =>
          Number.isNaN(feature.keys[i]!) ? undefined : marginal.values[feature.keys[i]!],
        );
        cell = fitFrequencyMarginal(
          values.filter((value) => value !== undefined),
          marginal.ordered,
        );
        if (cell.kind !== 'frequency') continue;
        const position = new Map(cell.values.map((value, p) => [value, p]));
        for (const i of rows) {
          const value = Number.isNaN(feature.keys[i]!)
            ? undefined
            : marginal.values[feature.keys[i]!];
          cellKeys[i] = value === undefined ? Number.NaN : (position.get(value) ?? Number.NaN);
        }
      } else {
        const values = Float64Array.from(rows, (i) => feature.keys[i]!);
        cell = fitQuantileMarginal(values, marginal.step, CELL_KNOTS);
        for (const i of rows) cellKeys[i] = feature.keys[i]!;
      }
      for (const i of rows) groups[i] = cells.length;
      cells.push({ key: cellPositions(key, ranked.length), marginal: cell });
    }
    if (cells.length === 0) return null;
    feature.model.given = { features: ranked.map((r) => r.name), parent: isParent, cells };
    return { cellKeys, groups };
  });
}

/** The category positions a cellKey was made of. */
function cellPositions(key: number, count: number): number[] {
  const positions: number[] = [];
  let rest = key;
  for (let g = 0; g < count; g++) {
    positions.unshift((rest % 1_048_576) - 1);
    rest = Math.floor(rest / 1_048_576);
  }
  return positions;
}
