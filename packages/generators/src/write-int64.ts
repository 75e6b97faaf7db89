const TWO_POW_32 = 4_294_967_296;
// Which 32-bit word of an Int64 holds its low half on this platform.
const LOW = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 0 : 1;

/**
 * Writes an integer (|value| < 2^53) into element `index` of a BigInt64Array
 * through an Int32Array view of its buffer, avoiding a BigInt per value.
 */
export function writeInt64(words: Int32Array, index: number, value: number): void {
  const high = Math.floor(value / TWO_POW_32);
  words[2 * index + LOW] = (value - high * TWO_POW_32) | 0;
  words[2 * index + 1 - LOW] = high | 0;
}
