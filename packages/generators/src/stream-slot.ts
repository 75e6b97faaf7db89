import { createStream, type RandomSource } from '@lm-synth/stats';

/**
 * A RandomSource that forwards to whichever stream is plugged in. Samplers are
 * built once over a slot and the block's own stream is plugged in before use,
 * so a block draws only from its streams without rebuilding samplers (the
 * stats samplers keep no state between draws, only their parameters).
 */
export class StreamSlot implements RandomSource {
  // Always a real stream (never a stub of another shape), so the call below stays monomorphic
  // and the samplers over the slot inline; blocks plug in their own stream before drawing.
  source: RandomSource = createStream(0, 'unplugged', 0);

  next(): number {
    return this.source.next();
  }
}
