import type { Scenario } from '@lm-synth/config';
import type { SqlSession } from './dataset/sql-session.js';
import { significance } from './expectations/significance.js';
import type { GateContext } from './gates/gate.js';
import { drawReferenceSample } from './reference/draw-reference-sample.js';
import type { DatasetSummary, ReportThresholds } from './report/validation-report.js';

/**
 * Test helper: the context a gate runs in over hand-made tables `tables` in `sql`, as the
 * validator would build it for a dataset of `scenario` (run metadata overridable), with a
 * reference sample of `referencePatients`.
 */
export async function testGateContext(
  sql: SqlSession,
  scenario: Scenario,
  tables: readonly string[],
  referencePatients: number,
  run: Partial<DatasetSummary['run']> = {},
): Promise<GateContext> {
  const rowCounts = new Map<string, number>();
  for (const name of tables) rowCounts.set(name, await sql.scalar(`SELECT count(*) FROM ${name}`));
  const thresholds: ReportThresholds = { ...scenario.validation, familyWiseAlpha: 0.01 };
  return {
    dir: '/nonexistent',
    sql,
    rowCounts,
    scenario,
    run: {
      lmSynthVersion: '0.0.0-test',
      seed: 1,
      scenarioId: scenario.meta.id,
      scenarioHash: 'sha256:test',
      referenceDate: scenario.referenceDate,
      timeZone: scenario.timeZone,
      startYear: scenario.startYear,
      horizonYears: scenario.horizonYears,
      patients: rowCounts.get('patients')!,
      uniqueQuasiIdentifiers: true,
      withEd: true,
      withIp: true,
      ...run,
    },
    thresholds,
    significance: (comparisons, sides = 2) => significance(0.01, 8, comparisons, sides),
    referenceSample: async () =>
      drawReferenceSample(scenario, referencePatients, scenario.startYear, 1),
  };
}
