import { parentPort, workerData } from 'node:worker_threads';
import type { BlockRequest, BlockResult } from './block-result.js';
import { generateBlock } from './generate-block.js';
import { GeneratorContext } from './generator-context.js';
import type { GeneratorSettings } from './generator-settings.js';

// Worker-thread entry (see WorkerPool): builds the context once, then generates the blocks it is sent.

function buffersOf(result: BlockResult): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const columns of [result.patients, result.ed, result.ip]) {
    for (const column of Object.values(columns ?? {})) buffers.add(column.buffer as ArrayBuffer);
  }
  if (result.census) buffers.add(result.census.buffer as ArrayBuffer);
  return [...buffers];
}

if (parentPort) {
  const port = parentPort;
  const context = new GeneratorContext(workerData as GeneratorSettings);
  port.on('message', ({ blockIndex, needs }: BlockRequest) => {
    const result = generateBlock(context, blockIndex, needs);
    port.postMessage(result, buffersOf(result));
  });
}
