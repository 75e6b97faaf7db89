/** Which dataset range an integer filter is checked against (see DatasetDomains). */
export type IdDomain = 'site' | 'lha' | 'program' | 'year';

/** One query parameter that narrows a table endpoint. */
export type FilterDefinition =
  /** `param` (default: the column name) equals the column; its schema follows the column's logical type. */
  | {
      readonly kind: 'equals';
      readonly column: string;
      readonly param?: string;
      readonly domain?: IdDomain;
    }
  /** `site_code`, matched through dim_site to the site id in `column`. */
  | { readonly kind: 'site-code'; readonly column: string }
  /** `<prefix>_from` and `<prefix>_to`: whole days, both inclusive, on a date or timestamp column. */
  | { readonly kind: 'day-range'; readonly column: string; readonly prefix: string };

/** A read-only, paginated, filterable, sortable listing of one catalogue table. */
export interface TableEndpoint {
  readonly path: string;
  readonly table: string;
  readonly tag: string;
  readonly summary: string;
  /** OpenAPI component name of a row. */
  readonly rowName: string;
  readonly filters: readonly FilterDefinition[];
}
