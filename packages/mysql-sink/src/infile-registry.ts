import { Readable } from 'node:stream';
import { MysqlInputError } from './mysql-input-error.js';

/**
 * Serves LOAD DATA LOCAL INFILE requests (mysql2's `infileStreamFactory`) with
 * only the streams this loader offered, each under a name of its own and each
 * once. Whatever else the server asks for (a file path a hostile or confused
 * server names) is refused without being opened.
 */
export class InfileRegistry {
  #counter = 0;
  readonly #offered = new Map<string, () => Readable>();
  readonly #refused: string[] = [];

  /** Offers a stream under a fresh name, for one `LOAD DATA LOCAL INFILE '<name>'`. */
  offer(open: () => Readable): string {
    const name = `lm-synth-stream-${++this.#counter}`;
    this.#offered.set(name, open);
    return name;
  }

  /** Withdraws an offer the server did not take (the statement failed first). */
  withdraw(name: string): void {
    this.#offered.delete(name);
  }

  /** Paths the server asked for and was refused. */
  get refused(): readonly string[] {
    return this.#refused;
  }

  readonly streamFactory = (path: string): Readable => {
    const open = this.#offered.get(path);
    if (open) {
      this.#offered.delete(path);
      return open();
    }
    this.#refused.push(path);
    // mysql2 attaches its listeners before this error is emitted; it then sends the server an empty file.
    const refusal = new Readable({ read() {} });
    refusal.destroy(
      new MysqlInputError(
        `the server asked to read the local file "${path}", which lm-synth did not offer; refused`,
      ),
    );
    return refusal;
  };
}
