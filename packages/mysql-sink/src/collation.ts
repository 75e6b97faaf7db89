import type { ServerFlavor } from './server-version.js';

// Best first. MariaDB has no _0900_ collations; uca1400 arrived in 10.10, unicode_520 is in every 10.6+.
const PREFERENCE: Record<ServerFlavor, readonly string[]> = {
  mysql: ['utf8mb4_0900_ai_ci', 'utf8mb4_unicode_520_ci', 'utf8mb4_unicode_ci'],
  mariadb: ['utf8mb4_uca1400_ai_ci', 'utf8mb4_unicode_520_ci', 'utf8mb4_unicode_ci'],
};

/** The utf8mb4 Unicode collation for a server: the best it has, or the flavor's safe default when unknown. */
export function preferredCollation(flavor: ServerFlavor, available?: ReadonlySet<string>): string {
  const candidates = PREFERENCE[flavor];
  if (available === undefined)
    return flavor === 'mysql' ? candidates[0]! : 'utf8mb4_unicode_520_ci';
  return candidates.find((name) => available.has(name)) ?? 'utf8mb4_unicode_ci';
}
