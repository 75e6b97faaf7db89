import { t } from '../logical-types.js';
import type { TableDefinition } from '../table-definition.js';

export const dimLha: TableDefinition = {
  name: 'dim_lha',
  role: 'dimension',
  description: 'Fictional local health areas, each mapped to a default facility.',
  columns: [
    {
      name: 'lha_id',
      type: t.int32(),
      nullable: false,
      autoIncrement: true,
      description: 'Stable LHA id, 1-based in scenario order.',
    },
    {
      name: 'lha_name',
      type: t.string(128),
      nullable: false,
      description: 'Fictional local health area name.',
    },
    {
      name: 'default_site_id',
      type: t.int32(),
      nullable: false,
      description: 'Facility that serves the LHA by default.',
    },
  ],
  primaryKey: ['lha_id'],
  uniqueKeys: [['lha_name']],
  foreignKeys: [
    {
      name: 'fk_lha_site',
      columns: ['default_site_id'],
      references: { table: 'dim_site', columns: ['site_id'] },
    },
  ],
  indexes: [],
};
