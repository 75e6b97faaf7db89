import type { ServerFlavor } from './server-version.js';

/** What the loader learnt about the server it connected to. */
export interface ServerInfo {
  readonly flavor: ServerFlavor;
  readonly version: string;
  /** The utf8mb4 collation tables are created with. */
  readonly collation: string;
  /** Whether the server accepts LOAD DATA LOCAL INFILE (the fast path). */
  readonly localInfile: boolean;
}
