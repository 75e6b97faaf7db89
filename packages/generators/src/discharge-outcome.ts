import { DISCHARGE_DISPOSITIONS, type Scenario } from '@lm-synth/config/core';
import { uniform } from '@lm-synth/stats';
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

  constructor(scenario: Scenario, slot: StreamSlot) {
    this.scenario = scenario.inpatient.discharge;
    this.unit = uniform(slot)(0, 1);
  }

  /** Whether a stay in `program` of a patient in age group `group` ends in death. */
  dies(group: number, program: number): boolean {
    return this.unit() < this.scenario.died[group]![program]!;
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
