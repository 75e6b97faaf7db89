/**
 * Keys a scenario may not use anywhere: assigning through them (`target[key] = …`)
 * reaches an object's prototype, and from there Object.prototype.
 */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
]);
