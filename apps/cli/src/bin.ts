#!/usr/bin/env node
import { createCli } from './create-cli.js';

// A reader that stops early (`lm-synth sql … | head -1`) closes the pipe: that ends the output the
// user asked for, not the run, so every command stops quietly with 0 instead of an EPIPE trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(0);
  });
}

process.exitCode = await createCli().run(process.argv.slice(2));
