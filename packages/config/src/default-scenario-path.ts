import { fileURLToPath } from 'node:url';

/**
 * Absolute path of the packaged default scenario YAML (its coverage_matrix.csv
 * sits beside it). The build copies both from the repository's configs/ into
 * dist/assets; `../dist` resolves there from src/ (tests) and dist/ alike.
 */
export function defaultScenarioPath(): string {
  return fileURLToPath(new URL('../dist/assets/lower_mainland_defaults.yaml', import.meta.url));
}
