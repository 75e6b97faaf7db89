import type { EdCountModel } from '@lm-synth/config/core';
import {
  type DiscreteDistribution,
  negativeBinomialDistribution,
  poissonDistribution,
} from '@lm-synth/stats';

/** Mean and variance of a sum of independent per-person yearly visit counts. */
export class CountMoments {
  mean = 0;
  variance = 0;

  constructor(private readonly model: EdCountModel) {}

  /** Adds `people` persons expecting `mean` visits each: Var = mean + mean²/k under NegBin(mean, k). */
  addPersons(people: number, mean: number): void {
    this.mean += people * mean;
    const k = this.model.model === 'negbin' ? this.model.dispersion : Number.POSITIVE_INFINITY;
    this.variance += people * (mean + (mean * mean) / k);
  }

  add(other: CountMoments): void {
    this.mean += other.mean;
    this.variance += other.variance;
  }

  /**
   * The negative binomial with this mean and variance (exact when every person expects the
   * same), Poisson without over-dispersion.
   */
  distribution(): DiscreteDistribution {
    if (this.mean <= 0) return poissonDistribution(0);
    const excess = this.variance - this.mean;
    if (excess <= this.mean * 1e-12) return poissonDistribution(this.mean);
    return negativeBinomialDistribution({
      mean: this.mean,
      dispersion: (this.mean * this.mean) / excess,
    });
  }
}
