import { ED_SUBSERVICES } from '@lm-synth/config/core';
import { t } from '../logical-types.js';
import type { TableDefinition } from '../table-definition.js';

export const edRouting: TableDefinition = {
  name: 'ed_routing',
  role: 'reference',
  description:
    "Where each LHA's ED visits of a subservice are seen: the scenario's home-facility and ED routing (cross-LHA shares, coverage), as the generator applies it.",
  columns: [
    { name: 'lha_id', type: t.int32(), nullable: false, description: 'Local health area.' },
    {
      name: 'ed_subservice',
      type: t.enum(ED_SUBSERVICES, 48),
      nullable: false,
      description: 'ED subservice.',
    },
    {
      name: 'facility_id',
      type: t.int32(),
      nullable: false,
      description: 'Facility seeing the visits; only facilities offering the subservice appear.',
    },
    {
      name: 'share',
      type: t.decimal(10, 8),
      nullable: false,
      description:
        "Share of the LHA's visits of this subservice seen at the facility; an LHA's shares of a subservice sum to 1 (to rounding), or it has no rows when no site offers it.",
    },
  ],
  primaryKey: ['lha_id', 'ed_subservice', 'facility_id'],
  uniqueKeys: [],
  foreignKeys: [
    {
      name: 'fk_routing_lha',
      columns: ['lha_id'],
      references: { table: 'dim_lha', columns: ['lha_id'] },
    },
    {
      name: 'fk_routing_site',
      columns: ['facility_id'],
      references: { table: 'dim_site', columns: ['site_id'] },
    },
  ],
  indexes: [],
};
