import { AGE_GROUPS, ED_SUBSERVICES, GENDERS } from '@lm-synth/config/core';
import { t } from '../logical-types.js';
import type { TableDefinition } from '../table-definition.js';

export const patients: TableDefinition = {
  name: 'patients',
  role: 'fact',
  description: 'Synthetic patients drawn in proportion to the start-year population.',
  columns: [
    {
      name: 'patient_id',
      type: t.string(24),
      nullable: false,
      description: 'Deterministic id: P followed by 12 hex digits.',
    },
    { name: 'lha_id', type: t.int32(), nullable: false, description: 'Home local health area.' },
    {
      name: 'facility_home_id',
      type: t.int32(),
      nullable: false,
      description: 'Home facility; the LHA default except for the cross-LHA share.',
    },
    {
      name: 'age_group',
      type: t.enum(AGE_GROUPS, 16),
      nullable: false,
      description: 'Age band at the reference date.',
    },
    { name: 'gender', type: t.enum(GENDERS, 8), nullable: false, description: 'Gender.' },
    {
      name: 'dob',
      type: t.date(),
      nullable: false,
      description: 'Date of birth, consistent with age_group at the reference date.',
    },
    {
      name: 'primary_ed_subservice',
      type: t.enum(ED_SUBSERVICES, 48),
      nullable: false,
      description: 'ED subservice with the highest expected rate for the patient.',
    },
    {
      name: 'expected_ed_rate',
      type: t.decimal(8, 4),
      nullable: false,
      description: 'Expected ED visits per year over all subservices.',
    },
    {
      name: 'ed_visits_year',
      type: t.int32(),
      nullable: false,
      description: 'ED encounters generated for the patient in the start year.',
    },
  ],
  primaryKey: ['patient_id'],
  uniqueKeys: [],
  foreignKeys: [
    {
      name: 'fk_pat_lha',
      columns: ['lha_id'],
      references: { table: 'dim_lha', columns: ['lha_id'] },
    },
    {
      name: 'fk_pat_site',
      columns: ['facility_home_id'],
      references: { table: 'dim_site', columns: ['site_id'] },
    },
  ],
  indexes: [
    { name: 'idx_pat_lha', columns: ['lha_id'] },
    { name: 'idx_pat_site', columns: ['facility_home_id'] },
  ],
};
