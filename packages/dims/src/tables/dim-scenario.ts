import { t } from '../logical-types.js';
import type { TableDefinition } from '../table-definition.js';

export const dimScenario: TableDefinition = {
  name: 'dim_scenario',
  role: 'dimension',
  description: 'The scenario the dataset was generated from, for on-demand forecasts.',
  columns: [
    {
      name: 'scenario_id',
      type: t.string(64),
      nullable: false,
      description: 'Scenario identifier from the config.',
    },
    {
      name: 'scenario_name',
      type: t.string(128),
      nullable: false,
      description: 'Human-readable scenario name.',
    },
    {
      name: 'description',
      type: t.string(1024),
      nullable: false,
      description: 'What the scenario represents.',
    },
    {
      name: 'parameter_overrides',
      type: t.string(65_535),
      nullable: false,
      description: 'JSON object of parameters the scenario overrides relative to the defaults.',
    },
    {
      name: 'scenario_hash',
      type: t.string(71),
      nullable: false,
      description: 'sha256: hash of the merged, validated scenario.',
    },
    {
      name: 'time_zone',
      type: t.string(64),
      nullable: false,
      description:
        'IANA time zone of the region: profiles are local wall-clock time there; timestamps are stored as UTC instants.',
    },
  ],
  primaryKey: ['scenario_id'],
  uniqueKeys: [],
  foreignKeys: [],
  indexes: [],
};
