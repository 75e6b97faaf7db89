import type { Writable } from 'node:stream';
import type { WriteProgressEvent } from '@lm-synth/export-arrow';

/**
 * A one-line progress display on stderr (table, rows, rate). It stays silent
 * when stderr is not a terminal or CI is set, so logs and pipes stay clean.
 */
export class ProgressReporter {
  private readonly enabled: boolean;
  private table = '';
  private tableStarted = 0;
  private lastDraw = 0;

  constructor(
    private readonly stderr: Writable & { isTTY?: boolean },
    env: NodeJS.ProcessEnv,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.enabled = stderr.isTTY === true && !env.CI && !env.NO_PROGRESS;
  }

  readonly onProgress = (event: WriteProgressEvent): void => {
    if (!this.enabled) return;
    const now = this.now();
    if (event.type === 'table-started') {
      this.table = event.table;
      this.tableStarted = now;
      this.draw(`${event.table}: starting`);
    } else if (event.type === 'rows-written' && now - this.lastDraw > 100) {
      const seconds = Math.max((now - this.tableStarted) / 1000, 1e-3);
      const rate = Math.round(event.rows / seconds).toLocaleString('en-US');
      this.draw(`${this.table}: ${event.rows.toLocaleString('en-US')} rows (${rate} rows/s)`);
    } else if (event.type === 'finishing') {
      this.draw('finishing: manifest, DuckDB database');
    }
  };

  /** Clears the progress line before the final summary is printed. */
  done(): void {
    if (this.enabled) this.stderr.write('\r\x1b[2K');
  }

  private draw(text: string): void {
    this.lastDraw = this.now();
    this.stderr.write(`\r\x1b[2K${text}`);
  }
}
