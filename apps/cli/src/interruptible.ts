import { constants } from 'node:os';

/** How an interruptible run ended: its value, or the signal that stopped it. */
export type Interruptible<T> =
  | { readonly completed: true; readonly value: T }
  | { readonly completed: false; readonly signal: NodeJS.Signals; readonly exitCode: number };

/**
 * Runs `work` with an AbortSignal that the first SIGINT or SIGTERM aborts, so
 * it can clean up (generate removes its temporary directory) before the
 * command exits with the conventional 128 + signal number (130, 143). A
 * second signal exits at once: whatever is left behind, the next run or
 * `lm-synth clean` removes.
 */
export async function interruptible<T>(
  work: (signal: AbortSignal) => Promise<T>,
): Promise<Interruptible<T>> {
  const controller = new AbortController();
  let received: NodeJS.Signals | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    if (received !== undefined) process.exit(exitCode(signal));
    received = signal;
    controller.abort(new Error(`interrupted by ${signal}`));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    return { completed: true, value: await work(controller.signal) };
  } catch (error) {
    // Whatever the work failed with once aborted (DuckDB interrupted, say), the signal is the cause.
    if (received === undefined) throw error;
    return { completed: false, signal: received, exitCode: exitCode(received) };
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

function exitCode(signal: NodeJS.Signals): number {
  return 128 + constants.signals[signal];
}
