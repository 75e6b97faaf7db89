import { t } from '../logical-types.js';
import type { TableDefinition } from '../table-definition.js';

export const dimProgram: TableDefinition = {
  name: 'dim_program',
  role: 'dimension',
  description: 'Clinical programs (16 in the default scenario).',
  columns: [
    {
      name: 'program_id',
      type: t.int32(),
      nullable: false,
      description: 'Stable program id, 1-based in scenario order.',
    },
    { name: 'program_name', type: t.string(128), nullable: false, description: 'Program name.' },
  ],
  primaryKey: ['program_id'],
  uniqueKeys: [['program_name']],
  foreignKeys: [],
  indexes: [],
};
