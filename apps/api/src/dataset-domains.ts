import { t } from '@lm-synth/dims';
import type { DataSource } from './data-source.js';

/** Values that ids and codes in a query may take, read from the dataset once at startup. */
export interface DatasetDomains {
  /** site_code → site_id, in site order. */
  readonly sites: ReadonlyMap<string, number>;
  readonly siteIds: IdRange;
  readonly lhaIds: IdRange;
  readonly programIds: IdRange;
  /** Projection years of population_projection. */
  readonly years: IdRange;
}

/** An inclusive integer range; empty when `first > last`. */
export interface IdRange {
  readonly first: number;
  readonly last: number;
}

const EMPTY: IdRange = { first: 1, last: 0 };

export async function loadDatasetDomains(source: DataSource): Promise<DatasetDomains> {
  const q = source.dialect.quoteIdentifier;
  const range = async (table: string, column: string): Promise<IdRange> => {
    if (!source.tables.has(table)) return EMPTY;
    const [row] = await source.select(
      `SELECT MIN(${q(column)}) AS ${q('first')}, MAX(${q(column)}) AS ${q('last')} FROM ${q(table)}`,
      [],
      [
        { name: 'first', type: t.int32() },
        { name: 'last', type: t.int32() },
      ],
    );
    return row?.first == null || row.last == null
      ? EMPTY
      : { first: Number(row.first), last: Number(row.last) };
  };
  const sites = source.tables.has('dim_site')
    ? await source.select(
        `SELECT ${q('site_code')}, ${q('site_id')} FROM ${q('dim_site')} ORDER BY ${q('site_id')}`,
        [],
        [
          { name: 'site_code', type: t.string(16) },
          { name: 'site_id', type: t.int32() },
        ],
      )
    : [];
  return {
    sites: new Map(sites.map((row) => [String(row.site_code), Number(row.site_id)])),
    siteIds: await range('dim_site', 'site_id'),
    lhaIds: await range('dim_lha', 'lha_id'),
    programIds: await range('dim_program', 'program_id'),
    years: await range('population_projection', 'year'),
  };
}
