/**
 * Rows per canonical batch: 60 DuckDB vectors of 2,048 rows, and DuckDB's
 * 122,880-row group, so every writer cuts its output by row count alone.
 */
export const CANONICAL_BATCH_ROWS = 122_880;
