import type { TableBatches } from '@lm-synth/dims';
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
import { edRoutingColumns } from './ed-routing-columns.js';
import { FactBatchAssembler } from './fact-batch-assembler.js';
import { generateBlock } from './generate-block.js';
import { GeneratorContext, PATIENTS_PER_BLOCK } from './generator-context.js';
import { type GeneratorSettings, generatorSettings } from './generator-settings.js';
import type { DatasetPlan } from './plan-dataset.js';
import { populationProjectionColumns } from './population-projection-columns.js';
import { type SmallTableColumn, smallTableBatches } from './small-table-batches.js';
import { WorkerPool } from './worker-pool.js';

const PATIENTS_PASS: BlockNeeds = { patients: true, ed: false, ip: false };
const ED_PASS: BlockNeeds = { patients: false, ed: true, ip: false };
const IP_PASS: BlockNeeds = { patients: false, ed: false, ip: true };
/**
 * The patients pass also keeps the ED and inpatient rows of blocks up to this
 * many bytes (about 0.7 MB per block of 4,096 patients over ten years at the
 * default rates, so every block up to about 1,400,000 residents), which the
 * later passes then emit without generating those blocks again; blocks past it
 * are regenerated.
 */
const HELD_BYTES_LIMIT = 256 * 1024 * 1024;

/**
 * One generateDataset run. Fact tables are emitted in passes over the logical
 * blocks, one pass per table. The patients pass generates every table of its
 * blocks and holds their ED and inpatient rows (compact typed arrays, up to
 * HELD_BYTES_LIMIT) for the passes that follow; blocks are pure, so a later
 * pass regenerates any block not held, and memory stays bounded. The
 * inpatient pass also accumulates the midnight census that capacity_daily
 * reports.
 */
export class DatasetRun {
  private readonly settings: GeneratorSettings;
  private context: GeneratorContext | undefined;
  private pool: WorkerPool | undefined;
  private dimensions: DimensionTables | undefined;
  private census: Int32Array | undefined;
  /** Blocks 0.. of the patients pass with their ED and/or inpatient rows, for the later passes. */
  private held: BlockResult[] = [];
  private heldBytes = 0;
  /** The patients pass, when start() began it. */
  private begun: AsyncGenerator<BlockResult> | undefined;

  constructor(
    private readonly plan: DatasetPlan,
    private readonly heldBytesLimit: number = HELD_BYTES_LIMIT,
  ) {
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
      case 'ed_routing':
        yield* small(edRoutingColumns(this.plan.scenario));
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
            this.plan.options.encounterYears,
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

  /**
   * Starts the worker threads on the patients pass now, before the consumer
   * reads anything, so that they generate while it starts up. Without worker
   * threads, blocks are generated as they are read.
   */
  start(): void {
    if (this.plan.threads > 0) this.begun = this.blocks(PATIENTS_PASS);
  }

  /**
   * Every block of a pass, in block order. The patients pass asks for all the
   * tables of the run while it may hold more; the ED and inpatient passes
   * take the held blocks first (releasing what they used) and generate the rest.
   */
  private blocks(needs: BlockNeeds): AsyncGenerator<BlockResult> {
    const { withEd, withIp } = this.plan.options;
    const begun = this.begun;
    this.begun = undefined;
    if (needs.patients && begun) return begun;
    // The patients table was skipped: drop its early results.
    void begun?.return(undefined);
    if (needs.patients && (withEd || withIp)) {
      const all: BlockNeeds = { patients: true, ed: withEd, ip: withIp };
      this.release();
      let holding = true;
      // Decided when a block is requested, ahead of the results: once off, off for the rest.
      return this.generatedBlocks(0, () => {
        holding &&= this.heldBytes < this.heldBytesLimit;
        return holding ? all : PATIENTS_PASS;
      });
    }
    if (needs.ed || needs.ip) return this.heldThenGeneratedBlocks(needs);
    return this.generatedBlocks(0, () => needs);
  }

  private async *heldThenGeneratedBlocks(needs: BlockNeeds): AsyncGenerator<BlockResult> {
    let first = 0;
    for (; first < this.held.length; first++) {
      const block = this.held[first]!;
      if (needs.ed ? !block.ed : !block.ip) break;
      // What a later pass still needs stays held; the rest is released as it is used.
      this.held[first] = needs.ed && block.ip ? { ...block, ed: undefined } : block;
      yield block;
    }
    if (needs.ip || !this.plan.options.withIp) this.release();
    yield* this.generatedBlocks(first, () => needs);
  }

  /** Blocks first.. generated for the pass; worker threads get their requests at once. */
  private generatedBlocks(
    first: number,
    needsOf: (block: number) => BlockNeeds,
  ): AsyncGenerator<BlockResult> {
    const blockCount = Math.ceil(this.settings.cohort.total / PATIENTS_PER_BLOCK);
    if (this.plan.threads > 0) {
      this.pool ??= new WorkerPool(this.settings, this.plan.threads);
      return this.holding(this.pool.blocks(first, blockCount, needsOf));
    }
    this.context ??= new GeneratorContext(this.settings);
    return this.holding(this.inThreadBlocks(this.context, first, blockCount, needsOf));
  }

  private async *inThreadBlocks(
    context: GeneratorContext,
    first: number,
    blockCount: number,
    needsOf: (block: number) => BlockNeeds,
  ): AsyncGenerator<BlockResult> {
    for (let block = first; block < blockCount; block++) {
      yield generateBlock(context, block, needsOf(block));
    }
  }

  private async *holding(blocks: AsyncIterable<BlockResult>): AsyncGenerator<BlockResult> {
    for await (const block of blocks) {
      this.hold(block);
      yield block;
    }
  }

  /** Keeps a patients-pass block's ED and inpatient rows (not its patients: they are emitted now). */
  private hold(block: BlockResult): void {
    if (!block.patients || !(block.ed || block.ip) || block.blockIndex !== this.held.length) return;
    const kept: BlockResult = { ...block, patients: undefined };
    for (const columns of [kept.ed, kept.ip]) {
      for (const column of Object.values(columns ?? {})) this.heldBytes += column.byteLength;
    }
    this.heldBytes += kept.census?.byteLength ?? 0;
    this.held.push(kept);
  }

  private release(): void {
    this.held = [];
    this.heldBytes = 0;
  }

  /** Per site, a difference array over the local days of the warm-up and encounter years. */
  private startCensus(): Int32Array {
    const { scenario, options } = this.plan;
    this.census = undefined;
    const days =
      civilDate.fromParts(scenario.startYear + options.encounterYears, 1, 1) -
      civilDate.fromParts(scenario.startYear - 1, 1, 1);
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
