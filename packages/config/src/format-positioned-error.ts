import type { PositionedError } from './positioned-error.js';

// Control characters (line breaks included) a key or value may carry into a message
// once YAML unescapes it ("\e[2J"): printed raw they would drive the terminal or forge lines.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
/** Long enough for any message about a real scenario; a hostile key or value is cut. */
const MAX_LENGTH = 1_000;

const escapeControls = (text: string) =>
  text.replace(CONTROL, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);

/**
 * `file:line:col path.to.key: message` (parts that are unknown are left out),
 * on one printable line of at most 1,000 characters.
 */
export function formatPositionedError({ location, path, message }: PositionedError): string {
  const where = location ? `${location.file}:${location.line}:${location.col}` : '';
  const head = [where, path].filter((part) => part !== '').join(' ');
  const line = escapeControls(head === '' ? message : `${head}: ${message}`);
  return line.length > MAX_LENGTH ? `${line.slice(0, MAX_LENGTH - 3)}...` : line;
}
