// Ships the default scenario (written once, in the repository's configs/) inside the package.
import { copyFileSync, mkdirSync } from 'node:fs';

const from = new URL('../../../configs/', import.meta.url);
const to = new URL('../dist/assets/', import.meta.url);
mkdirSync(to, { recursive: true });
for (const name of ['lower_mainland_defaults.yaml', 'coverage_matrix.csv'])
  copyFileSync(new URL(name, from), new URL(name, to));
