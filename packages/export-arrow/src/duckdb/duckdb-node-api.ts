import { createRequire } from 'node:module';
import type * as DuckDBNodeApi from '@duckdb/node-api';

/**
 * @duckdb/node-api, loaded with require(): it is CommonJS, and an ESM import
 * first has Node scan every one of its sources for export names, which about
 * doubles its load time (~130 ms to ~65 ms on the 2-core build machine).
 */
export const duckdb = createRequire(import.meta.url)('@duckdb/node-api') as typeof DuckDBNodeApi;
