import { createStream } from '@lm-synth/stats';

/** `size` distinct indices of 0..count-1 in random order (partial Fisher–Yates), deterministic in `purpose`. */
export function sampleIndices(count: number, size: number, purpose: string): Int32Array {
  const source = createStream(1, `validate-${purpose}`, 0);
  const indices = Int32Array.from({ length: count }, (_, i) => i);
  const take = Math.min(size, count);
  for (let i = 0; i < take; i++) {
    const j = i + Math.floor(source.next() * (count - i));
    const swap = indices[i]!;
    indices[i] = indices[j]!;
    indices[j] = swap;
  }
  return indices.slice(0, take);
}
