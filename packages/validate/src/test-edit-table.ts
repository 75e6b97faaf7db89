import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { readManifest } from '@lm-synth/export-arrow';

/**
 * Plants a defect in a Parquet dataset: loads `table` into DuckDB, runs `statements` on it
 * (the table is named as in the dataset) and writes it back over its file. Unless
 * `keepManifest`, the manifest's bytes, sha256 and rows are then recomputed, so only the
 * gates that look at the content can notice.
 */
export async function editTable(
  dir: string,
  table: string,
  statements: readonly string[],
  options: { keepManifest?: boolean } = {},
): Promise<void> {
  const manifest = await readManifest(dir);
  const resource = manifest.resources.find((entry) => entry.name === table);
  if (!resource || typeof resource.path !== 'string' || resource.format !== 'parquet') {
    throw new Error(`${table} is not a single Parquet file in ${dir}`);
  }
  const file = join(dir, resource.path);
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run(`SET TimeZone = 'UTC'`);
    await connection.run(`CREATE TABLE ${table} AS SELECT * FROM read_parquet('${file}')`);
    for (const statement of statements) await connection.run(statement);
    const reader = await connection.runAndReadAll(`SELECT count(*) FROM ${table}`);
    const rows = Number(reader.getRows()[0]![0]);
    await connection.run(`COPY ${table} TO '${file}' (FORMAT parquet)`);
    if (options.keepManifest) return;
    const bytes = await readFile(file);
    const path = join(dir, 'datapackage.json');
    const json = JSON.parse(await readFile(path, 'utf8'));
    const entry = json.resources.find((candidate: { name: string }) => candidate.name === table);
    entry.bytes = bytes.length;
    entry.hash = `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
    entry.rows = rows;
    await writeFile(path, `${JSON.stringify(json, null, 2)}\n`);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
