import { defaultScenario } from '@lm-synth/config';
import { openValidationDataset } from './dist/dataset/open-validation-dataset.js';
import { GATES } from './dist/gates/gate-registry.js';
import { significance } from './dist/expectations/significance.js';
import { drawReferenceSample } from './dist/reference/draw-reference-sample.js';
import { kAnonymity } from './dist/privacy/k-anonymity.js';
const dir = process.argv[2];
const scenario = defaultScenario();
let t = performance.now();
const lap = (label) => { const now = performance.now(); console.log(label.padEnd(24), Math.round(now - t)); t = now; };
const o = await openValidationDataset(dir);
lap('open+materialise');
const { format, partitionBy, duckdb, notice, ...run } = o.dataset.manifest.lm_synth;
let ref;
const ctx = { dir, sql: o.sql, rowCounts: o.rowCounts, scenario, run, thresholds: { ...scenario.validation, familyWiseAlpha: 0.01 },
  significance: (m, s = 2) => significance(0.01, 8, m, s),
  referenceSample: () => (ref ??= Promise.resolve(drawReferenceSample(scenario, Math.min(Math.max(o.rowCounts.get('patients'), 20000), 200000), 2025, 1))) };
await ctx.referenceSample(); lap('reference sample');
for (const g of GATES) { const r = await g.run(ctx); lap(g.id + ' ' + r.status); }
await kAnonymity(o.sql); lap('k-anonymity');
o.close();
