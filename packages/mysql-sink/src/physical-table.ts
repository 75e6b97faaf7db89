import type { TableDefinition } from '@lm-synth/dims';

/** A catalogue table and the physical table holding its rows (itself, or its staging table). */
export interface PhysicalTable {
  readonly table: TableDefinition;
  readonly name: string;
}
