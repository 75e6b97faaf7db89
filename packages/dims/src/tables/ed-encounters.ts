import { ED_DISPOSITIONS, ED_SUBSERVICES } from '@lm-synth/config/core';
import { t } from '../logical-types.js';
import type { TableDefinition } from '../table-definition.js';

export const edEncounters: TableDefinition = {
  name: 'ed_encounters',
  role: 'fact',
  description: 'Emergency department visits with arrival time, acuity and disposition.',
  requires: 'ed',
  columns: [
    {
      name: 'encounter_id',
      type: t.int64(),
      nullable: false,
      autoIncrement: true,
      description: 'Deterministic encounter id.',
    },
    { name: 'patient_id', type: t.string(24), nullable: false, description: 'Patient seen.' },
    {
      name: 'facility_id',
      type: t.int32(),
      nullable: false,
      description: 'Facility of the visit; offers the subservice.',
    },
    {
      name: 'ed_subservice',
      type: t.enum(ED_SUBSERVICES, 48),
      nullable: false,
      description: 'ED subservice.',
    },
    {
      name: 'arrival_ts',
      type: t.timestamp(),
      nullable: false,
      description: 'Arrival time (UTC).',
    },
    {
      name: 'acuity',
      type: t.int8(),
      nullable: true,
      description: 'CTAS triage level, 1 (resuscitation) to 5 (non-urgent).',
    },
    {
      name: 'dispo',
      type: t.enum(ED_DISPOSITIONS, 32),
      nullable: true,
      description: 'Disposition at the end of the visit.',
    },
  ],
  primaryKey: ['encounter_id'],
  uniqueKeys: [],
  foreignKeys: [
    {
      name: 'fk_ed_pat',
      columns: ['patient_id'],
      references: { table: 'patients', columns: ['patient_id'] },
    },
    {
      name: 'fk_ed_site',
      columns: ['facility_id'],
      references: { table: 'dim_site', columns: ['site_id'] },
    },
  ],
  indexes: [
    { name: 'idx_ed_patient', columns: ['patient_id'] },
    { name: 'idx_ed_arrival', columns: ['arrival_ts'] },
  ],
};
