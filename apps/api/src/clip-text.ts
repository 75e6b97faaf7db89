/** `text` cut to at most `length` characters, an ellipsis marking the cut. */
export function clipText(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}
