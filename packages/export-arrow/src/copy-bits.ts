/**
 * Copies `count` bits between LSB-first bitmaps (Arrow validity and boolean
 * buffers), byte-wise when both offsets are byte-aligned.
 */
export function copyBits(
  source: Uint8Array,
  sourceBit: number,
  target: Uint8Array,
  targetBit: number,
  count: number,
): void {
  let i = 0;
  if ((sourceBit & 7) === 0 && (targetBit & 7) === 0) {
    const bytes = count >> 3;
    target.set(source.subarray(sourceBit >> 3, (sourceBit >> 3) + bytes), targetBit >> 3);
    i = bytes << 3;
  }
  for (; i < count; i++) {
    const s = sourceBit + i;
    const t = targetBit + i;
    const byte = t >> 3;
    if ((source[s >> 3]! >> (s & 7)) & 1) target[byte] = target[byte]! | (1 << (t & 7));
    else target[byte] = target[byte]! & ~(1 << (t & 7));
  }
}
