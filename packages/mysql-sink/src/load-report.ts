import type { LoadMode } from './load-options.js';
import type { ServerInfo } from './server-info.js';
import type { VerificationReport } from './verification-report.js';

/** What a load did. */
export interface LoadReport {
  readonly host: string;
  readonly port: number;
  readonly database: string;
  readonly server: ServerInfo;
  readonly mode: LoadMode;
  readonly method: 'load-data' | 'insert';
  /** Per table, in load order; seconds of wall time spent loading it. */
  readonly tables: readonly {
    readonly table: string;
    readonly rows: number;
    readonly seconds: number;
  }[];
  readonly rows: number;
  /** Wall time of the whole load: connect, stage, verify, swap. */
  readonly seconds: number;
  readonly verification: VerificationReport;
  /** The analysis views created over the loaded tables (v_ed_volume_projection, v_ed_rates, ...). */
  readonly views: readonly string[];
}
