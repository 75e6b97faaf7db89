/** What a scenario YAML or coverage CSV may hold; documented in the README. */
export const SCENARIO_FILE_LIMITS = {
  /** 1 MiB: the defaults are ~37 KB, and YAML parsing costs far more memory and time than bytes. */
  maxBytes: 1024 * 1024,
  /** Aliases resolved, counting those inside an anchor once per use: stops "billion laughs". */
  maxAliases: 100,
  /** Nesting of mappings and lists; a scenario needs about 6, recursive code has limits. */
  maxDepth: 64,
  /** Values (mappings, lists, scalars) in one YAML file: the defaults hold ~3,100; each costs parsing, merging and validating. */
  maxValues: 100_000,
} as const;
