import { t } from '../logical-types.js';
import type { TableDefinition } from '../table-definition.js';

export const dimSite: TableDefinition = {
  name: 'dim_site',
  role: 'dimension',
  description: 'Fictional hospital facilities of the Lower Mainland region.',
  columns: [
    {
      name: 'site_id',
      type: t.int32(),
      nullable: false,
      autoIncrement: true,
      description: 'Stable site id, 1-based in scenario order.',
    },
    {
      name: 'site_code',
      type: t.string(16),
      nullable: false,
      description: 'Fictional facility code, e.g. LM-SNW.',
    },
    {
      name: 'site_name',
      type: t.string(128),
      nullable: false,
      description: 'Fictional facility name.',
    },
  ],
  primaryKey: ['site_id'],
  uniqueKeys: [['site_code']],
  foreignKeys: [],
  indexes: [],
};
