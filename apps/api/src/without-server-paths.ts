import { basename, sep } from 'node:path';

/**
 * JSON data with the absolute directory `dir` taken out of every string:
 * paths below it become relative and `dir` itself its base name, so a client
 * learns nothing about the server's file system.
 */
export function withoutServerPaths<T>(value: T, dir: string): T {
  const root = dir.endsWith(sep) && dir.length > 1 ? dir.slice(0, -1) : dir;
  const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // The directory itself, or followed by a separator; not a sibling that merely starts like it.
  const pattern = new RegExp(`${literal(root)}(${literal(sep)}|(?![\\w.-]))`, 'g');
  const name = basename(root);
  return JSON.parse(JSON.stringify(value), (_key, item: unknown) =>
    typeof item === 'string'
      ? item.replace(pattern, (_match, after: string) => (after === sep ? '' : name))
      : item,
  ) as T;
}
