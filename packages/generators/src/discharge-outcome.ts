import { DISCHARGE_DISPOSITIONS, type Scenario } from '@lm-synth/config/core';
import { uniform } from '@lm-synth/stats';
import { frailtyScaledChance } from './frailty-scaled-chance.js';
import type { StreamSlot } from './stream-slot.js';

const code = (name: (typeof DISCHARGE_DISPOSITIONS)[number]) =>
  DISCHARGE_DISPOSITIONS.indexOf(name);
export const DISCHARGE = {
  home: code('Home'),
  homeWithSupport: code('Home with support'),
  longTermCare: code('Long-term care'),
  otherFacility: code('Other facility'),
  died: code('Died'),
  leftAgainstAdvice: code('Left against advice'),
} as const;

/**
 * How a stay ends (ip_stays.discharge_disposition): death in hospital by program and age
 * group, then leaving against advice; an ALC stay ends where its ALC days waited for; other
 * live discharges go home with support or to long-term care by age group, else home. The
 * caller marks "Other facility" when a transfer follows.
 */
export class DischargeOutcome {
  private readonly scenario: Scenario['inpatient']['discharge'];
  private readonly unit: () => number;

  private readonly scaled: readonly (readonly number[])[];

  constructor(scenario: Scenario, slot: StreamSlot) {
    this.scenario = scenario.inpatient.discharge;
    const model = scenario.ed.countModel;
    const k = model.model === 'negbin' ? model.dispersion : Number.POSITIVE_INFINITY;
    this.scaled = this.scenario.died.map((byProgram) =>
      byProgram.map((p) => frailtyScaledChance(p, k)),
    );
    this.unit = uniform(slot)(0, 1);
  }

  /**
   * Whether a stay in `program` of a patient in age group `group` and frailty `frailty` ends in
   * death: with probability min(1, x / frailty), x from frailtyScaledChance. Stays come
   * frailty-times as often (ED and planned admissions alike), so over all stays the share that
   * end in death is the configured p, while the death hazard per person-year, m min(frailty, x),
   * hardly depends on frailty below x: deaths do not thin the frail out of the cohort, whose
   * hospital use then stays as configured year after year.
   */
  dies(group: number, program: number, frailty = 1): boolean {
    return this.unit() * frailty < this.scaled[group]![program]!;
  }

  /** A live discharge code. */
  alive(group: number, alc: boolean): number {
    const { leftAgainstAdvice, homeWithSupport, longTermCare, afterAlc } = this.scenario;
    const u = this.unit();
    if (alc) {
      if (u < afterAlc[0]!) return DISCHARGE.home;
      return u < afterAlc[0]! + afterAlc[1]! ? DISCHARGE.homeWithSupport : DISCHARGE.longTermCare;
    }
    if (u < leftAgainstAdvice) return DISCHARGE.leftAgainstAdvice;
    const v = this.unit();
    if (v < homeWithSupport[group]!) return DISCHARGE.homeWithSupport;
    if (v < homeWithSupport[group]! + longTermCare[group]!) return DISCHARGE.longTermCare;
    return DISCHARGE.home;
  }
}
