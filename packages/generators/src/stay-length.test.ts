import { AGE_GROUPS, defaultScenario } from '@lm-synth/config';
import { tableByName } from '@lm-synth/dims';
import {
  createStream,
  medianWithCi,
  standardNormalCdf,
  truncatedLognormalDistribution,
} from '@lm-synth/stats';
import { describe, expect, it } from 'vitest';
import { MIN_LOS_DAYS, StayLength } from './stay-length.js';
import { StreamSlot } from './stream-slot.js';

// Medians are checked with the distribution-free order-statistic interval at 99.999%
// coverage (a false alarm about 1e-5 at a fixed seed, so a pass is stable); shares within
// 4.5 binomial standard errors (about 7e-6).
const CONFIDENCE = 0.99999;
const Z = 4.5;
const N = 100_000;
const scenario = defaultScenario();
const ip = scenario.inpatient;
/** The longest stay ip_stays.los_days holds, as the generator settings derive it. */
const MAX_DAYS = (() => {
  const type = tableByName('ip_stays').columns.find((c) => c.name === 'los_days')!.type;
  if (type.kind !== 'decimal') throw new Error('los_days is not a decimal');
  return 10 ** (type.precision - type.scale) - 10 ** -type.scale;
})();
const pairs = scenario.programs.flatMap((program, p) =>
  program.subprograms.map((subprogram, sp) => ({ p, sp, key: subprogram.key })),
);
const pairOf = (key: string) => pairs.findIndex((pair) => pair.key === key);
const programOf = (key: string) => scenario.programs.findIndex((p) => p.key === key);
const group = (label: (typeof AGE_GROUPS)[number]) => AGE_GROUPS.indexOf(label);

function stayLength(purpose: string): StayLength {
  const slot = new StreamSlot();
  slot.source = createStream(77, purpose, 0);
  return new StayLength(scenario, MAX_DAYS, slot);
}

/** The analytic median of the pair's lognormal at `age`, truncated to [MIN_LOS_DAYS, MAX_DAYS]. */
function truncatedMedian(pair: number, age: number): number {
  const { p, sp } = pairs[pair]!;
  const { mu, sigma } = ip.los[p]![sp]!;
  const shift = Math.log(ip.losAgeFactorPerDecade[p]!) * ((age - ip.losReferenceAge) / 10);
  return truncatedLognormalDistribution(mu + shift, sigma, MIN_LOS_DAYS, MAX_DAYS).quantile(0.5);
}

describe('StayLength', () => {
  it('draws acute days whose median at the reference age is the truncated lognormal median', () => {
    const length = stayLength('reference-age');
    for (const key of ['general_medicine', 'icu', 'labour_delivery', 'pacu_day_surgery']) {
      const pair = pairOf(key);
      const sample = Float64Array.from({ length: N }, () =>
        length.acuteDays(pair, ip.losReferenceAge),
      );
      const { lower, upper } = medianWithCi(sample, CONFIDENCE);
      const median = truncatedMedian(pair, ip.losReferenceAge);
      expect(median, key).toBeGreaterThanOrEqual(lower);
      expect(median, key).toBeLessThanOrEqual(upper);
    }
  });

  it("moves the median by the program's factor per decade of age (medicine: 1.1 per decade, ages 25 and 85)", () => {
    const length = stayLength('age-factor');
    const pair = pairOf('general_medicine');
    expect(ip.losAgeFactorPerDecade[programOf('medicine')]).toBeGreaterThan(1);
    const medians = [25, 85].map((age) => {
      const sample = Float64Array.from({ length: N }, () => length.acuteDays(pair, age));
      const ci = medianWithCi(sample, CONFIDENCE);
      const expected = truncatedMedian(pair, age);
      expect(expected).toBeGreaterThanOrEqual(ci.lower);
      expect(expected).toBeLessThanOrEqual(ci.upper);
      return ci;
    });
    // The two ages' intervals do not overlap: the age shift is real, not within the noise.
    expect(medians[0]!.upper).toBeLessThan(medians[1]!.lower);
  });

  it('never draws fewer than 0.25 days nor more than the cap it is given', () => {
    const length = stayLength('bounds');
    let outside = 0;
    for (let pair = 0; pair < pairs.length; pair++)
      for (const age of [0, 40, 100])
        for (let i = 0; i < 2_000; i++) {
          const full = length.acuteDays(pair, age);
          const capped = length.acuteDays(pair, age, 0.6);
          if (!(full >= MIN_LOS_DAYS && full <= MAX_DAYS)) outside++;
          if (!(capped >= MIN_LOS_DAYS && capped <= 0.6)) outside++;
        }
    expect(outside).toBe(0);
  });

  it('makes a stay an ALC stay with the probability of its age group and program', () => {
    const length = stayLength('alc-share');
    for (const [label, key] of [
      ['85+', 'general_medicine'],
      ['75-84', 'acute_palliative_unit'],
      ['45-64', 'icu'],
      ['0-4', 'general_medicine'],
    ] as const) {
      const pair = pairOf(key);
      const p = ip.alcProbability[group(label)]![pairs[pair]!.p]!;
      let alc = 0;
      for (let i = 0; i < N; i++) if (length.alc(pair, group(label), 2) > 0) alc++;
      if (p === 0) expect(alc).toBe(0);
      else
        expect(Math.abs(alc - N * p), `${label} ${key}`).toBeLessThanOrEqual(
          Z * Math.sqrt(N * p * (1 - p)),
        );
    }
  });

  it('gives ALC days at least what takes the stay to the ALC threshold, with no pile-up at the threshold', () => {
    const length = stayLength('alc-days');
    const pair = pairOf('general_medicine');
    const g = group('85+');
    const threshold = length.alcThreshold;
    expect(threshold).toBe(ip.alcLosThresholdDays);
    const { mu, sigma, max } = ip.alcDays;
    const cdf = (x: number) => standardNormalCdf((Math.log(x) - mu) / sigma);
    let stays = 0;
    let short = 0;
    let nearThreshold = 0;
    let expectedNear = 0;
    for (let i = 0; i < 400_000; i++) {
      const acute = length.acuteDays(pair, 85);
      const alc = length.alc(pair, g, acute);
      if (alc === 0) continue;
      stays++;
      const low = Math.max(0.01, threshold - acute);
      const high = Math.min(max, MAX_DAYS - acute);
      if (alc < low - 1e-9 || alc > high + 1e-9) short++;
      if (Math.abs(acute + alc - threshold) <= 0.01) nearThreshold++;
      // The truncated density's mass within 0.01 d of the threshold, for this stay.
      if (acute < threshold) {
        const mass = cdf(high) - cdf(low);
        expectedNear += (cdf(Math.min(high, low + 0.01)) - cdf(low)) / mass;
      }
    }
    expect(stays).toBeGreaterThan(20_000);
    expect(short).toBe(0);
    // A continuous density puts about expectedNear (a few dozen) stays there; a pile-up at the
    // threshold would put every ALC stay with acute < threshold there (thousands). Poisson SE.
    expect(
      Math.abs(nearThreshold - expectedNear),
      `${nearThreshold} vs ${expectedNear}`,
    ).toBeLessThanOrEqual(Z * Math.sqrt(expectedNear) + 1);
  });

  it('draws the ALC days of a stay past the threshold from the truncated ALC lognormal (median check)', () => {
    const length = stayLength('alc-median');
    const pair = pairOf('general_medicine');
    const g = group('85+');
    const acute = 3;
    const sample: number[] = [];
    while (sample.length < 20_000) {
      const alc = length.alc(pair, g, acute);
      if (alc > 0) sample.push(alc);
    }
    const { mu, sigma, max } = ip.alcDays;
    const expected = truncatedLognormalDistribution(
      mu,
      sigma,
      ip.alcLosThresholdDays - acute,
      max,
    ).quantile(0.5);
    const { lower, upper } = medianWithCi(sample, CONFIDENCE);
    expect(expected).toBeGreaterThanOrEqual(lower);
    expect(expected).toBeLessThanOrEqual(upper);
  });
});
