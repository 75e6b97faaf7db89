import { CATALOGUE } from '@lm-synth/dims';
import { readManifest } from '@lm-synth/export-arrow';
import { edProjection } from './ed-projection.js';
import { existingTables } from './existing-tables.js';
import type { MysqlConnectionOptions } from './mysql-connection-options.js';
import { MysqlInputError } from './mysql-input-error.js';
import type { ServerInfo } from './server-info.js';
import { SinkSession } from './sink-session.js';
import { tableShapeMismatch } from './table-shape-mismatch.js';
import type { VerificationReport } from './verification-report.js';
import { verifyTables } from './verify-tables.js';

export interface VerifyDatabaseOptions {
  /** An output directory whose datapackage.json gives the row counts to expect and the projection year. */
  readonly dataset?: string;
  /** Year of the ED projection; defaults to the dataset's start year, else the first projection year. */
  readonly projectionYear?: number;
}

/**
 * The post-load checks on their own (`lm-synth load --verify-only`): counts,
 * foreign-key orphans, unique-key duplicates and the ED projection of the
 * lm-synth tables in the database.
 */
export async function verifyDatabase(
  connection: MysqlConnectionOptions,
  options: VerifyDatabaseOptions = {},
): Promise<VerificationReport & { readonly database: string; readonly server: ServerInfo }> {
  const manifest = options.dataset === undefined ? undefined : await readManifest(options.dataset);
  const expectedRows = manifest && new Map(manifest.resources.map((r) => [r.name, r.rows]));
  const session = await SinkSession.open(connection, { createDatabase: false });
  try {
    const existing = await existingTables(session);
    const present = CATALOGUE.filter((table) => existing.has(table.name));
    if (present.length === 0) {
      throw new MysqlInputError(`${session.target.database} holds no lm-synth tables to verify`);
    }
    for (const table of present) {
      const mismatch = tableShapeMismatch(table, existing.get(table.name)!);
      if (mismatch) throw new MysqlInputError(mismatch);
    }
    const missing = [...(expectedRows?.keys() ?? [])].filter(
      (name) => !present.some((t) => t.name === name),
    );
    const report = await verifyTables(
      session,
      present.map((table) => ({ table, name: table.name })),
      expectedRows ? { expectedRows } : {},
    );
    const projection = await edProjection(
      session,
      new Set(present.map((t) => t.name)),
      options.projectionYear ?? manifest?.lm_synth.startYear,
    );
    return {
      ...report,
      tables: [
        ...report.tables,
        ...missing.map((table) => ({ table, rows: 0, expected: expectedRows!.get(table)! })),
      ],
      ...(projection ? { projection } : {}),
      ok: report.ok && missing.length === 0,
      database: session.target.database,
      server: session.server,
    };
  } catch (error) {
    if (error instanceof Error) error.message = session.redact(error.message);
    throw error;
  } finally {
    await session.close();
  }
}
