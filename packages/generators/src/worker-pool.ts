import { Worker } from 'node:worker_threads';
import type { BlockNeeds, BlockRequest, BlockResult } from './block-result.js';
import type { GeneratorSettings } from './generator-settings.js';

interface Task {
  resolve(result: BlockResult): void;
  reject(error: unknown): void;
}

interface PoolWorker {
  readonly thread: Worker;
  /** Requests posted to the worker, oldest first: it answers them in order. */
  readonly tasks: Task[];
}

/** Requests queued in each worker's port, so it starts the next block without waiting for us. */
const DEPTH_PER_WORKER = 2;
/** Blocks in flight per worker, including finished ones waiting for earlier blocks. */
const IN_FLIGHT_PER_WORKER = 3;

/**
 * Worker threads that generate blocks (dist/block-worker.js). Requests are
 * posted ahead to the least busy worker, which answers them in order; results
 * are handed back in block order whatever order the workers finish in, with a
 * bounded number of blocks in flight so memory stays bounded. Idle workers do
 * not keep the process alive.
 */
export class WorkerPool {
  private readonly workers: PoolWorker[] = [];
  private failure: unknown;

  constructor(settings: GeneratorSettings, size: number) {
    for (let i = 0; i < size; i++) {
      const thread = new Worker(new URL('./block-worker.js', import.meta.url), {
        workerData: settings,
      });
      const worker: PoolWorker = { thread, tasks: [] };
      thread.on('message', (result: BlockResult) => {
        const task = worker.tasks.shift();
        if (worker.tasks.length === 0) thread.unref();
        task?.resolve(result);
      });
      thread.on('error', (error) => this.fail(error));
      thread.on('exit', (code) => {
        if (worker.tasks.length > 0) this.fail(new Error(`block worker exited with code ${code}`));
      });
      thread.unref();
      this.workers.push(worker);
    }
  }

  /** Every block of a pass, in block order. */
  async *blocks(blockCount: number, needs: BlockNeeds): AsyncGenerator<BlockResult> {
    const pending = new Map<number, Promise<BlockResult>>();
    const limit = IN_FLIGHT_PER_WORKER * this.workers.length;
    let next = 0;
    for (let block = 0; block < blockCount; block++) {
      // The block awaited next is always requested, even behind an abandoned pass's requests.
      while (next < blockCount && pending.size < limit && (next === block || this.hasRoom())) {
        const promise = this.run({ blockIndex: next, needs });
        // Abandoned passes must not surface as unhandled rejections.
        promise.catch(() => {});
        pending.set(next++, promise);
      }
      const result = await pending.get(block)!;
      pending.delete(block);
      yield result;
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.thread.terminate()));
  }

  private hasRoom(): boolean {
    return this.workers.some((worker) => worker.tasks.length < DEPTH_PER_WORKER);
  }

  private run(request: BlockRequest): Promise<BlockResult> {
    return new Promise<BlockResult>((resolve, reject) => {
      if (this.failure) {
        reject(this.failure);
        return;
      }
      let least = this.workers[0]!;
      for (const worker of this.workers)
        if (worker.tasks.length < least.tasks.length) least = worker;
      least.tasks.push({ resolve, reject });
      least.thread.ref();
      least.thread.postMessage(request);
    });
  }

  private fail(error: unknown): void {
    this.failure ??= error;
    for (const worker of this.workers) {
      for (const task of worker.tasks.splice(0)) task.reject(this.failure);
    }
  }
}
