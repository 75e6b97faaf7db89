import { CARE_SETTINGS } from '@lm-synth/config/core';
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
    {
      name: 'care_setting',
      type: t.enum(CARE_SETTINGS, 16),
      nullable: false,
      description:
        'inpatient (overnight beds), day_case (same-day beds) or ambulatory (no bed: never in ip_stays).',
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
