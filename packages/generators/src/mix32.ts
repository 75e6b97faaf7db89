/** MurmurHash3's 32-bit finaliser (Appleby): a cheap, well-mixing hash of a 32-bit integer. */
export function mix32(value: number): number {
  value ^= value >>> 16;
  value = Math.imul(value, 0x85ebca6b);
  value ^= value >>> 13;
  value = Math.imul(value, 0xc2b2ae35);
  return (value ^ (value >>> 16)) >>> 0;
}
