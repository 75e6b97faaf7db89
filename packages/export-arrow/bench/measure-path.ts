import { createWriteStream, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DuckDBInstance } from '@duckdb/node-api';
import type { TableBatches } from '@lm-synth/dims';
import { Table, tableToIPC } from 'apache-arrow';
import { CANONICAL_BATCH_ROWS } from '../src/canonical-batch-rows.js';
import { canonicalBatches } from '../src/canonical-batches.js';
import { fixtureRunMetadata } from '../src/testing/fixture-run-metadata.js';
import { writeDataset } from '../src/write-dataset.js';
import { edShapedSource } from './ed-shaped-source.js';
import type { Measurement, PathName } from './measurement.js';

/** Kernel-reported peak resident set of this process (Linux). */
function peakRssMb(): number {
  const line = readFileSync('/proc/self/status', 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith('VmHWM:'));
  return Math.round(Number(line?.replace(/\D+/g, '') ?? 0) / 1024);
}

async function measure(path: PathName, patients: number): Promise<Measurement> {
  const dir = await mkdtemp(join(tmpdir(), 'lm-synth-bench-'));
  try {
    const started = process.hrtime.bigint();
    const elapsed = () => Number(process.hrtime.bigint() - started) / 1e9;
    if (path === 'DuckDB COPY of random ED-shaped rows') {
      const rows = Math.round(patients * 1.6);
      await duckdbRandomCopy(join(dir, 'random.parquet'), rows);
      return {
        path,
        factRows: rows,
        seconds: elapsed(),
        generationSeconds: 0,
        peakRssMb: peakRssMb(),
      };
    }
    const source = edShapedSource(patients);
    if (path === 'parquet-wasm') {
      await parquetWasm(dir, source.tables);
    } else {
      const format = path.includes('csv') ? 'csv' : path.includes('arrow') ? 'arrow' : 'parquet';
      await writeDataset(Object.assign(source.tables, { run: fixtureRunMetadata() }), {
        outDir: join(dir, 'out'),
        format,
        duckdb: path.includes('lm_synth.duckdb'),
      });
    }
    return {
      path,
      factRows: source.factRows(),
      seconds: elapsed(),
      generationSeconds: source.generationSeconds(),
      peakRssMb: peakRssMb(),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The alternative Parquet path: parquet-wasm (arrow-rs compiled to
 * WebAssembly) streaming each table, which needs every canonical batch
 * serialised to Arrow IPC and copied into WebAssembly memory first.
 */
async function parquetWasm(dir: string, tables: AsyncIterable<TableBatches>): Promise<void> {
  const wasm = await import('parquet-wasm');
  for await (const { table, batches } of tables) {
    const iterator = canonicalBatches(table, batches)[Symbol.asyncIterator]();
    const input = new ReadableStream({
      async pull(controller) {
        const next = await iterator.next();
        if (next.done) {
          controller.close();
          return;
        }
        const ipc = tableToIPC(new Table([next.value]), 'stream');
        for (const batch of wasm.Table.fromIPCStream(ipc).recordBatches())
          controller.enqueue(batch);
      },
    });
    const properties = new wasm.WriterPropertiesBuilder()
      .setCompression(wasm.Compression.ZSTD)
      .setMaxRowGroupSize(CANONICAL_BATCH_ROWS)
      .build();
    const output = await wasm.transformParquetStream(input, properties);
    await pipeline(
      Readable.fromWeb(output as import('node:stream/web').ReadableStream<Uint8Array>),
      createWriteStream(join(dir, `${table.name}.parquet`)),
    );
  }
}

/** DuckDB alone writing random ED-shaped rows (the reference figure in the issue). */
async function duckdbRandomCopy(file: string, rows: number): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await connection.run(`COPY (
    SELECT i::BIGINT AS encounter_id,
           'P' || lpad(to_hex(i), 12, '0') AS patient_id,
           (1 + (random() * 12)::INT % 12)::INT AS facility_id,
           ['Adult ED', 'Pediatric ED', 'Urgent Care Centre'][1 + (random() * 3)::INT % 3] AS ed_subservice,
           TIMESTAMPTZ '2025-01-01 00:00:00+00' + to_seconds((random() * 31536000)::BIGINT) AS arrival_ts,
           (1 + random() * 4)::TINYINT AS acuity,
           ['Discharged', 'Admitted', 'Transferred', 'Left Without Being Seen', 'Deceased'][1 + (random() * 5)::INT % 5] AS dispo
    FROM range(${rows}) r(i)
  ) TO '${file}' (FORMAT parquet, COMPRESSION zstd)`);
  connection.closeSync();
  instance.closeSync();
}

const [path, patients] = process.argv.slice(2);
const result = await measure(path as PathName, Number(patients));
process.stdout.write(`${JSON.stringify(result)}\n`);
