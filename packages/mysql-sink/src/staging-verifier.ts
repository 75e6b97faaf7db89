import type { TableDefinition } from '@lm-synth/dims';
import type { SinkSession } from './sink-session.js';
import { summarizeVerification } from './summarize-verification.js';
import type { VerificationReport } from './verification-report.js';
import { type TableVerification, verifyTable } from './verify-table.js';

/**
 * Verifies staging tables on a second connection while the next ones load:
 * tables are staged in foreign-key order, so when one is added its parents
 * are complete and its keys can be checked at once. The checks overlap the
 * loading instead of following it.
 */
export class StagingVerifier {
  readonly #session: SinkSession;
  readonly #stageOf = new Map<string, string>();
  readonly #checks: TableVerification[] = [];
  #queue: Promise<void> = Promise.resolve();
  #error: unknown;

  private constructor(session: SinkSession) {
    this.#session = session;
  }

  static async open(main: SinkSession): Promise<StagingVerifier> {
    return new StagingVerifier(await main.sibling());
  }

  /** Queues the checks of a staged table; `expected` is the row count it must have. */
  add(table: TableDefinition, stage: string, expected: number): void {
    this.#stageOf.set(table.name, stage);
    // The chain never rejects: the first error is kept for finish().
    this.#queue = this.#queue.then(async () => {
      if (this.#error !== undefined) return;
      try {
        const check = await verifyTable(
          this.#session,
          { table, name: stage },
          { parentOf: (name) => this.#stageOf.get(name), expected, keys: true },
        );
        this.#checks.push(check);
      } catch (error) {
        this.#error = error;
      }
    });
  }

  /** Every queued check's result, once all have run. */
  async finish(): Promise<Omit<VerificationReport, 'projection'>> {
    await this.#queue;
    if (this.#error !== undefined) throw this.#error;
    return summarizeVerification(this.#checks);
  }

  /**
   * Stops at once (the load failed): the running check is killed through
   * `main`, so it holds no lock on the staging tables about to be dropped.
   */
  async abort(main: SinkSession): Promise<void> {
    await main.query(`KILL QUERY ${this.#session.threadId}`).catch(() => {});
    this.#session.destroy();
  }

  async close(): Promise<void> {
    await this.#session.close();
  }
}
