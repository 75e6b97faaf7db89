import { Worker } from 'node:worker_threads';
import type { BlockNeeds, BlockRequest, BlockResult } from './block-result.js';
import type { GeneratorSettings } from './generator-context.js';

interface Task {
  readonly request: BlockRequest;
  resolve(result: BlockResult): void;
  reject(error: unknown): void;
}

/**
 * Worker threads that generate blocks (dist/block-worker.js). Each worker
 * takes one block at a time; results are handed back in block order whatever
 * order they finish in, with at most two blocks per worker in flight so
 * memory stays bounded. Idle workers do not keep the process alive.
 */
export class WorkerPool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly running = new Map<Worker, Task>();
  private readonly queue: Task[] = [];
  private failure: unknown;

  constructor(settings: GeneratorSettings, size: number) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(new URL('./block-worker.js', import.meta.url), { workerData: settings });
      worker.on('message', (result: BlockResult) => this.settle(worker, (task) => task.resolve(result)));
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', (code) => {
        if (this.running.has(worker)) this.fail(new Error(`block worker exited with code ${code}`));
      });
      worker.unref();
      this.workers.push(worker);
      this.idle.push(worker);
    }
  }

  /** Every block of a pass, in block order. */
  async *blocks(blockCount: number, needs: BlockNeeds): AsyncGenerator<BlockResult> {
    const pending = new Map<number, Promise<BlockResult>>();
    const limit = 2 * this.workers.length;
    let next = 0;
    for (let block = 0; block < blockCount; block++) {
      while (next < blockCount && pending.size < limit) {
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
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }

  private run(request: BlockRequest): Promise<BlockResult> {
    return new Promise<BlockResult>((resolve, reject) => {
      if (this.failure) {
        reject(this.failure);
        return;
      }
      this.queue.push({ request, resolve, reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop()!;
      const task = this.queue.shift()!;
      this.running.set(worker, task);
      worker.ref();
      worker.postMessage(task.request);
    }
  }

  private settle(worker: Worker, finish: (task: Task) => void): void {
    const task = this.running.get(worker);
    this.running.delete(worker);
    worker.unref();
    this.idle.push(worker);
    if (task) finish(task);
    this.dispatch();
  }

  private fail(error: unknown): void {
    this.failure ??= error;
    for (const task of [...this.running.values(), ...this.queue.splice(0)]) task.reject(this.failure);
    this.running.clear();
  }
}
