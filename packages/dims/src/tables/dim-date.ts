import { t } from '../logical-types.js';
import type { TableDefinition } from '../table-definition.js';

export const dimDate: TableDefinition = {
  name: 'dim_date',
  role: 'dimension',
  description: 'One row per day over the projection horizon, with the April-March fiscal calendar.',
  columns: [
    { name: 'date', type: t.date(), nullable: false, description: 'Calendar day.' },
    { name: 'year', type: t.int16(), nullable: false, description: 'Calendar year.' },
    { name: 'month', type: t.int8(), nullable: false, description: 'Calendar month, 1-12.' },
    { name: 'day', type: t.int8(), nullable: false, description: 'Day of month, 1-31.' },
    {
      name: 'fiscal_year',
      type: t.int16(),
      nullable: false,
      description: 'Fiscal year, named by the calendar year it starts in (April 1).',
    },
    {
      name: 'fiscal_year_label',
      type: t.string(9),
      nullable: false,
      description: 'Fiscal year label, e.g. FY2025/26.',
    },
    {
      name: 'fiscal_period',
      type: t.int8(),
      nullable: false,
      description: 'Fiscal month, 1 = April ... 12 = March.',
    },
    {
      name: 'fiscal_quarter',
      type: t.int8(),
      nullable: false,
      description: 'Fiscal quarter, 1 = April-June.',
    },
    {
      name: 'iso_year',
      type: t.int16(),
      nullable: false,
      description: 'ISO-8601 week-numbering year.',
    },
    { name: 'iso_week', type: t.int8(), nullable: false, description: 'ISO-8601 week, 1-53.' },
    {
      name: 'weekday',
      type: t.int8(),
      nullable: false,
      description: 'ISO weekday, 1 = Monday ... 7 = Sunday.',
    },
    {
      name: 'weekday_name',
      type: t.string(9),
      nullable: false,
      description: 'Weekday name in English.',
    },
    { name: 'is_weekend', type: t.boolean(), nullable: false, description: 'Saturday or Sunday.' },
  ],
  primaryKey: ['date'],
  uniqueKeys: [],
  foreignKeys: [],
  indexes: [],
};
