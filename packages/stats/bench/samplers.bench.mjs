// Sampler throughput in millions of samples per second on one core, run against dist/.
// `pnpm --filter @lm-synth/stats bench`; bench/numpy_samplers.py measures numpy alike.
import {
  bernoulli,
  categorical,
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
  gamma,
  lognormal,
  negativeBinomialNP,
  normal,
  poisson,
  truncatedLognormal,
  uniform,
  uniformInt,
} from '../dist/index.js';

const SIZE = 2_000_000;
const ROUNDS = 7;
const weights = [1, 2, 3, 4, 5, 6, 7, 8];

/** name, fill form, one-at-a-time form; each is run in a fresh stream. */
const cases = [
  ['uniform [0, 1)', (s, out) => fillUniform(s, out), (s) => uniform(s)()],
  ['normal (0, 1)', (s, out) => fillNormal(s, out), (s) => normal(s)()],
  ['lognormal (0, 1)', (s, out) => fillLognormal(s, out, 0, 1), (s) => lognormal(s)(0, 1)],
  ['gamma (shape 2)', (s, out) => fillGamma(s, out, 2), (s) => gamma(s)(2)],
  ['gamma (shape 0.5)', (s, out) => fillGamma(s, out, 0.5), (s) => gamma(s)(0.5)],
  ['Poisson (0.4)', (s, out) => fillPoisson(s, out, 0.4), (s) => poisson(s)(0.4)],
  ['Poisson (30)', (s, out) => fillPoisson(s, out, 30), (s) => poisson(s)(30)],
  [
    'negative binomial (n 2, p 0.3)',
    (s, out) => fillNegativeBinomialNP(s, out, 2, 0.3),
    (s) => negativeBinomialNP(s)(2, 0.3),
  ],
  [
    'negative binomial (mean 6, k 1.5)',
    (s, out) => fillNegativeBinomial(s, out, { mean: 6, dispersion: 1.5 }),
    null,
  ],
  [
    'categorical (8 classes)',
    (s, out) => fillCategorical(s, out, weights),
    (s) => categorical(s)(weights),
  ],
  ['Bernoulli (0.3)', (s, out) => fillBernoulli(s, out, 0.3), (s) => bernoulli(s)(0.3)],
  ['uniform int [0, 99]', (s, out) => fillUniformInt(s, out, 0, 99), (s) => uniformInt(s)(0, 99)],
  [
    'truncated lognormal (LOS >= 0.25)',
    (s, out) => fillTruncatedLognormal(s, out, Math.log(4), 0.9, 0.25),
    (s) => truncatedLognormal(s)(Math.log(4), 0.9, 0.25),
  ],
];

/** Median rate over rounds, after one warm-up round. */
function rate(run) {
  const rates = [];
  for (let round = 0; round <= ROUNDS; round++) {
    const start = process.hrtime.bigint();
    run();
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    if (round > 0) rates.push(SIZE / seconds / 1e6);
  }
  rates.sort((a, b) => a - b);
  return rates[Math.floor(rates.length / 2)];
}

const out = new Float64Array(SIZE);
console.log(`${'sampler'.padEnd(36)}${'fill (M/s)'.padStart(12)}${'draw() (M/s)'.padStart(14)}`);
for (const [name, fill, single] of cases) {
  const fillStream = createStream(1, `bench-fill-${name}`, 0);
  const fillRate = rate(() => fill(fillStream, out));
  let singleRate = Number.NaN;
  if (single) {
    const draw = single(createStream(1, `bench-draw-${name}`, 0));
    singleRate = rate(() => {
      for (let i = 0; i < SIZE; i++) out[i] = draw();
    });
  }
  const singleText = Number.isNaN(singleRate) ? '' : singleRate.toFixed(1);
  console.log(`${name.padEnd(36)}${fillRate.toFixed(1).padStart(12)}${singleText.padStart(14)}`);
}
