/** Where the generated command table sits in the repository's README. */
export const README_SYNOPSIS = {
  start:
    '<!-- cli-synopsis:start (generated from the command definitions: pnpm --filter @lm-synth/cli synopsis) -->',
  end: '<!-- cli-synopsis:end -->',
} as const;
