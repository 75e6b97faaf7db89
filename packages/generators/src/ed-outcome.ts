import {
  acuityByAge,
  dispositionByAcuity,
  ED_DISPOSITIONS,
  type Scenario,
} from '@lm-synth/config/core';
import { aliasTable, categorical, uniform } from '@lm-synth/stats';
import { frailtyScaledChance } from './frailty-scaled-chance.js';
import type { StreamSlot } from './stream-slot.js';

type Draw = () => number;
const LEVELS = 5;
const DECEASED = ED_DISPOSITIONS.indexOf('Deceased');
const ADMITTED = ED_DISPOSITIONS.indexOf('Admitted');

function sampler(slot: StreamSlot, weights: readonly number[]): Draw {
  return weights.some((w) => w > 0) ? categorical(slot)(aliasTable(weights)) : () => 0;
}

/**
 * How an ED visit goes, by the patient's single year of age and the subservice: its CTAS level
 * (acuityByAge, smooth in age) and its disposition given that level (dispositionByAcuity:
 * admission falls steeply from CTAS 1 to 5, walk-outs rise, deaths sit at CTAS 1-2).
 */
export class EdOutcome {
  private readonly subservices: number;
  /** [age][subservice]: CTAS level - 1. */
  private readonly acuityDraw: Draw[];
  /** [age][subservice]: CTAS level - 1 of a visit that ends in admission. */
  private readonly admittedAcuityDraw: Draw[];
  /** [(age x subservice) x level]: a disposition other than Deceased, and the Deceased share. */
  private readonly aliveDraw: Draw[];
  private readonly deceasedShare: Float64Array;
  private readonly unit: Draw;

  constructor(scenario: Scenario, slot: StreamSlot) {
    const acuity = acuityByAge(scenario);
    const conditional = dispositionByAcuity(scenario);
    this.subservices = acuity[0]!.length;
    this.acuityDraw = acuity.flatMap((bySubservice) =>
      bySubservice.map((mix) => sampler(slot, mix)),
    );
    this.admittedAcuityDraw = acuity.flatMap((bySubservice, age) =>
      bySubservice.map((mix, s) =>
        sampler(
          slot,
          mix.map((q, level) => q * conditional[age]![s]![level]![ADMITTED]!),
        ),
      ),
    );
    this.aliveDraw = conditional.flatMap((bySubservice) =>
      bySubservice.flatMap((byLevel) =>
        byLevel.map((shares) =>
          sampler(
            slot,
            shares.map((p, d) => (d === DECEASED ? 0 : p)),
          ),
        ),
      ),
    );
    // Deceased with probability min(1, x / frailty) (frailtyScaledChance): over all visits,
    // which come frailty-times as often, the share is still the configured p.
    const model = scenario.ed.countModel;
    const k = model.model === 'negbin' ? model.dispersion : Number.POSITIVE_INFINITY;
    this.deceasedShare = Float64Array.from(
      conditional.flatMap((bySubservice) =>
        bySubservice.flatMap((byLevel) =>
          byLevel.map((shares) => frailtyScaledChance(shares[DECEASED]!, k)),
        ),
      ),
    );
    this.unit = uniform(slot)(0, 1);
  }

  /** CTAS level 1..5 of a visit at `age` (whole years) to subservice `s`. */
  acuity(age: number, s: number): number {
    return this.acuityDraw[age * this.subservices + s]!() + 1;
  }

  /** CTAS level 1..5 of a visit that is known to end in admission (a readmission). */
  admittedAcuity(age: number, s: number): number {
    return this.admittedAcuityDraw[age * this.subservices + s]!() + 1;
  }

  /**
   * The disposition code of a visit at `level`. Deceased comes with probability
   * min(1, x / frailty), x from frailtyScaledChance: a frequent attender's visit is less often
   * fatal, so the death hazard per person-year hardly depends on frailty, while over all visits
   * (weighted by frailty) the Deceased share stays p.
   */
  disposition(age: number, s: number, level: number, frailty: number): number {
    const at = (age * this.subservices + s) * LEVELS + level - 1;
    if (this.unit() * frailty < this.deceasedShare[at]!) return DECEASED;
    return this.aliveDraw[at]!();
  }
}
