/** Process exit codes shared by every lm-synth command. */
export const ExitCode = {
  Ok: 0,
  /** The command ran and found problems (e.g. a validation gate failed). */
  Findings: 1,
  /** Bad flags, config, files or connection strings. */
  Usage: 2,
} as const;
