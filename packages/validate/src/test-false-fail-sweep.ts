import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultScenario } from '@lm-synth/config';
import { writeTestDataset } from './test-write-dataset.js';
import { validate } from './validate.js';

/**
 * Generates and validates a correct dataset of `patients` for each seed 1..`seeds`,
 * returning one line per dataset that failed any gate (the gates it failed).
 */
export async function falseFailSweep(patients: number, seeds: number): Promise<string[]> {
  const root = await mkdtemp(join(tmpdir(), `lm-synth-sweep-${patients}-`));
  const scenario = defaultScenario();
  const failures: string[] = [];
  try {
    for (let seed = 1; seed <= seeds; seed++) {
      const dir = join(root, String(seed));
      await writeTestDataset(dir, { patients, seed });
      const report = await validate(dir, scenario);
      if (!report.ok) {
        const failed = report.gates.filter((gate) => gate.status === 'fail');
        failures.push(
          `seed ${seed}: ${failed.map((gate) => `${gate.id} (${gate.message})`).join('; ')}`,
        );
      }
      await rm(dir, { recursive: true, force: true });
    }
  } finally {
    await rm(root, { recursive: true, force: true });
  }
  return failures;
}
