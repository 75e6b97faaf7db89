import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TableBatches } from '@lm-synth/dims';
import { arrowSchema, CATALOGUE, type TableDefinition, tableByName } from '@lm-synth/dims';
import { createStream } from '@lm-synth/stats';
import type { RecordBatch } from 'apache-arrow';
import { compileMarginal } from './compiled-marginal.js';
import { compileTable } from './compiled-table.js';
import type { Category } from './marginal.js';
import { MODEL_RULES } from './model-rules.js';
import { recordBatch } from './record-batch.js';
import { type Row, type SampleContext, sampleFamilies } from './sample-families.js';
import { SpillFile } from './spill-file.js';
import { SynthesizerInputError } from './synthesizer-input-error.js';
import type { SynthesizerModel } from './synthesizer-model.js';
import { ZoneClock } from './zone-clock.js';

/** Spill directories of runs not yet read back, removed at exit if still there. */
const SPILL_DIRS = new Set<string>();
let exitHook = false;

/** Patients per block: each block draws from its own stream, createStream(seed, purpose, block). */
export const SAMPLE_BLOCK = 4_096;
const REFERENCE_BATCH = 65_536;

export interface SampleOptions {
  /** Patients to sample (rows of patients). */
  readonly patients: number;
  readonly seed: number;
  /** Keep (dob, lha_id, gender) unique (default: as the training data was). */
  readonly uniqueQuasiIdentifiers?: boolean;
}

/**
 * The sample of `model` as the tables `writeDataset` takes, in catalogue order: the
 * reference tables as fitted, then patients, their ED encounters and stays, and daily
 * capacity (census counted from the sampled stays, beds scaled to the sample). The fact
 * tables are sampled in one pass, block by block: patients are streamed to the writer and
 * each block's children spilled to a temporary file until their table is written, so memory
 * holds one block, never the sample (the set of quasi-identifiers aside, when kept unique).
 * The same model, options and seed give the same rows.
 */
export function sampleModel(model: SynthesizerModel, options: SampleOptions): TableBatches[] {
  const { patients, seed } = options;
  if (!(Number.isInteger(patients) && patients >= 1)) {
    throw new SynthesizerInputError(
      `patients must be a whole number of at least 1 (got ${patients})`,
    );
  }
  const unique = options.uniqueQuasiIdentifiers ?? model.constraints.uniqueQuasiIdentifiers;
  const present = new Set(Object.keys(model.training.tables));
  const tables: TableBatches[] = [];
  const census: { values: Int32Array | null } = { values: null };
  // One clock for the run: its offsets are looked up once per day.
  const clock = new ZoneClock(model.training.timeZone);
  const [parentModel, ...childModels] = model.tables;
  const children: Spill = { files: new Map(), cleanup: null };
  for (const table of CATALOGUE) {
    if (!present.has(table.name)) continue;
    const reference = model.reference.find((entry) => entry.name === table.name);
    if (reference) {
      tables.push({ table, batches: referenceBatches(table, reference.columns, reference.rows) });
    } else if (table.name === parentModel?.name) {
      const childTables = childModels.map((child) => tableByName(child.name));
      tables.push({
        table,
        batches: onePass(model, table, childTables, {
          patients,
          seed,
          unique,
          clock,
          census,
          children,
        }),
      });
    } else if (childModels.some((child) => child.name === table.name)) {
      tables.push({ table, batches: spilledBatches(children, table.name) });
    } else if (table.name === MODEL_RULES.capacity && model.capacity) {
      tables.push({ table, batches: capacityBatches(model, table, patients, census) });
    }
  }
  return tables;
}

interface PassOptions {
  readonly patients: number;
  readonly seed: number;
  readonly unique: boolean;
  readonly clock: ZoneClock;
  readonly census: { values: Int32Array | null };
  readonly children: Spill;
}

/** A run's spilled child tables and how to remove their directory. */
interface Spill {
  readonly files: Map<string, SpillFile>;
  cleanup: (() => void) | null;
}

/**
 * The sample in one pass over the blocks: patients' batches yielded as they come, each
 * block's children spilled to a temporary file (read back when their table is written) and
 * the stays' midnight census counted.
 */
function* onePass(
  model: SynthesizerModel,
  parentTable: TableDefinition,
  childTables: readonly TableDefinition[],
  options: PassOptions,
): Generator<RecordBatch> {
  const { patients, seed, unique, clock, census, children } = options;
  const run = context(model, patients, unique, clock);
  const dir = mkdtempSync(join(tmpdir(), 'lm-synth-sample-'));
  const cleanup = () => {
    rmSync(dir, { recursive: true, force: true });
    SPILL_DIRS.delete(dir);
  };
  // Removed when the last child table is read; a run stopped before that leaves it to exit.
  SPILL_DIRS.add(dir);
  if (SPILL_DIRS.size === 1 && !exitHook) {
    exitHook = true;
    process.once('exit', () => {
      for (const spill of SPILL_DIRS) rmSync(spill, { recursive: true, force: true });
    });
  }
  children.cleanup = cleanup;
  for (const table of childTables)
    children.files.set(table.name, new SpillFile(join(dir, `${table.name}.arrows`)));
  const schemas = new Map(
    [parentTable, ...childTables].map((table) => [table.name, arrowSchema(table)]),
  );
  const counter = model.capacity ? censusCounter(model, run) : null;
  const rowsOf = (table: TableDefinition, rows: readonly Row[]) => {
    const columns: Record<string, Category[]> = {};
    for (const column of table.columns)
      columns[column.name] = rows.map((row) => row[column.name] ?? null);
    return recordBatch(table, schemas.get(table.name)!, columns);
  };
  try {
    for (let block = 0; block * SAMPLE_BLOCK < patients; block++) {
      const from = block * SAMPLE_BLOCK;
      const to = Math.min(patients, from + SAMPLE_BLOCK);
      const families = sampleFamilies(
        run,
        from,
        to,
        createStream(seed, 'synthesizer-sample', block),
      );
      for (const table of childTables) {
        const rows = families.flatMap((family) => family.children.get(table.name) ?? []);
        if (counter && table.name === MODEL_RULES.ip.table)
          for (const row of rows) counter.add(row);
        if (rows.length > 0) children.files.get(table.name)!.write(rowsOf(table, rows));
      }
      yield rowsOf(
        parentTable,
        families.map((family) => family.patient),
      );
    }
    if (counter) census.values = counter.finish();
  } catch (error) {
    cleanup();
    throw error;
  }
}

/** A child table's spilled batches; the file is removed once read. */
function* spilledBatches(children: Spill, name: string): Generator<RecordBatch> {
  const file = children.files.get(name);
  if (!file) throw new Error(`${name} is written before its patients were sampled`);
  yield* file.read();
  children.files.delete(name);
  if (children.files.size === 0) children.cleanup?.();
}

function* referenceBatches(
  table: TableDefinition,
  columns: Record<string, Category[]>,
  rows: number,
): Generator<RecordBatch> {
  const schema = arrowSchema(table);
  for (let from = 0; from < rows; from += REFERENCE_BATCH) {
    const slice: Record<string, Category[]> = {};
    for (const column of table.columns)
      slice[column.name] = (columns[column.name] ?? []).slice(from, from + REFERENCE_BATCH);
    yield recordBatch(table, schema, slice);
  }
}

function context(
  model: SynthesizerModel,
  patients: number,
  unique: boolean,
  clock: ZoneClock,
): SampleContext {
  const [parentModel, ...childModels] = model.tables;
  if (!parentModel) throw new SynthesizerInputError('the model has no tables');
  const { startYear, horizonYears, referenceDate } = model.training;
  const parentTable = CATALOGUE.find((table) => table.name === parentModel.name);
  return {
    model,
    parent: compileTable(parentModel),
    children: childModels.map((child) => compileTable(child, parentModel)),
    clock,
    startDay: Date.UTC(startYear, 0, 1) / 86_400_000,
    endDay: Date.UTC(startYear + horizonYears - 1, 11, 31) / 86_400_000,
    warmUpDay: Date.UTC(startYear - 1, 0, 1) / 86_400_000,
    referenceDay: Date.parse(`${referenceDate}T00:00:00Z`) / 86_400_000,
    weight: model.training.weightTotal / patients,
    taken: unique ? new Set<number>() : null,
    nextId: new Map(),
    boarding: compileMarginal(model.constraints.boardingHours),
    parentKey: parentTable?.primaryKey[0] ?? 'patient_id',
  };
}

/** Midnight census per site and day from stays: in a bed at a local midnight after admission, up to discharge. */
function censusCounter(model: SynthesizerModel, run: SampleContext) {
  const plan = model.capacity!;
  const days = plan.lastDay - plan.firstDay + 1;
  const site = new Map(plan.sites.map((id, s) => [id, s]));
  const diff = new Int32Array(plan.sites.length * (days + 1));
  const { ip } = MODEL_RULES;
  return {
    add(row: Row) {
      const s = site.get(Number(row[ip.facility]));
      if (s === undefined) return;
      const first = run.clock.localDay(Number(row[ip.admit])) + 1 - plan.firstDay;
      const discharge = row[ip.discharge];
      const last =
        (discharge === null ? plan.lastDay : run.clock.localDay(Number(discharge))) - plan.firstDay;
      const a = Math.max(0, first);
      const b = Math.min(days - 1, last);
      if (a > b) return;
      diff[s * (days + 1) + a]! += 1;
      diff[s * (days + 1) + b + 1]! -= 1;
    },
    finish(): Int32Array {
      const out = new Int32Array(plan.sites.length * days);
      for (let s = 0; s < plan.sites.length; s++) {
        let running = 0;
        for (let d = 0; d < days; d++) {
          running += diff[s * (days + 1) + d]!;
          out[s * days + d] = running;
        }
      }
      return out;
    },
  };
}

function* capacityBatches(
  model: SynthesizerModel,
  table: TableDefinition,
  patients: number,
  census: { values: Int32Array | null },
): Generator<RecordBatch> {
  const plan = model.capacity!;
  const values = census.values;
  if (!values) throw new Error('capacity_daily needs the stays sampled first');
  const days = plan.lastDay - plan.firstDay + 1;
  const scale = patients / (model.training.tables[model.tables[0]!.name] ?? patients);
  const monthOf = new Map(plan.months.map((month, m) => [month, m]));
  const schema = arrowSchema(table);
  const columns: Record<string, Category[]> = Object.fromEntries(
    table.columns.map((column) => [column.name, []]),
  );
  const push = (name: string, value: Category) => columns[name]?.push(value);
  for (let d = 0; d < days; d++) {
    const day = plan.firstDay + d;
    const month = monthOf.get(new Date(day * 86_400_000).toISOString().slice(0, 7)) ?? 0;
    plan.sites.forEach((siteId, s) => {
      const trainStaffed = plan.staffedBeds[s]![month]!;
      const staffed = trainStaffed > 0 ? Math.max(1, Math.round(trainStaffed * scale)) : 0;
      const physical = Math.max(staffed, Math.round(plan.physicalBeds[s]![month]! * scale));
      const count = values[s * days + d]!;
      push('date', day);
      push('site_id', siteId);
      push('staffed_beds', staffed);
      push('physical_beds', physical);
      push('nhppd', plan.nhppd[s]![month]!);
      push('census', count);
      push('occupancy', staffed > 0 ? Math.round((count / staffed) * 10_000) / 10_000 : 0);
    });
  }
  yield recordBatch(table, schema, columns);
}
