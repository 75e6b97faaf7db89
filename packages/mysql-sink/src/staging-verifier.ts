import { cataloguePosition, type TableDefinition } from '@lm-synth/dims';
import { openSiblings } from './open-siblings.js';
import type { SinkSession } from './sink-session.js';
import { summarizeVerification } from './summarize-verification.js';
import { type Check, tableChecks } from './table-checks.js';
import type { VerificationReport } from './verification-report.js';
import type { TableVerification } from './verify-table.js';

interface StagedEntry {
  readonly table: TableDefinition;
  readonly stage: string;
  readonly expected: number;
}

/** A table's results, each check's in its own place, filled in as they complete (in any order). */
interface Results {
  count?: TableVerification['count'];
  readonly foreignKeys: TableVerification['foreignKeys'][number][];
  readonly uniqueKeys: TableVerification['uniqueKeys'][number][];
}

/**
 * Verifies staging tables on connections of its own while the next ones
 * load. A table's checks start once it and every parent the load includes
 * are staged (tables may finish in any order when they load side by side),
 * so the checks overlap the loading instead of following it. Each count and
 * key check is a job of its own, so one table's checks spread over the
 * connections.
 */
export class StagingVerifier {
  readonly #sessions: readonly SinkSession[];
  readonly #idle: SinkSession[];
  /** Tables the load will stage: a child's checks wait for these parents. */
  readonly #planned = new Set<string>();
  readonly #staged = new Map<string, StagedEntry>();
  readonly #waiting: StagedEntry[] = [];
  readonly #jobs: Check<void>[] = [];
  readonly #running = new Set<Promise<void>>();
  readonly #results = new Map<string, Results>();
  #error: unknown;

  private constructor(sessions: readonly SinkSession[]) {
    this.#sessions = sessions;
    this.#idle = [...sessions];
  }

  /** `connections` siblings of `main`, each running one check at a time. */
  static async open(main: SinkSession, connections = 1): Promise<StagingVerifier> {
    return new StagingVerifier(await openSiblings(main, connections));
  }

  /** Declares tables the load will stage, so their children's checks wait for them. */
  plan(tables: Iterable<string>): void {
    for (const name of tables) this.#planned.add(name);
  }

  /** Queues the checks of a staged table; `expected` is the row count it must have. */
  add(table: TableDefinition, stage: string, expected: number): void {
    this.#planned.add(table.name);
    const entry = { table, stage, expected };
    this.#staged.set(table.name, entry);
    this.#waiting.push(entry);
    for (let i = 0; i < this.#waiting.length; ) {
      const waiting = this.#waiting[i]!;
      if (this.#parentsStaged(waiting.table)) {
        this.#waiting.splice(i, 1);
        this.#queue(waiting);
      } else i++;
    }
    this.#pump();
  }

  #parentsStaged(table: TableDefinition): boolean {
    return table.foreignKeys.every(
      (fk) => !this.#planned.has(fk.references.table) || this.#staged.has(fk.references.table),
    );
  }

  #queue(entry: StagedEntry): void {
    const checks = tableChecks(
      { table: entry.table, name: entry.stage },
      {
        parentOf: (name) => this.#staged.get(name)?.stage,
        rowsOf: (name) => this.#staged.get(name)?.expected,
        expected: entry.expected,
        rows: entry.expected,
      },
    );
    const results: Results = {
      foreignKeys: new Array(checks.foreignKeys.length),
      uniqueKeys: new Array(checks.uniqueKeys.length),
    };
    this.#results.set(entry.table.name, results);
    this.#jobs.push(
      async (session) => {
        results.count = await checks.count(session);
      },
      ...checks.foreignKeys.map((check, i) => async (session: SinkSession) => {
        results.foreignKeys[i] = await check(session);
      }),
      ...checks.uniqueKeys.map((check, i) => async (session: SinkSession) => {
        results.uniqueKeys[i] = await check(session);
      }),
    );
  }

  #pump(): void {
    while (this.#error === undefined && this.#idle.length > 0 && this.#jobs.length > 0) {
      const session = this.#idle.pop()!;
      const job = this.#jobs.shift()!;
      const running: Promise<void> = job(session)
        // The first error is kept for finish(); the promise itself never rejects.
        .catch((error: unknown) => {
          this.#error ??= error;
        })
        .finally(() => {
          this.#running.delete(running);
          this.#idle.push(session);
          this.#pump();
        });
      this.#running.add(running);
    }
  }

  /** Every queued check's result (tables in catalogue order), once all have run. */
  async finish(): Promise<Omit<VerificationReport, 'projection'>> {
    while (this.#running.size > 0) await Promise.all(this.#running);
    if (this.#error !== undefined) throw this.#error;
    if (this.#waiting.length > 0) {
      const names = this.#waiting.map((entry) => entry.table.name).join(', ');
      throw new Error(`verification of ${names} waited for parents that were never staged`);
    }
    const order = (name: string) => cataloguePosition(name) ?? 0;
    const checks = [...this.#results.entries()]
      .sort(([a], [b]) => order(a) - order(b))
      .map(([, { count, foreignKeys, uniqueKeys }]) => ({
        count: count!,
        foreignKeys,
        uniqueKeys,
      }));
    return summarizeVerification(checks);
  }

  /**
   * Stops at once (the load failed): running checks are killed through
   * `main`, so they hold no lock on the staging tables about to be dropped.
   */
  async abort(main: SinkSession): Promise<void> {
    this.#error ??= new Error('aborted');
    for (const session of this.#sessions) {
      await main.query(`KILL QUERY ${session.threadId}`).catch(() => {});
      session.destroy();
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.#sessions.map((session) => session.close()));
  }
}
