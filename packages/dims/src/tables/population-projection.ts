import { AGE_GROUPS, GENDERS } from '@lm-synth/config/core';
import { t } from '../logical-types.js';
import type { TableDefinition } from '../table-definition.js';

export const populationProjection: TableDefinition = {
  name: 'population_projection',
  role: 'reference',
  description: 'Projected population by year, LHA, age group and gender over the horizon.',
  columns: [
    { name: 'year', type: t.int32(), nullable: false, description: 'Projection year.' },
    { name: 'lha_id', type: t.int32(), nullable: false, description: 'Local health area.' },
    { name: 'age_group', type: t.enum(AGE_GROUPS, 16), nullable: false, description: 'Age band.' },
    { name: 'gender', type: t.enum(GENDERS, 8), nullable: false, description: 'Gender.' },
    { name: 'population', type: t.int32(), nullable: false, description: 'Projected head count.' },
  ],
  primaryKey: ['year', 'lha_id', 'age_group', 'gender'],
  uniqueKeys: [],
  foreignKeys: [
    {
      name: 'fk_pop_lha',
      columns: ['lha_id'],
      references: { table: 'dim_lha', columns: ['lha_id'] },
    },
    {
      name: 'fk_pop_age',
      columns: ['age_group'],
      references: { table: 'dim_age_group', columns: ['age_group'] },
    },
    {
      name: 'fk_pop_gender',
      columns: ['gender'],
      references: { table: 'dim_gender', columns: ['gender'] },
    },
  ],
  indexes: [],
};
