import { stat } from 'node:fs/promises';
import {
  type DamagedResource,
  type Dataset,
  openDataset,
  quoteIdentifier,
} from '@lm-synth/export-arrow';
import { ValidateInputError } from '../validate-input-error.js';
import { SqlSession } from './sql-session.js';

/** A dataset opened for validation: its tables loaded into DuckDB, counted. */
export interface ValidationDataset {
  readonly dataset: Dataset;
  readonly sql: SqlSession;
  /** Rows per table present and readable, in manifest order. */
  readonly rowCounts: ReadonlyMap<string, number>;
  /** Tables left out because their files are missing, truncated or unreadable. */
  readonly damaged: readonly DamagedResource[];
  close(): void;
}

const SCHEMA = 'lm_validate';

/**
 * Opens `dir` through export-arrow's DuckDB reader and copies each table into memory once
 * (unless it already is, as Arrow IPC tables are), so the gates' many aggregate queries do
 * not parse Parquet or CSV again. A missing directory or manifest is an input error; a
 * table whose files are missing or unreadable is left out and listed in `damaged`, for the
 * manifest gate to report as a finding.
 */
export async function openValidationDataset(dir: string): Promise<ValidationDataset> {
  const info = await stat(dir).catch(() => null);
  if (!info?.isDirectory()) throw new ValidateInputError(`${dir} is not a directory`);
  const dataset = await openDataset(dir, { skipDamaged: true }).catch((error: unknown) => {
    if ((error as { isInputError?: boolean }).isInputError) throw error;
    throw new ValidateInputError(`cannot read the dataset in ${dir}: ${messageOf(error)}`, {
      cause: error,
    });
  });
  try {
    const sql = new SqlSession(dataset.connection);
    const rowCounts = new Map<string, number>();
    const damaged = [...dataset.damaged];
    const materialise = dataset.manifest.lm_synth.format !== 'arrow';
    if (materialise) await sql.connection.run(`CREATE SCHEMA ${SCHEMA}`);
    for (const table of dataset.tables) {
      const name = quoteIdentifier(table);
      try {
        if (materialise) {
          await sql.connection.run(`CREATE TABLE ${SCHEMA}.${name} AS SELECT * FROM main.${name}`);
        }
        rowCounts.set(
          table,
          await sql.scalar(`SELECT count(*) FROM ${materialise ? `${SCHEMA}.` : ''}${name}`),
        );
      } catch (error) {
        // A file corrupt past its footer fails only when read; the manifest gate will say whether
        // it is damaged, so it is a finding rather than unreadable input.
        const resource = dataset.manifest.resources.find((entry) => entry.name === table);
        const files = typeof resource?.path === 'string' ? [resource.path] : (resource?.path ?? []);
        damaged.push({
          name: table,
          files,
          problem: `cannot read ${files.join(', ')} (${messageOf(error)})`,
        });
      }
    }
    if (materialise) await sql.connection.run(`SET search_path = '${SCHEMA},main'`);
    return { dataset, sql, rowCounts, damaged, close: () => dataset.close() };
  } catch (error) {
    dataset.close();
    throw error;
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0]! : String(error);
}
