import { AGE_GROUPS } from '@lm-synth/config/core';
import { t } from '../logical-types.js';
import type { TableDefinition } from '../table-definition.js';

export const dimAgeGroup: TableDefinition = {
  name: 'dim_age_group',
  role: 'dimension',
  description: 'Age bands used throughout (blueprint §2).',
  columns: [
    {
      name: 'age_group',
      type: t.enum(AGE_GROUPS, 16),
      nullable: false,
      description: 'Age band label, e.g. 25-44 or 85+.',
    },
    {
      name: 'sort_order',
      type: t.int8(),
      nullable: false,
      description: 'Position of the band, youngest first, 1-based.',
    },
    {
      name: 'min_age',
      type: t.int16(),
      nullable: false,
      description: 'Youngest age in completed years.',
    },
    {
      name: 'max_age',
      type: t.int16(),
      nullable: true,
      description: 'Oldest age in completed years; null for the open top band.',
    },
  ],
  primaryKey: ['age_group'],
  uniqueKeys: [['sort_order']],
  foreignKeys: [],
  indexes: [],
};
