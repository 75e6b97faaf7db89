import { firstInvalidUtf8Byte } from './first-invalid-utf8-byte.js';
import type { PositionedError } from './positioned-error.js';
import { SCENARIO_FILE_LIMITS } from './scenario-file-limits.js';

export type DecodedScenarioFile =
  | { readonly text: string; readonly error?: undefined }
  | { readonly error: PositionedError };

// C0 and C1 controls other than tab, line feed, carriage return and NEL: YAML 1.2
// allows them only escaped, and printed raw in a message they drive the terminal.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f]/;

const hex = (code: number, digits: number) => code.toString(16).toUpperCase().padStart(digits, '0');

/** 1-based line and column (in UTF-16 units, as the YAML parser counts) of `offset` in `text`. */
function textPosition(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return { line, col: offset - text.lastIndexOf('\n', offset - 1) };
}

/** The same for a byte offset into (possibly invalid) UTF-8. */
function bytePosition(bytes: Uint8Array, offset: number): { line: number; col: number } {
  const before = new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes.subarray(0, offset));
  return textPosition(before, before.length);
}

/**
 * Turns a scenario file's bytes (YAML or CSV, as read by readBoundedFile)
 * into text, refusing with a positioned error, and without echoing the
 * content, a file over the size cap, UTF-16, a binary file (a NUL byte),
 * invalid UTF-8 and raw control characters.
 */
export function decodeScenarioFile(file: string, bytes: Uint8Array): DecodedScenarioFile {
  const error = (where: { line: number; col: number }, message: string) => ({
    error: { location: { file, ...where }, path: '', message },
  });
  const { maxBytes } = SCENARIO_FILE_LIMITS;
  if (bytes.length > maxBytes)
    return error(
      { line: 1, col: 1 },
      `the file is larger than the ${maxBytes / 1024 / 1024} MiB (${maxBytes} bytes) allowed for a scenario file`,
    );
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    return error({ line: 1, col: 1 }, 'the file is UTF-16 text; save it as UTF-8');
  const nul = bytes.indexOf(0);
  if (nul >= 0)
    return error(bytePosition(bytes, nul), 'a binary file (a NUL byte), not UTF-8 text');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const offset = Math.max(firstInvalidUtf8Byte(bytes), 0);
    return error(
      bytePosition(bytes, offset),
      `not valid UTF-8 (byte 0x${hex(bytes[offset] ?? 0, 2)}); save the file as UTF-8`,
    );
  }
  const control = CONTROL.exec(text);
  if (control)
    return error(
      textPosition(text, control.index),
      `control character U+${hex(control[0].charCodeAt(0), 4)} is not allowed; in YAML write it escaped in a double-quoted string`,
    );
  return { text };
}
