import {
  arrowSchema,
  buildDimensionTables,
  type DimensionTables,
  type TableDefinition,
} from '@lm-synth/dims';
import type { RecordBatch, Schema } from 'apache-arrow';
import type { BlockColumns, BlockNeeds, BlockResult } from './block-result.js';
import { capacityDailyColumns } from './capacity-daily-columns.js';
import { civilDate } from './civil-date.js';
import { edBaselineRatesColumns } from './ed-baseline-rates-columns.js';
import { FactBatchAssembler } from './fact-batch-assembler.js';
import { generateBlock } from './generate-block.js';
import { GeneratorContext, PATIENTS_PER_BLOCK } from './generator-context.js';
import { type GeneratorSettings, generatorSettings } from './generator-settings.js';
import type { DatasetPlan } from './plan-dataset.js';
import { populationProjectionColumns } from './population-projection-columns.js';
import { type SmallTableColumn, smallTableBatches } from './small-table-batches.js';
import type { TableBatches } from './table-batches.js';
import { WorkerPool } from './worker-pool.js';

const PATIENTS_PASS: BlockNeeds = { patients: true, ed: false, ip: false };
const ED_PASS: BlockNeeds = { patients: false, ed: true, ip: false };
const IP_PASS: BlockNeeds = { patients: false, ed: false, ip: true };

/**
 * One generateDataset run. Fact tables are emitted in passes over the logical
 * blocks, one pass per table: blocks are pure, so each pass recomputes what it
 * needs instead of holding earlier tables, and memory stays bounded by the
 * batch size and the blocks in flight. The inpatient pass also accumulates the
 * midnight census that capacity_daily reports.
 */
export class DatasetRun {
  private readonly settings: GeneratorSettings;
  private context: GeneratorContext | undefined;
  private pool: WorkerPool | undefined;
  private dimensions: DimensionTables | undefined;
  private census: Int32Array | undefined;

  constructor(private readonly plan: DatasetPlan) {
    this.settings = generatorSettings(plan);
  }

  async *tables(): AsyncGenerator<TableBatches> {
    try {
      for (const table of this.plan.tables) yield { table, batches: this.batches(table) };
    } finally {
      await this.pool?.close();
      this.pool = undefined;
    }
  }

  private async *batches(table: TableDefinition): AsyncGenerator<RecordBatch> {
    const schema = arrowSchema(table);
    const small = (columns: object) =>
      smallTableBatches(
        table,
        schema,
        columns as Record<string, SmallTableColumn>,
        this.plan.options.batchSize,
      );
    switch (table.name) {
      case 'population_projection':
        yield* small(populationProjectionColumns(this.plan.scenario));
        return;
      case 'ed_baseline_rates':
        yield* small(edBaselineRatesColumns(this.plan.scenario));
        return;
      case 'patients':
        yield* this.factBatches(table, schema, PATIENTS_PASS, (block) => [
          block.patients,
          block.patientCount,
        ]);
        return;
      case 'ed_encounters':
        yield* this.factBatches(table, schema, ED_PASS, (block) => [block.ed, block.edCount]);
        return;
      case 'ip_stays':
        yield* this.factBatches(table, schema, IP_PASS, (block) => [block.ip, block.ipCount]);
        return;
      case 'capacity_daily':
        yield* small(
          capacityDailyColumns(
            this.plan.scenario,
            this.plan.options.patients,
            await this.completeCensus(),
          ),
        );
        return;
    }
    this.dimensions ??= buildDimensionTables(this.plan.scenario);
    const columns = (this.dimensions as unknown as Record<string, object | undefined>)[table.name];
    if (!columns) throw new Error(`no generator for catalogue table ${table.name}`);
    yield* small(columns);
  }

  private async *factBatches(
    table: TableDefinition,
    schema: Schema,
    needs: BlockNeeds,
    rowsOf: (block: BlockResult) => [BlockColumns | undefined, number],
  ): AsyncGenerator<RecordBatch> {
    const assembler = new FactBatchAssembler(table, schema, this.plan.options.batchSize);
    // Ids count rows of the tables being written; references to a table left out are null.
    const offsets = new Map<string, number>([['patients', 0]]);
    if (this.plan.options.withEd) offsets.set('ed_encounters', 0);
    if (this.plan.options.withIp) offsets.set('ip_stays', 0);
    const census = needs.ip ? this.startCensus() : undefined;
    for await (const block of this.blocks(needs)) {
      const [columns, rows] = rowsOf(block);
      yield* assembler.append(columns!, rows, offsets);
      if (offsets.has('ed_encounters'))
        offsets.set('ed_encounters', offsets.get('ed_encounters')! + block.edCount);
      if (offsets.has('ip_stays'))
        offsets.set('ip_stays', offsets.get('ip_stays')! + block.ipCount);
      if (census) this.addCensus(census, block);
    }
    const last = assembler.flush();
    if (last) yield last;
    if (census) this.census = census;
  }

  private async *blocks(needs: BlockNeeds): AsyncGenerator<BlockResult> {
    if (this.plan.threads > 1) {
      this.pool ??= new WorkerPool(this.settings, this.plan.threads);
      yield* this.pool.blocks(Math.ceil(this.plan.options.patients / PATIENTS_PER_BLOCK), needs);
      return;
    }
    this.context ??= new GeneratorContext(this.settings);
    for (let block = 0; block < this.context.blockCount; block++) {
      yield generateBlock(this.context, block, needs);
    }
  }

  private startCensus(): Int32Array {
    const { scenario } = this.plan;
    this.census = undefined;
    const days =
      civilDate.fromParts(scenario.endYear + 1, 1, 1) -
      civilDate.fromParts(scenario.startYear, 1, 1);
    return new Int32Array(scenario.sites.length * (days + 1));
  }

  private addCensus(census: Int32Array, block: BlockResult): void {
    const spans = block.census!;
    const stride = census.length / this.plan.scenario.sites.length;
    for (let k = 0; k < spans.length; k += 3) {
      const site = spans[k]!;
      const from = spans[k + 1]!;
      const to = spans[k + 2]!;
      if (from >= to) continue;
      census[site * stride + from] = census[site * stride + from]! + 1;
      census[site * stride + to] = census[site * stride + to]! - 1;
    }
  }

  /** The census of every stay; runs the inpatient pass silently if ip_stays was not read in full. */
  private async completeCensus(): Promise<Int32Array> {
    if (!this.census) {
      const census = this.startCensus();
      for await (const block of this.blocks(IP_PASS)) this.addCensus(census, block);
      this.census = census;
    }
    return this.census;
  }
}
