import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { scenarioHash } from '@lm-synth/config/core';
import {
  CATALOGUE,
  cataloguePosition,
  type DatasetStream,
  type TableDefinition,
} from '@lm-synth/dims';
import { ArrowIpcTableWriter } from './arrow-ipc-table-writer.js';
import { canonicalBatches } from './canonical-batches.js';
import { CsvTableWriter } from './csv/csv-table-writer.js';
import { DATASET_FILES } from './dataset-files.js';
import { DuckDBDatasetWriter } from './duckdb/duckdb-dataset-writer.js';
import { ExportInputError } from './export-input-error.js';
import { formatJson } from './format-json.js';
import { FORMATS_BY_PREFERENCE } from './formats-by-preference.js';
import { buildManifest, type WrittenResource } from './manifest/build-manifest.js';
import { datasetManifestSchema } from './manifest/dataset-manifest.js';
import { resourceDigest } from './manifest/resource-digest.js';
import { sdvMetadata } from './manifest/sdv-metadata.js';
import { OutputDirectory } from './output-directory.js';
import { syncPath } from './sync-path.js';
import type { TableFileWriter } from './table-file-writer.js';
import type {
  OutputFormat,
  PartitionColumn,
  WriteDatasetOptions,
  WriteSummary,
} from './write-dataset-types.js';

const PARTITION_COLUMNS: readonly PartitionColumn[] = ['year', 'site'];

/**
 * Writes a dataset: every table of `source` as Parquet, CSV or Arrow IPC,
 * lm_synth.duckdb (unless `duckdb: false`), SDV metadata.json, the source's
 * scenario as scenario.yaml (when it carries one) and, last, the
 * datapackage.json manifest, which records the source's run metadata — all into a temporary directory renamed into
 * place only when complete. Bad options throw ExportInputError before
 * anything is written. The same rows give the same bytes however they are
 * cut into batches (the DuckDB file excepted, whose tables are identical).
 */
export async function writeDataset(
  source: DatasetStream,
  options: WriteDatasetOptions,
): Promise<WriteSummary> {
  const { onProgress, signal } = options;
  const { run, scenario } = source;
  const { formats, partitionBy } = checkOptions(source, options);
  const format = formats[0]!;
  const parquet = formats.includes('parquet');
  signal?.throwIfAborted();
  const database = options.duckdb ?? true;
  const output = await OutputDirectory.prepare(options.outDir, options.force ?? false);
  const dir = output.staging;
  const usesDuckDB = parquet || database;
  let duckdb: DuckDBDatasetWriter | null = null;
  // DuckDB's background work (Parquet, keys, the checkpoint) can take seconds: cut it short.
  const interrupt = () => duckdb?.interrupt();
  signal?.addEventListener('abort', interrupt);
  try {
    if (usesDuckDB) {
      duckdb = await DuckDBDatasetWriter.open({
        dir,
        database,
        parquet: parquet ? { partitionBy } : null,
      });
    }
    const written: {
      table: TableDefinition;
      rows: number;
      files: ReadonlyMap<OutputFormat, readonly string[]>;
    }[] = [];
    const seen = new Set<string>();
    for await (const { table, batches } of source) {
      checkTableOrder(table, seen);
      onProgress?.({ type: 'table-started', table: table.name });
      // Every format from the same canonical batches: the rows are generated and cut once.
      const files = new Map<OutputFormat, TableFileWriter>();
      for (const each of formats) {
        const file = await openTableFile(each, dir, table);
        if (file) files.set(each, file);
      }
      const appender = duckdb ? await duckdb.beginTable(table) : null;
      let rows = 0;
      try {
        for await (const batch of canonicalBatches(table, batches)) {
          appender?.append(batch);
          for (const file of files.values()) await file.write(batch);
          rows += batch.numRows;
          onProgress?.({ type: 'rows-written', table: table.name, rows });
          // Let the event loop run, so DuckDB's background tasks on earlier tables move on
          // (and a signal handler can abort the run).
          await nextTurn();
          signal?.throwIfAborted();
        }
      } catch (error) {
        for (const file of files.values()) await file.abort();
        throw error;
      }
      const closed = new Map<OutputFormat, readonly string[]>();
      for (const [each, file] of files) closed.set(each, await file.close());
      written.push({ table, rows, files: closed });
      if (duckdb && appender) duckdb.endTable(table, appender, rows);
      onProgress?.({ type: 'table-finished', table: table.name, rows });
    }
    signal?.throwIfAborted();
    onProgress?.({ type: 'finishing' });
    const parquetFiles = duckdb ? await duckdb.finish() : new Map<string, readonly string[]>();
    duckdb = null;
    signal?.throwIfAborted();

    // Hashing and flushing run side by side: the file system batches the flushes.
    const byFormat = await Promise.all(
      formats.map(async (each) => ({
        format: each,
        resources: await Promise.all(
          written.map(async ({ table, rows, files }): Promise<WrittenResource> => {
            const all =
              each === 'parquet' ? (parquetFiles.get(table.name) ?? []) : (files.get(each) ?? []);
            const path = all.length === 1 && !all[0]!.includes('/') ? all[0]! : all;
            return { table, path, rows, ...(await resourceDigest(dir, path, { sync: true })) };
          }),
        ),
      })),
    );
    const resources = byFormat[0]!.resources;
    const tables = written.map((entry) => entry.table);
    await writeSynced(
      join(dir, DATASET_FILES.sdvMetadata),
      formatJson(sdvMetadata(tables, format)),
    );
    if (database) await syncPath(join(dir, DATASET_FILES.duckdb));
    let scenarioFile: { path: string; bytes: number; hash: string } | undefined;
    if (scenario) {
      // Loaded only here: the YAML writer is not needed to write the tables.
      const { stringifyScenario } = await import('@lm-synth/config');
      await writeSynced(join(dir, DATASET_FILES.scenario), stringifyScenario(scenario));
      const path = DATASET_FILES.scenario;
      scenarioFile = { path, ...(await resourceDigest(dir, path)) };
    }
    const manifest = buildManifest({
      run,
      format,
      copies: byFormat.slice(1),
      partitionBy,
      duckdb: database,
      resources,
      ...(scenarioFile ? { scenario: scenarioFile } : {}),
    });
    await writeSynced(join(dir, DATASET_FILES.manifest), formatJson(manifest));
    signal?.throwIfAborted();
    await output.commit();
    const tableSummaries = resources.map((resource, i) => {
      const copies = byFormat.map((entry) => entry.resources[i]!);
      return {
        name: resource.table.name,
        files: copies.flatMap((copy) => (typeof copy.path === 'string' ? [copy.path] : copy.path)),
        rows: resource.rows,
        bytes: copies.reduce((sum, copy) => sum + copy.bytes, 0),
      };
    });
    return {
      outDir: output.target,
      format,
      formats,
      tables: tableSummaries,
      rows: resources.reduce((sum, resource) => sum + resource.rows, 0),
      bytes: tableSummaries.reduce((sum, table) => sum + table.bytes, 0),
    };
  } catch (error) {
    await duckdb?.abort();
    await output.discard();
    // Once aborted, whatever failed (DuckDB interrupted, say) failed because of the abort.
    throw signal?.aborted ? signal.reason : error;
  } finally {
    signal?.removeEventListener('abort', interrupt);
  }
}

// A new dataset always names its time zone; only manifests written before it existed lack one.
const runMetadataSchema = datasetManifestSchema.shape.lm_synth
  .omit({
    format: true,
    copies: true,
    partitionBy: true,
    duckdb: true,
    notice: true,
    scenario: true,
  })
  .required({ timeZone: true });

function checkOptions(
  source: DatasetStream,
  options: WriteDatasetOptions,
): { formats: OutputFormat[]; partitionBy: PartitionColumn[] } {
  // Streams made by hand (not by generateDataset) can carry anything.
  const run = runMetadataSchema.safeParse(source.run);
  if (!run.success) {
    const issue = run.error.issues[0]!;
    throw new ExportInputError(`Bad run metadata: ${issue.path.join('.')}: ${issue.message}`);
  }
  // scenario.yaml must be the scenario the manifest names.
  if (source.scenario && scenarioHash(source.scenario) !== run.data.scenarioHash) {
    throw new ExportInputError(
      `The stream's scenario does not match its run metadata (scenarioHash ${run.data.scenarioHash})`,
    );
  }
  const requested: readonly OutputFormat[] =
    typeof options.format === 'string' ? [options.format] : options.format;
  for (const format of requested) {
    if (!FORMATS_BY_PREFERENCE.includes(format)) {
      throw new ExportInputError(
        `Unknown format "${String(format)}"; use one or more of ${FORMATS_BY_PREFERENCE.join(', ')}`,
      );
    }
  }
  if (requested.length === 0) throw new ExportInputError('No format given');
  // The best-read format first: it is the primary one, which every reader uses.
  const formats = FORMATS_BY_PREFERENCE.filter((format) => requested.includes(format));
  const partitionBy = [...new Set(options.partitionBy ?? [])];
  for (const column of partitionBy) {
    if (!PARTITION_COLUMNS.includes(column)) {
      throw new ExportInputError(
        `Unknown partition column "${String(column)}"; use ${PARTITION_COLUMNS.join(' and/or ')}`,
      );
    }
  }
  if (partitionBy.length > 0 && !formats.includes('parquet')) {
    throw new ExportInputError('partitionBy needs format parquet');
  }
  return { formats, partitionBy };
}

/** Tables must be catalogue tables, each once, in catalogue (foreign-key) order. */
function checkTableOrder(table: TableDefinition, seen: Set<string>): void {
  const position = cataloguePosition(table.name);
  if (position === undefined) throw new Error(`${table.name} is not a catalogue table`);
  if (seen.has(table.name)) throw new Error(`${table.name} arrived twice`);
  const later = CATALOGUE.slice(position + 1).find((entry) => seen.has(entry.name));
  if (later) throw new Error(`${table.name} arrived after ${later.name}; send catalogue order`);
  seen.add(table.name);
}

async function openTableFile(
  format: OutputFormat,
  dir: string,
  table: TableDefinition,
): Promise<TableFileWriter | null> {
  switch (format) {
    case 'csv':
      return CsvTableWriter.create(dir, table);
    case 'arrow':
      return ArrowIpcTableWriter.create(dir, table);
    case 'parquet':
      return null;
  }
}

async function writeSynced(path: string, text: string): Promise<void> {
  await writeFile(path, text, { flush: true });
}
