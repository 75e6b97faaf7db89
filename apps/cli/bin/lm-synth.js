#!/usr/bin/env node
// Committed beside the build, so that pnpm links the workspace's `lm-synth` at install time,
// before `pnpm build` has written dist/ (`pnpm exec lm-synth`, `pnpm lm-synth` from the root).
await import('../dist/bin.js');
