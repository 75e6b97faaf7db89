import { describe, expect, it } from 'vitest';
import { preferredCollation } from './collation.js';

describe('preferredCollation', () => {
  it('uses utf8mb4_0900_ai_ci on MySQL 8 and a collation MariaDB has otherwise', () => {
    expect(preferredCollation('mysql')).toBe('utf8mb4_0900_ai_ci');
    expect(preferredCollation('mariadb')).toBe('utf8mb4_unicode_520_ci');
  });

  it('picks the best collation the server lists', () => {
    const mariadb1011 = new Set([
      'utf8mb4_general_ci',
      'utf8mb4_unicode_ci',
      'utf8mb4_unicode_520_ci',
    ]);
    expect(preferredCollation('mariadb', mariadb1011)).toBe('utf8mb4_unicode_520_ci');
    expect(preferredCollation('mariadb', new Set([...mariadb1011, 'utf8mb4_uca1400_ai_ci']))).toBe(
      'utf8mb4_uca1400_ai_ci',
    );
    expect(preferredCollation('mysql', new Set(['utf8mb4_0900_ai_ci', 'utf8mb4_unicode_ci']))).toBe(
      'utf8mb4_0900_ai_ci',
    );
    expect(preferredCollation('mysql', new Set(['utf8mb4_general_ci']))).toBe('utf8mb4_unicode_ci');
  });
});
