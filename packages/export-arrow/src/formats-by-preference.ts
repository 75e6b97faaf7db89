import type { OutputFormat } from './write-dataset-types.js';

/**
 * Formats in the order readers read them best: the first one written is the dataset's
 * primary format (its manifest resources, what status, validate, load and serve read);
 * the others are copies.
 */
export const FORMATS_BY_PREFERENCE: readonly OutputFormat[] = ['parquet', 'arrow', 'csv'];
