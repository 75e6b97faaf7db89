/** Bytes of a patient id: "P" and 12 upper-case hex digits. */
export const PATIENT_ID_BYTES = 13;

const HEX = Uint8Array.from('0123456789ABCDEF', (digit) => digit.charCodeAt(0));
const TWO_POW_24 = 16_777_216;

/** Writes the UTF-8 bytes of the id of a 48-bit value at `offset`. */
export function writePatientId(bytes: Uint8Array, offset: number, value: number): void {
  const high = Math.floor(value / TWO_POW_24);
  const low = value - high * TWO_POW_24;
  bytes[offset] = 0x50;
  for (let digit = 0; digit < 6; digit++) {
    const shift = 20 - 4 * digit;
    bytes[offset + 1 + digit] = HEX[(high >>> shift) & 15]!;
    bytes[offset + 7 + digit] = HEX[(low >>> shift) & 15]!;
  }
}
