import {
  AGE_GROUPS,
  ED_SUBSERVICES,
  ENTRY_REASONS,
  EXIT_REASONS,
  GENDERS,
} from '@lm-synth/config/core';
import { t } from '../logical-types.js';
import type { TableDefinition } from '../table-definition.js';

export const patients: TableDefinition = {
  name: 'patients',
  role: 'fact',
  description:
    'Synthetic patients: an open cohort sampled from the projected population. The residents at the start of the first year, then births and in-migrants; deaths and out-migrants leave. Each patient stands for `weight` residents.',
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
      description:
        'Age band at the reference date (entrants: at entry). The age in a later year follows from dob.',
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
    {
      name: 'weight',
      type: t.decimal(12, 4),
      nullable: false,
      description:
        'Residents the patient stands for: start-year population / patients (1 when every resident is generated).',
    },
    {
      name: 'entry_date',
      type: t.date(),
      nullable: false,
      description:
        'Day the patient joined the cohort: 1 January of the start year for residents, the birth or move-in date for entrants.',
    },
    {
      name: 'entry_reason',
      type: t.enum(ENTRY_REASONS, 16),
      nullable: false,
      description: 'Resident at the start, Birth or In-migration.',
    },
    {
      name: 'exit_date',
      type: t.date(),
      nullable: true,
      description:
        'Day the patient died or left the region, within the encounter years; null while still resident.',
    },
    {
      name: 'exit_reason',
      type: t.enum(EXIT_REASONS, 16),
      nullable: true,
      description: 'Death or Out-migration; null while still resident.',
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
