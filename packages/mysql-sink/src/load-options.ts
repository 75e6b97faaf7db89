/**
 * replace: the dataset's tables become the database's lm-synth tables, swapped
 * in atomically. append: rows are added to existing tables in one transaction.
 * fail-if-exists: like replace, but refuses to touch a database that already
 * has any lm-synth table.
 */
export type LoadMode = 'replace' | 'append' | 'fail-if-exists';

/** auto: LOAD DATA LOCAL when the server allows it, else INSERTs (with a message saying how to enable the fast path). */
export type LoadMethod = 'auto' | 'load-data' | 'insert';

export interface LoadOptions {
  readonly mode?: LoadMode;
  readonly method?: LoadMethod;
  /** Create the database named in the URL when it does not exist. */
  readonly createDatabase?: boolean;
  /** One line each, already redacted: progress (for a terminal) or a warning (always worth showing). */
  readonly onMessage?: (message: string, kind: 'progress' | 'warning') => void;
  /** Year of the ED projection check; defaults to the first projection year. */
  readonly projectionYear?: number;
}
