import type { Scenario } from '@lm-synth/config/core';
import { uniform } from '@lm-synth/stats';
import { truncatedLognormal } from './stay-timing.js';
import type { StreamSlot } from './stream-slot.js';

/** Shortest stay in days (blueprint §4). */
export const MIN_LOS_DAYS = 0.25;

/**
 * How long a stay's care lasts: acute days lognormal per subprogram, the median moving with
 * the patient's age by the program's factor per decade; then, for an ALC stay, ALC days
 * (lognormal, at least what takes the stay to the ALC threshold: a truncated draw, so there is
 * no pile-up at the threshold). Draws by inversion of one uniform each.
 */
export class StayLength {
  private readonly mu: Float64Array;
  private readonly sigma: Float64Array;
  private readonly pairProgram: Int32Array;
  private readonly agePerDecade: Float64Array;
  private readonly referenceAge: number;
  private readonly alcProbability: readonly (readonly number[])[];
  private readonly alcDays: Scenario['inpatient']['alcDays'];
  readonly alcThreshold: number;
  private readonly maxDays: number;
  private readonly unit: () => number;

  constructor(scenario: Scenario, maxLosDays: number, slot: StreamSlot) {
    const ip = scenario.inpatient;
    const pairs = ip.los.flatMap((bySubprogram, p) => bySubprogram.map((los) => ({ los, p })));
    this.mu = Float64Array.from(pairs, ({ los }) => los.mu);
    this.sigma = Float64Array.from(pairs, ({ los }) => los.sigma);
    this.pairProgram = Int32Array.from(pairs, ({ p }) => p);
    this.agePerDecade = Float64Array.from(ip.losAgeFactorPerDecade, (f) => Math.log(f) / 10);
    this.referenceAge = ip.losReferenceAge;
    this.alcProbability = ip.alcProbability;
    this.alcDays = ip.alcDays;
    this.alcThreshold = ip.alcLosThresholdDays;
    this.maxDays = maxLosDays;
    this.unit = uniform(slot)(0, 1);
  }

  /** Acute days of a stay in `pair` for a patient aged `age` (whole years), at most `upTo` days. */
  acuteDays(pair: number, age: number, upTo = this.maxDays): number {
    const shift = this.agePerDecade[this.pairProgram[pair]!]! * (age - this.referenceAge);
    return truncatedLognormal(
      { mu: this.mu[pair]! + shift, sigma: this.sigma[pair]! },
      MIN_LOS_DAYS,
      Math.max(upTo, MIN_LOS_DAYS * 1.0001),
      this.unit(),
    );
  }

  /** ALC days after `acute` acute days (0: not an ALC stay), for age group `group`. */
  alc(pair: number, group: number, acute: number): number {
    const program = this.pairProgram[pair]!;
    if (!(this.unit() < this.alcProbability[group]![program]!)) return 0;
    const low = Math.max(0.01, this.alcThreshold - acute);
    const high = Math.min(this.alcDays.max, this.maxDays - acute);
    if (!(high > low)) return 0;
    return truncatedLognormal(this.alcDays, low, high, this.unit());
  }
}
