import { UsageError } from 'clipanion';

/**
 * Library packages mark errors caused by bad user input (a broken config, a
 * missing file, a bad connection string) with `isInputError: true`; those are
 * reported as one clear message with exit code 2 instead of a stack trace.
 */
export function isInputError(error: unknown): error is Error {
  if (error instanceof UsageError) return true;
  return (
    error instanceof Error && (error as Error & { isInputError?: unknown }).isInputError === true
  );
}
