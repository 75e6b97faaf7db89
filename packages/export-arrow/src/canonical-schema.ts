import { arrowSchema, type TableDefinition } from '@lm-synth/dims';
import { Schema } from 'apache-arrow';
import { SYNTHETIC_NOTICE } from './synthetic-notice.js';

const cache = new WeakMap<TableDefinition, Schema>();

/**
 * `arrowSchema(table)` plus the synthetic-data notice in its metadata: the
 * schema of every batch the writers see, one instance per table so that Arrow
 * IPC writes it (and each enum dictionary) exactly once.
 */
export function canonicalSchema(table: TableDefinition): Schema {
  let schema = cache.get(table);
  if (!schema) {
    const base = arrowSchema(table);
    schema = new Schema(
      base.fields,
      new Map([...base.metadata, ['lm_synth:notice', SYNTHETIC_NOTICE]]),
    );
    cache.set(table, schema);
  }
  return schema;
}
