// A downstream TypeScript project using the published lm-synth packages: each
// package's public entry, called for real. Prints "consumer ok" when all agree.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApiServer, openDuckdbSource } from '@lm-synth/api';
import { AGE_GROUPS, defaultScenario } from '@lm-synth/config';
import { arrowSchema, CATALOGUE, tableByName } from '@lm-synth/dims';
import { writeDataset } from '@lm-synth/export-arrow';
import { generateDataset, generateInMemory } from '@lm-synth/generators';
import { datasetDdl } from '@lm-synth/mysql-sink';
import { createStream, poisson } from '@lm-synth/stats';
import { htmlReport, validate } from '@lm-synth/validate';

function check(condition: boolean, what: string): void {
  if (!condition) throw new Error(`consumer check failed: ${what}`);
}

const patients = tableByName('patients');
check(arrowSchema(patients).fields.length === patients.columns.length, 'arrow schema');
check(CATALOGUE.length === 15 && AGE_GROUPS.length === 8, 'catalogue');

const draw = poisson(createStream(42, 'consumer', 0))(3);
check(Number.isInteger(draw()), 'poisson draw');

const scenario = defaultScenario();
const tables = await generateInMemory(scenario, { patients: 300, workers: 0 });
// 300 residents on 1 January of the start year, then the entrants of the encounter years.
const entryReason = tables.patients?.getChild('entry_reason');
let residents = 0;
for (let i = 0; i < (entryReason?.length ?? 0); i++) {
  if (entryReason?.get(i) === 'Resident') residents++;
}
check(residents === 300 && (tables.patients?.numRows ?? 0) > 300, 'in-memory patients');

const dir = mkdtempSync(join(tmpdir(), 'lm-synth-consumer-out-'));
try {
  const outDir = join(dir, 'out');
  const options = { patients: 2_000, workers: 0 };
  await writeDataset(generateDataset(scenario, options), {
    outDir,
    format: 'parquet',
  });
  const report = await validate(outDir, scenario);
  check(
    report.ok,
    `validation: ${report.gates.filter((g) => g.status === 'fail').map((g) => g.id)}`,
  );

  // The HTML report renders its charts with the published vega and vega-lite.
  const { html } = await htmlReport(outDir, scenario, { label: 'out' });
  check(html.includes('<svg role="img"') && !html.includes('<script'), 'html report');

  const app = await createApiServer({ source: await openDuckdbSource(outDir) });
  const response = await app.inject({ method: 'GET', url: '/api/v1/dimensions/sites?size=5' });
  check(response.statusCode === 200, 'api sites');
  await app.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}

check(datasetDdl('mariadb').includes('CREATE TABLE'), 'mysql ddl');
console.log('consumer ok');
