import type { PositionedError } from './positioned-error.js';

/** `file:line:col path.to.key: message` (parts that are unknown are left out). */
export function formatPositionedError({ location, path, message }: PositionedError): string {
  const where = location ? `${location.file}:${location.line}:${location.col}` : '';
  const head = [where, path].filter((part) => part !== '').join(' ');
  return head === '' ? message : `${head}: ${message}`;
}
