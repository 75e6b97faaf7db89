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
/**
 * Blocks a pass requests ahead of its consumer, finished ones included: about
 * 15 MB of results at the default rates. Requests go out as workers answer,
 * not only when the consumer asks, so the workers keep going while the
 * consumer is busy elsewhere (starting up, writing the dimension tables).
 */
const AHEAD_BLOCKS = 64;

/** The requests of one pass over blocks [next, end). */
interface Pass {
  next: number;
  readonly end: number;
  readonly needsOf: (block: number) => BlockNeeds;
  readonly pending: Map<number, Promise<BlockResult>>;
}

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
  /** The pass being requested ahead; an abandoned one stops getting new requests. */
  private active: Pass | null = null;

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
        if (this.active) this.request(this.active);
      });
      thread.on('error', (error) => this.fail(error));
      thread.on('exit', (code) => {
        if (worker.tasks.length > 0) this.fail(new Error(`block worker exited with code ${code}`));
      });
      thread.unref();
      this.workers.push(worker);
    }
  }

  /**
   * Blocks first.. of a pass, in block order; `needsOf` is asked as each
   * block is requested. Requests start at once, before the first is read.
   */
  blocks(
    first: number,
    blockCount: number,
    needsOf: (block: number) => BlockNeeds,
  ): AsyncGenerator<BlockResult> {
    const pass: Pass = { next: first, end: blockCount, needsOf, pending: new Map() };
    this.active = pass;
    this.request(pass);
    return this.results(pass, first);
  }

  private async *results(pass: Pass, first: number): AsyncGenerator<BlockResult> {
    try {
      for (let block = first; block < pass.end; block++) {
        // The block awaited next is always requested, even behind an abandoned pass's requests.
        if (!pass.pending.has(block)) this.post(pass);
        const result = await pass.pending.get(block)!;
        pass.pending.delete(block);
        if (this.active === pass) this.request(pass);
        yield result;
      }
    } finally {
      if (this.active === pass) this.active = null;
    }
  }

  /** Posts the pass's next requests while workers have room and the pass is not too far ahead. */
  private request(pass: Pass): void {
    while (pass.next < pass.end && pass.pending.size < this.ahead() && this.hasRoom()) {
      this.post(pass);
    }
  }

  private post(pass: Pass): void {
    const promise = this.run({ blockIndex: pass.next, needs: pass.needsOf(pass.next) });
    // Abandoned passes must not surface as unhandled rejections.
    promise.catch(() => {});
    pass.pending.set(pass.next++, promise);
  }

  private ahead(): number {
    return Math.max(AHEAD_BLOCKS, (DEPTH_PER_WORKER + 1) * this.workers.length);
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
