import { basename, sep } from 'node:path';

/**
 * JSON data with the absolute directory `dir` taken out of every string:
 * paths below it become relative and `dir` itself its base name, so a client
 * learns nothing about the server's file system.
 */
export function withoutServerPaths<T>(value: T, dir: string): T {
  const prefix = dir.endsWith(sep) ? dir : `${dir}${sep}`;
  const name = basename(dir);
  return JSON.parse(JSON.stringify(value), (_key, item: unknown) =>
    typeof item === 'string' ? item.replaceAll(prefix, '').replaceAll(dir, name) : item,
  ) as T;
}
