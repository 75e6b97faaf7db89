import { createApiServer, openDuckdbSource } from './dist/index.js';
import { defaultScenario } from '@lm-synth/config';
const dir = process.argv[2];
const app = await createApiServer({ source: await openDuckdbSource(dir), validation: { dir, scenario: defaultScenario() } });
for (const url of ['/', '/health', '/api/v1/patients?size=2&age_group=25-44&sort=-dob', '/api/v1/patients?size=-1&page=abc&foo=1', '/api/v1/encounters/ed?size=2&arrival_from=2025-03-01&arrival_to=2025-03-02', '/api/v1/projections/ed?size=3', '/api/v1/projections/ed?year=1999', '/nope', '/api/v1/encounters/ip?size=1&alc_flag=true', '/api/v1/encounters/ed?arrival_from=2025-03-05&arrival_to=2025-03-01']) {
  const r = await app.inject({ method: 'GET', url });
  console.log(url, r.statusCode, r.headers['content-type'], r.body.slice(0, 700));
}
const doc = await app.inject('/openapi.json');
console.log(doc.body.length, JSON.stringify(JSON.parse(doc.body).paths['/api/v1/patients'].get.parameters.slice(0,4)));
const t0 = performance.now();
const v = await app.inject('/api/v1/validation/summary');
console.log('validation', v.statusCode, (performance.now()-t0).toFixed(0), 'ms', v.body.slice(0, 300));
await app.close();
