import { ADMISSION_SOURCES, DISCHARGE_DISPOSITIONS } from '@lm-synth/config/core';
import { t } from '../logical-types.js';
import type { TableDefinition } from '../table-definition.js';

export const ipStays: TableDefinition = {
  name: 'ip_stays',
  role: 'fact',
  description: 'Inpatient stays: admissions from ED, direct admissions and transfers.',
  requires: 'ip',
  columns: [
    {
      name: 'stay_id',
      type: t.int64(),
      nullable: false,
      autoIncrement: true,
      description: 'Deterministic stay id.',
    },
    { name: 'patient_id', type: t.string(24), nullable: false, description: 'Patient admitted.' },
    {
      name: 'facility_id',
      type: t.int32(),
      nullable: false,
      description: 'Facility of the stay; offers the program and subprogram.',
    },
    { name: 'program_id', type: t.int32(), nullable: false, description: 'Program.' },
    {
      name: 'subprogram_id',
      type: t.int32(),
      nullable: false,
      description: 'Subprogram within the program.',
    },
    {
      name: 'admit_ts',
      type: t.timestamp(),
      nullable: false,
      description: 'Admission time (UTC).',
    },
    {
      name: 'discharge_ts',
      type: t.timestamp(),
      nullable: true,
      description: 'Discharge time (UTC): admit_ts + los_days.',
    },
    {
      name: 'los_days',
      type: t.decimal(6, 2),
      nullable: false,
      description:
        'Length of stay in days, at least 0.25: acute days followed by alc_days. Day cases end the local day they start.',
    },
    {
      name: 'alc_days',
      type: t.decimal(6, 2),
      nullable: false,
      description:
        'Alternate level of care days at the end of the stay (0 when none): los_days - alc_days are the acute days.',
    },
    {
      name: 'alc_flag',
      type: t.boolean(),
      nullable: false,
      description:
        'Alternate level of care days occurred (alc_days > 0); implies los_days at or above the ALC threshold.',
    },
    {
      name: 'admission_source',
      type: t.enum(ADMISSION_SOURCES, 16),
      nullable: false,
      description:
        'How the stay began: ED, Direct (urgent, not through the ED), Transfer (from another site: a stay, or an ED that transferred the patient) or Elective (booked).',
    },
    {
      name: 'ed_encounter_id',
      type: t.int64(),
      nullable: true,
      description:
        "ED encounter that led to the admission: admission_source ED, or Transfer from another site's ED.",
    },
    {
      name: 'transfer_from_stay_id',
      type: t.int64(),
      nullable: true,
      description: 'Stay at the partner site this one was transferred from.',
    },
    {
      name: 'discharge_disposition',
      type: t.enum(DISCHARGE_DISPOSITIONS, 24),
      nullable: false,
      description:
        'How the stay ended: Home, Home with support, Long-term care, Other facility (a transfer follows), Died (in hospital; the patient exits the cohort) or Left against advice.',
    },
  ],
  primaryKey: ['stay_id'],
  uniqueKeys: [],
  foreignKeys: [
    {
      name: 'fk_ip_pat',
      columns: ['patient_id'],
      references: { table: 'patients', columns: ['patient_id'] },
    },
    {
      name: 'fk_ip_site',
      columns: ['facility_id'],
      references: { table: 'dim_site', columns: ['site_id'] },
    },
    {
      name: 'fk_ip_prog',
      columns: ['program_id'],
      references: { table: 'dim_program', columns: ['program_id'] },
    },
    {
      name: 'fk_ip_subprog',
      columns: ['program_id', 'subprogram_id'],
      references: { table: 'dim_subprogram', columns: ['program_id', 'subprogram_id'] },
    },
    {
      name: 'fk_ip_ed',
      columns: ['ed_encounter_id'],
      references: { table: 'ed_encounters', columns: ['encounter_id'] },
    },
    {
      name: 'fk_ip_transfer',
      columns: ['transfer_from_stay_id'],
      references: { table: 'ip_stays', columns: ['stay_id'] },
    },
  ],
  indexes: [
    { name: 'idx_ip_patient', columns: ['patient_id'] },
    { name: 'idx_ip_admit', columns: ['admit_ts'] },
  ],
};
