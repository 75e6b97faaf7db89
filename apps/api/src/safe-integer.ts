/** A 64-bit integer as a JSON number when it is exact as one, else as a decimal string. */
export function safeInteger(value: bigint | number | string): number | string {
  const number = Number(value);
  return Number.isSafeInteger(number) ? number : String(value);
}
