import { GENDERS } from '@lm-synth/config/core';
import { t } from '../logical-types.js';
import type { TableDefinition } from '../table-definition.js';

export const dimGender: TableDefinition = {
  name: 'dim_gender',
  role: 'dimension',
  description: 'Genders used throughout (blueprint §2).',
  columns: [
    { name: 'gender', type: t.enum(GENDERS, 8), nullable: false, description: 'Gender label.' },
    { name: 'sort_order', type: t.int8(), nullable: false, description: 'Display order, 1-based.' },
  ],
  primaryKey: ['gender'],
  uniqueKeys: [['sort_order']],
  foreignKeys: [],
  indexes: [],
};
