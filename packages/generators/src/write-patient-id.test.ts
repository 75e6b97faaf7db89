import { describe, expect, it } from 'vitest';
import { PATIENT_ID_BYTES, writePatientId } from './write-patient-id.js';

const idOf = (value: number) => {
  const bytes = new Uint8Array(PATIENT_ID_BYTES);
  writePatientId(bytes, 0, value);
  return new TextDecoder().decode(bytes);
};

describe('writePatientId', () => {
  it('writes P and the 12 hex digits of a 48-bit value', () => {
    expect(idOf(0)).toBe('P000000000000');
    expect(idOf(0xabcdef123456)).toBe('PABCDEF123456');
    expect(idOf(2 ** 48 - 1)).toBe('PFFFFFFFFFFFF');
  });
});
