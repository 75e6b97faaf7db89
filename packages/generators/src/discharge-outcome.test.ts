import { AGE_GROUPS, DISCHARGE_DISPOSITIONS, defaultScenario } from '@lm-synth/config';
import { createStream } from '@lm-synth/stats';
import { describe, expect, it } from 'vitest';
import { DISCHARGE, DischargeOutcome } from './discharge-outcome.js';
import { frailtyScaledChance } from './frailty-scaled-chance.js';
import { StreamSlot } from './stream-slot.js';

// Shares within 4.5 binomial standard errors sqrt(n p (1 - p)) of n p: at a fixed seed a
// pass is stable, and an exact mechanism fails one check with probability about 7e-6.
const Z = 4.5;
const N = 200_000;
const scenario = defaultScenario();
const settings = scenario.inpatient.discharge;
const program = (key: string) => scenario.programs.findIndex((p) => p.key === key);
const group = (label: (typeof AGE_GROUPS)[number]) => AGE_GROUPS.indexOf(label);

function outcome(purpose: string): DischargeOutcome {
  const slot = new StreamSlot();
  slot.source = createStream(31, purpose, 0);
  return new DischargeOutcome(scenario, slot);
}

function expectCount(observed: number, p: number, n: number) {
  expect(Math.abs(observed - n * p), `${observed} vs ${n * p}`).toBeLessThanOrEqual(
    Z * Math.sqrt(n * p * (1 - p)),
  );
}

describe('DischargeOutcome', () => {
  it('ends a stay in death with min(1, x / frailty), x calibrated from the configured probability', () => {
    const discharge = outcome('dies');
    for (const [g, p] of [
      [group('85+'), program('palliative')],
      [group('65-74'), program('critical_care')],
      [group('45-64'), program('medicine')],
      [group('5-14'), program('surgery')],
    ] as const) {
      const model = scenario.ed.countModel;
      const k = model.model === 'negbin' ? model.dispersion : Number.POSITIVE_INFINITY;
      // At frailty 2, so palliative's x (above 1) still shows below certainty.
      const probability = Math.min(1, frailtyScaledChance(settings.died[g]![p]!, k) / 2);
      let deaths = 0;
      for (let i = 0; i < N; i++) if (discharge.dies(g, p, 2)) deaths++;
      if (probability === 0) expect(deaths).toBe(0);
      else expectCount(deaths, probability, N);
    }
  });

  it('never ends a stay in death where the probability is zero', () => {
    const discharge = outcome('never-dies');
    const p = program('emergency');
    expect(settings.died[group('85+')]![p]).toBe(0);
    let deaths = 0;
    for (let i = 0; i < N; i++) if (discharge.dies(group('85+'), p)) deaths++;
    expect(deaths).toBe(0);
  });

  it('sends an ALC stay home, home with support or to long-term care by after_alc', () => {
    const discharge = outcome('after-alc');
    const counts = new Float64Array(DISCHARGE_DISPOSITIONS.length);
    for (let i = 0; i < N; i++) counts[discharge.alive(group('75-84'), true)]!++;
    const [home, support, ltc] = settings.afterAlc as [number, number, number];
    expectCount(counts[DISCHARGE.home]!, home, N);
    expectCount(counts[DISCHARGE.homeWithSupport]!, support, N);
    expectCount(counts[DISCHARGE.longTermCare]!, ltc, N);
    expect(
      counts[DISCHARGE.home]! +
        counts[DISCHARGE.homeWithSupport]! +
        counts[DISCHARGE.longTermCare]!,
    ).toBe(N);
  });

  it('sends other live stays out against advice, then home with support, to long-term care or home by age group', () => {
    const discharge = outcome('alive');
    for (const label of ['65-74', '25-44', '0-4'] as const) {
      const g = group(label);
      const counts = new Float64Array(DISCHARGE_DISPOSITIONS.length);
      for (let i = 0; i < N; i++) counts[discharge.alive(g, false)]!++;
      const lama = settings.leftAgainstAdvice;
      const support = (1 - lama) * settings.homeWithSupport[g]!;
      const ltc = (1 - lama) * settings.longTermCare[g]!;
      expectCount(counts[DISCHARGE.leftAgainstAdvice]!, lama, N);
      expectCount(counts[DISCHARGE.homeWithSupport]!, support, N);
      if (ltc === 0) expect(counts[DISCHARGE.longTermCare]).toBe(0);
      else expectCount(counts[DISCHARGE.longTermCare]!, ltc, N);
      expectCount(counts[DISCHARGE.home]!, 1 - lama - support - ltc, N);
      // Other facility (a transfer) and Died are the caller's to set, never a live outcome.
      expect(counts[DISCHARGE.otherFacility]).toBe(0);
      expect(counts[DISCHARGE.died]).toBe(0);
    }
  });
});
