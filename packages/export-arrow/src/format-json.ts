/** JSON as lm-synth writes files: 2-space indent, trailing newline, key order as built. */
export function formatJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
