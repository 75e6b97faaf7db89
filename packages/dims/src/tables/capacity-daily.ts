import { t } from '../logical-types.js';
import type { TableDefinition } from '../table-definition.js';

export const capacityDaily: TableDefinition = {
  name: 'capacity_daily',
  role: 'fact',
  description:
    'Daily beds, nursing hours and the inpatient census computed from the generated stays.',
  requires: 'ip',
  columns: [
    { name: 'date', type: t.date(), nullable: false, description: 'Calendar day.' },
    { name: 'site_id', type: t.int32(), nullable: false, description: 'Facility.' },
    {
      name: 'staffed_beds',
      type: t.int32(),
      nullable: false,
      description:
        "Staffed beds: the scenario's, scaled to the patient sample (patients / population).",
    },
    {
      name: 'physical_beds',
      type: t.int32(),
      nullable: false,
      description: 'Physical beds, scaled like staffed_beds.',
    },
    {
      name: 'nhppd',
      type: t.decimal(5, 2),
      nullable: false,
      description: 'Nursing hours per patient day.',
    },
    {
      name: 'census',
      type: t.int32(),
      nullable: false,
      description: 'Inpatients in a bed at midnight, from ip_stays.',
    },
    {
      name: 'occupancy',
      type: t.decimal(6, 4),
      nullable: false,
      description: 'census / staffed_beds.',
    },
  ],
  primaryKey: ['date', 'site_id'],
  uniqueKeys: [],
  foreignKeys: [
    {
      name: 'fk_cap_date',
      columns: ['date'],
      references: { table: 'dim_date', columns: ['date'] },
    },
    {
      name: 'fk_cap_site',
      columns: ['site_id'],
      references: { table: 'dim_site', columns: ['site_id'] },
    },
  ],
  indexes: [],
};
