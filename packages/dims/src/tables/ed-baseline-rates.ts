import { AGE_GROUPS, ED_SUBSERVICES, GENDERS } from '@lm-synth/config/core';
import { t } from '../logical-types.js';
import type { TableDefinition } from '../table-definition.js';

export const edBaselineRates: TableDefinition = {
  name: 'ed_baseline_rates',
  role: 'reference',
  description:
    'Emergency department visits per 1,000 population per year by segment and subservice.',
  columns: [
    { name: 'lha_id', type: t.int32(), nullable: false, description: 'Local health area.' },
    { name: 'age_group', type: t.enum(AGE_GROUPS, 16), nullable: false, description: 'Age band.' },
    { name: 'gender', type: t.enum(GENDERS, 8), nullable: false, description: 'Gender.' },
    {
      name: 'ed_subservice',
      type: t.enum(ED_SUBSERVICES, 48),
      nullable: false,
      description: 'ED subservice.',
    },
    {
      name: 'baserate_per_1000',
      type: t.decimal(8, 2),
      nullable: false,
      description: 'Visits per 1,000 population per year.',
    },
  ],
  primaryKey: ['lha_id', 'age_group', 'gender', 'ed_subservice'],
  uniqueKeys: [],
  foreignKeys: [
    {
      name: 'fk_rates_lha',
      columns: ['lha_id'],
      references: { table: 'dim_lha', columns: ['lha_id'] },
    },
    {
      name: 'fk_rates_age',
      columns: ['age_group'],
      references: { table: 'dim_age_group', columns: ['age_group'] },
    },
    {
      name: 'fk_rates_gender',
      columns: ['gender'],
      references: { table: 'dim_gender', columns: ['gender'] },
    },
  ],
  indexes: [],
};
