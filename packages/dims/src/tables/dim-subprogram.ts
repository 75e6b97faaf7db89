import { t } from '../logical-types.js';
import type { TableDefinition } from '../table-definition.js';

export const dimSubprogram: TableDefinition = {
  name: 'dim_subprogram',
  role: 'dimension',
  description: 'Subprograms, three per program in the default scenario.',
  columns: [
    {
      name: 'program_id',
      type: t.int32(),
      nullable: false,
      description: 'Program the subprogram belongs to.',
    },
    {
      name: 'subprogram_id',
      type: t.int32(),
      nullable: false,
      description: 'Subprogram number within its program, 1-based.',
    },
    {
      name: 'subprogram_name',
      type: t.string(128),
      nullable: false,
      description: 'Subprogram name.',
    },
  ],
  primaryKey: ['program_id', 'subprogram_id'],
  uniqueKeys: [],
  foreignKeys: [
    {
      name: 'fk_subprog_prog',
      columns: ['program_id'],
      references: { table: 'dim_program', columns: ['program_id'] },
    },
  ],
  indexes: [],
};
