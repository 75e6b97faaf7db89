// Sampler throughput in millions of samples per second on one core, run against dist/.
// `pnpm --filter @lm-synth/stats bench`; bench/numpy_samplers.py measures numpy alike.
// Each case runs in a fresh Node process, so the JIT's type feedback from one sampler
// cannot slow another, as in a generator whose hot loop uses a few samplers.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import {
  createStream,
  fillBernoulli,
  fillCategorical,
  fillGamma,
  fillLognormal,
  fillNegativeBinomial,
  fillNegativeBinomialNP,
  fillNormal,
  fillPoisson,
  fillTruncatedLognormal,
  fillUniform,
  fillUniformInt,
} from '../dist/index.js';

const SIZE = 2_000_000;
const ROUNDS = 15;
const weights = [1, 2, 3, 4, 5, 6, 7, 8];

/**
 * name and batch fill; each case draws from its own stream. The fill forms call the sampler's
 * closure in a loop, so they also measure the one-at-a-time functions at a monomorphic site.
 */
const cases = [
  ['uniform [0, 1)', (s, out) => fillUniform(s, out)],
  ['normal (0, 1)', (s, out) => fillNormal(s, out)],
  ['lognormal (0, 1)', (s, out) => fillLognormal(s, out, 0, 1)],
  ['gamma (shape 2)', (s, out) => fillGamma(s, out, 2)],
  ['gamma (shape 0.5)', (s, out) => fillGamma(s, out, 0.5)],
  ['Poisson (0.4)', (s, out) => fillPoisson(s, out, 0.4)],
  ['Poisson (30)', (s, out) => fillPoisson(s, out, 30)],
  ['negative binomial (n 2, p 0.3)', (s, out) => fillNegativeBinomialNP(s, out, 2, 0.3)],
  [
    'negative binomial (mean 6, k 1.5)',
    (s, out) => fillNegativeBinomial(s, out, { mean: 6, dispersion: 1.5 }),
  ],
  ['categorical (8 classes)', (s, out) => fillCategorical(s, out, weights)],
  ['Bernoulli (0.3)', (s, out) => fillBernoulli(s, out, 0.3)],
  ['uniform int [0, 99]', (s, out) => fillUniformInt(s, out, 0, 99)],
  [
    'truncated lognormal (LOS >= 0.25)',
    (s, out) => fillTruncatedLognormal(s, out, Math.log(4), 0.9, 0.25),
  ],
];

/** Best rate over the rounds after a warm-up one: the least disturbed by other processes. */
function rate(run) {
  let best = 0;
  for (let round = 0; round <= ROUNDS; round++) {
    const start = process.hrtime.bigint();
    run();
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    if (round > 0) best = Math.max(best, SIZE / seconds / 1e6);
  }
  return best;
}

const caseName = process.argv[2];
if (caseName === undefined) {
  console.log(`${'sampler'.padEnd(36)}${'M samples/s'.padStart(12)}`);
  for (const [name] of cases) {
    const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), name], {
      encoding: 'utf8',
    });
    if (child.status !== 0) throw new Error(`${name}: ${child.stderr}`);
    console.log(`${name.padEnd(36)}${child.stdout.trim().padStart(12)}`);
  }
} else {
  const [, fill] = cases.find(([name]) => name === caseName) ?? [];
  if (fill === undefined) throw new Error(`unknown case ${caseName}`);
  const out = new Float64Array(SIZE);
  const stream = createStream(1, `bench-${caseName}`, 0);
  console.log(rate(() => fill(stream, out)).toFixed(1));
}
