import { stat } from 'node:fs/promises';
import { type Dataset, openDataset } from '@lm-synth/export-arrow';
import { ValidateInputError } from '../validate-input-error.js';
import { sqlIdentifier } from './sql-identifier.js';
import { SqlSession } from './sql-session.js';

/** A dataset opened for validation: its tables loaded into DuckDB, counted. */
export interface ValidationDataset {
  readonly dataset: Dataset;
  readonly sql: SqlSession;
  /** Rows per table present, in manifest order. */
  readonly rowCounts: ReadonlyMap<string, number>;
  close(): void;
}

const SCHEMA = 'lm_validate';

/**
 * Opens `dir` through export-arrow's DuckDB reader and copies each table into memory once
 * (unless it already is, as Arrow IPC tables are), so the gates' many aggregate queries do
 * not parse Parquet or CSV again. A missing directory or an unreadable file is an input error.
 */
export async function openValidationDataset(dir: string): Promise<ValidationDataset> {
  const info = await stat(dir).catch(() => null);
  if (!info?.isDirectory()) throw new ValidateInputError(`${dir} is not a directory`);
  const dataset = await openDataset(dir).catch((error: unknown) => {
    if ((error as { isInputError?: boolean }).isInputError) throw error;
    throw new ValidateInputError(`cannot read the dataset in ${dir}: ${messageOf(error)}`, {
      cause: error,
    });
  });
  try {
    const sql = new SqlSession(dataset.connection);
    const rowCounts = new Map<string, number>();
    const materialise = dataset.manifest.lm_synth.format !== 'arrow';
    if (materialise) await sql.connection.run(`CREATE SCHEMA ${SCHEMA}`);
    for (const table of dataset.tables) {
      const name = sqlIdentifier(table);
      try {
        if (materialise) {
          await sql.connection.run(`CREATE TABLE ${SCHEMA}.${name} AS SELECT * FROM main.${name}`);
        }
        rowCounts.set(
          table,
          await sql.scalar(`SELECT count(*) FROM ${materialise ? `${SCHEMA}.` : ''}${name}`),
        );
      } catch (error) {
        throw new ValidateInputError(`cannot read table ${table} in ${dir}: ${messageOf(error)}`, {
          cause: error,
        });
      }
    }
    if (materialise) await sql.connection.run(`SET search_path = '${SCHEMA},main'`);
    return { dataset, sql, rowCounts, close: () => dataset.close() };
  } catch (error) {
    dataset.close();
    throw error;
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0]! : String(error);
}
