// Writes the command table into the repository's README from the built commands (see cliSynopsis).
import { readFileSync, writeFileSync } from 'node:fs';
import { cliSynopsis } from '../dist/cli-synopsis.js';
import { createCli } from '../dist/create-cli.js';
import { README_SYNOPSIS } from '../dist/readme-synopsis-markers.js';

const readme = new URL('../../../README.md', import.meta.url);
const text = readFileSync(readme, 'utf8');
const start = text.indexOf(README_SYNOPSIS.start);
const end = text.indexOf(README_SYNOPSIS.end);
if (start < 0 || end < start) {
  console.error('README.md has no synopsis markers');
  process.exit(2);
}
writeFileSync(
  readme,
  `${text.slice(0, start + README_SYNOPSIS.start.length)}\n${cliSynopsis(createCli())}\n${text.slice(end)}`,
);
