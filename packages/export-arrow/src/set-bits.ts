/** Sets `count` bits of an LSB-first bitmap to 1, starting at `targetBit`. */
export function setBits(target: Uint8Array, targetBit: number, count: number): void {
  let i = 0;
  for (; i < count && ((targetBit + i) & 7) !== 0; i++) {
    const t = targetBit + i;
    target[t >> 3] = target[t >> 3]! | (1 << (t & 7));
  }
  const firstByte = (targetBit + i) >> 3;
  const fullBytes = (count - i) >> 3;
  target.fill(0xff, firstByte, firstByte + fullBytes);
  for (i += fullBytes << 3; i < count; i++) {
    const t = targetBit + i;
    target[t >> 3] = target[t >> 3]! | (1 << (t & 7));
  }
}
