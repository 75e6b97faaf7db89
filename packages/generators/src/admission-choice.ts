import { type Scenario, singleYearAgeShares } from '@lm-synth/config/core';
import { aliasTable, categorical } from '@lm-synth/stats';
import type { StreamSlot } from './stream-slot.js';

type Draw = () => number;
const ED = 0;
const ELECTIVE = 1;
const FEMALE = 0;

function sampler(slot: StreamSlot, weights: readonly number[]): Draw | null {
  return weights.some((w) => w > 0) ? categorical(slot)(aliasTable(weights)) : null;
}

/**
 * Where admissions go: the (program, subprogram) "pair" and site of each route. Only
 * inpatient and day-case subprograms take admissions (a program's mix is spread over those),
 * and each subprogram's admissions split over the ED, elective and direct routes as the
 * scenario says: an ED admission at a site chooses among the pairs it offers in proportion to
 * admissions x ED share; planned (elective and direct) admissions are Poisson per person-year
 * with the rest (times the patient's frailty, as ED visits), less the readmissions expected of
 * them (those come back on their own).
 * Maternity pairs follow the mother's single year of age. Indices: `ag` is age group x genders
 * + gender; pairs are numbered program by program.
 */
export class AdmissionChoice {
  readonly pairCount: number;
  readonly pairProgram: Int32Array;
  readonly dayCase: Uint8Array;
  readonly maternity: Uint8Array;
  /** [ag x site]: pair of an ED admission there (null: the site admits nobody of that ag). */
  readonly edPairAtSite: (Draw | null)[];
  /** [ag]: pair of an ED admission at a site that admits nobody of that ag (it refers). */
  readonly edPairAnywhere: (Draw | null)[];
  /** [(ag x home site) x pair]: the site of a planned or referred admission (-1: none). */
  readonly site: Int32Array;
  /** [ag]: mean planned admissions per person-year (before the patient's frailty), and their pair. */
  readonly plannedMean: Float64Array;
  readonly plannedPair: (Draw | null)[];
  /** [pair]: share of its admissions that come through the ED. */
  readonly edShare: Float64Array;
  /** [pair]: share of planned admissions that are elective (else direct). */
  readonly electiveShare: Float64Array;
  private readonly inProgram: (Draw | null | undefined)[];
  private readonly seasonal: (Draw | null | undefined)[];
  private readonly seasonalWeights: (ag: number, f: number, month: number) => number[];
  private readonly inProgramWeights: (ag: number, f: number, p: number) => number[];
  private readonly programCount: number;
  private readonly siteCount: number;
  private readonly slot: StreamSlot;
  /** [single year of age]: births per woman-year (0: no maternity at that age). */
  readonly maternalRate: readonly number[];
  /** [age group]: the highest single-year birth rate of the group, which thins its draws. */
  private readonly maternalPeak: Float64Array;
  /** [ag x pair]: expected admissions per person-year over all routes. */
  readonly perPersonYear: Float64Array;

  constructor(
    scenario: Scenario,
    offered: Uint8Array,
    minAges: readonly number[],
    maxAges: readonly number[],
    slot: StreamSlot,
  ) {
    const ip = scenario.inpatient;
    const sites = scenario.sites;
    const F = sites.length;
    const A = minAges.length;
    const G = scenario.lhas[0]!.genderShares.length;
    const pairs = scenario.programs.flatMap((program, p) =>
      program.subprograms.map((subprogram, sp) => ({ p, sp, subprogram })),
    );
    const J = pairs.length;
    this.pairCount = J;
    this.pairProgram = Int32Array.from(pairs, ({ p }) => p);
    this.dayCase = Uint8Array.from(pairs, ({ subprogram }) =>
      subprogram.setting === 'day_case' ? 1 : 0,
    );
    this.maternity = Uint8Array.from(pairs, ({ subprogram }) => (subprogram.maternity ? 1 : 0));
    const bed = pairs.map(({ subprogram }) => subprogram.setting !== 'ambulatory');
    const routes = pairs.map(({ p, sp }) => ip.admissionRoutes[p]![sp]!);
    this.edShare = Float64Array.from(routes, (r) => r[ED]!);
    this.electiveShare = Float64Array.from(routes, (r) =>
      r[ELECTIVE]! + r[2]! > 0 ? r[ELECTIVE]! / (r[ELECTIVE]! + r[2]!) : 0,
    );

    // Maternity: rates by single year; within an age group the draws are thinned to the
    // rate's shape and raised by max / mean so the group keeps its volume.
    const rates = ip.maternalAgeRates;
    const withinGroup = singleYearAgeShares(scenario.demography);
    this.maternalRate = rates;
    this.maternalPeak = new Float64Array(minAges.length);
    const maternalBoost = minAges.map((min, a) => {
      let highest = 0;
      let mean = 0;
      for (let age = min; age <= maxAges[a]!; age++) {
        highest = Math.max(highest, rates[age]!);
        mean += withinGroup[a]![FEMALE]![age - min]! * rates[age]!;
      }
      this.maternalPeak[a] = highest;
      return mean > 0 ? highest / mean : 0;
    });

    // Admissions per person-year by pair: the program's probability over its bed subprograms.
    this.perPersonYear = new Float64Array(A * G * J);
    for (let ag = 0; ag < A * G; ag++) {
      const a = Math.floor(ag / G);
      const g = ag % G;
      scenario.programs.forEach((program, p) => {
        const mix = ip.subprogramMixByGender[a]![g]![p]!;
        const first = pairs.findIndex((pair) => pair.p === p);
        let total = 0;
        program.subprograms.forEach((_, sp) => {
          if (bed[first + sp]) total += mix[sp]!;
        });
        if (total <= 0) return;
        program.subprograms.forEach((_, sp) => {
          if (bed[first + sp])
            this.perPersonYear[ag * J + first + sp] =
              (ip.admissionProbabilityByGender[a]![g]![p]! * mix[sp]!) / total;
        });
      });
    }
    // Maternity follows the mothers' single years of age across age groups too: the scenario's
    // maternity admissions (all groups together) are shared out in proportion to each group's
    // women x their mean birth rate, then thinned within the group to the rate's shape.
    const population = (a: number, g: number) =>
      scenario.lhas.reduce(
        (sum, lha) => sum + lha.basePopulation * lha.ageShares[a]! * lha.genderShares[g]!,
        0,
      );
    const maternalRate = minAges.map((min, a) => {
      let mean = 0;
      for (let age = min; age <= maxAges[a]!; age++)
        mean += withinGroup[a]![FEMALE]![age - min]! * rates[age]!;
      return mean;
    });
    const stays = new Float64Array(A);
    const births = new Float64Array(A);
    for (let ag = 0; ag < A * G; ag++) {
      const a = Math.floor(ag / G);
      let maternal = 0;
      for (let j = 0; j < J; j++)
        if (this.maternity[j]) maternal += this.perPersonYear[ag * J + j]!;
      if (maternal <= 0) continue;
      stays[a]! += population(a, ag % G) * maternal;
      births[a]! += population(a, ag % G) * maternalRate[a]!;
    }
    const perBirth = stays.reduce((x, y) => x + y, 0) / births.reduce((x, y) => x + y, 0);
    for (let ag = 0; ag < A * G; ag++) {
      const a = Math.floor(ag / G);
      if (!(stays[a]! > 0)) continue;
      const scale = (perBirth * births[a]!) / stays[a]!;
      for (let j = 0; j < J; j++) if (this.maternity[j]) this.perPersonYear[ag * J + j]! *= scale;
    }
    const weight = (ag: number, j: number) => this.perPersonYear[ag * J + j]!;
    // Maternity draws are thinned to the single-year rates: raised by the group's max / mean.
    const boost = (ag: number, j: number) =>
      this.maternity[j] ? maternalBoost[Math.floor(ag / G)]! : 1;
    const isOffered = (f: number, j: number) => offered[f * J + j] === 1;

    this.edPairAtSite = [];
    this.programCount = scenario.programs.length;
    this.siteCount = F;
    this.slot = slot;
    this.inProgram = new Array(A * G * F * this.programCount);
    this.seasonal = new Array(A * G * F * 12);
    const seasonality = ip.timing.seasonality;
    this.seasonalWeights = (ag, f, month) =>
      pairs.map((pair, j) =>
        isOffered(f, j) ? weight(ag, j) * routes[j]![ED]! * seasonality[pair.p]![month]! : 0,
      );
    this.inProgramWeights = (ag, f, p) =>
      pairs.map((pair, j) => (pair.p === p && isOffered(f, j) ? weight(ag, j) : 0));
    for (let ag = 0; ag < A * G; ag++)
      for (let f = 0; f < F; f++) {
        this.edPairAtSite.push(
          sampler(
            slot,
            pairs.map((_, j) =>
              isOffered(f, j) ? weight(ag, j) * routes[j]![ED]! * boost(ag, j) : 0,
            ),
          ) ??
            // A site none of whose offered subprograms take ED admissions for this ag: any
            // offered one that does take some through the ED.
            sampler(
              slot,
              pairs.map((_, j) => (isOffered(f, j) && routes[j]![ED]! > 0 ? weight(ag, j) : 0)),
            ),
        );
      }
    const offeredAnywhere = pairs.map((_, j) => sites.some((_, f) => isOffered(f, j)));
    this.edPairAnywhere = Array.from({ length: A * G }, (_, ag) =>
      sampler(
        slot,
        pairs.map((_, j) => (offeredAnywhere[j] ? weight(ag, j) * routes[j]![ED]! : 0)),
      ),
    );
    // Home if it offers the pair, else the site with most staffed beds that does.
    this.site = new Int32Array(A * G * F * J).fill(-1);
    for (let j = 0; j < J; j++) {
      let largest = -1;
      sites.forEach((site, f) => {
        if (isOffered(f, j) && (largest < 0 || site.staffedBeds > sites[largest]!.staffedBeds))
          largest = f;
      });
      for (let ag = 0; ag < A * G; ag++)
        for (let home = 0; home < F; home++)
          this.site[(ag * F + home) * J + j] = isOffered(home, j) ? home : largest;
    }
    const planned = (ag: number) => {
      const a = Math.floor(ag / G);
      return pairs.map((pair, j) => {
        if (!offeredAnywhere[j]) return 0;
        const readmitted = ip.readmission30[a]![pair.p]!;
        return weight(ag, j) * (1 - routes[j]![ED]!) * (1 - readmitted) * boost(ag, j);
      });
    };
    this.plannedMean = Float64Array.from({ length: A * G }, (_, ag) =>
      planned(ag).reduce((sum, w) => sum + w, 0),
    );
    this.plannedPair = Array.from({ length: A * G }, (_, ag) => sampler(slot, planned(ag)));
  }

  /**
   * The pair of an ED admission at `site` in `month` (0-11), null when the site admits nobody
   * of that ag: in the respiratory season a larger share of the ED's admissions are medical,
   * as each program's seasonality weighs its pairs (the ED's own seasonality sets the total).
   */
  edPairAt(ag: number, site: number, month: number): Draw | null {
    const atSite = this.edPairAtSite[ag * this.siteCount + site];
    if (!atSite) return null;
    const at = (ag * this.siteCount + site) * 12 + month;
    let draw = this.seasonal[at];
    if (draw === undefined) {
      draw = sampler(this.slot, this.seasonalWeights(ag, site, month)) ?? atSite;
      this.seasonal[at] = draw;
    }
    return draw;
  }

  /**
   * The chance that a maternity admission drawn for a woman of age group `group` (her group on
   * 1 January) stands when she is `years` old: her rate over the group's peak rate, so the draws
   * follow the single-year rates (and one who has turned 45 since keeps her group's scale).
   */
  maternalAcceptance(group: number, years: number): number {
    const peak = this.maternalPeak[group]!;
    return peak > 0 ? Math.min(1, this.maternalRate[years]! / peak) : 0;
  }

  /** A pair of `program` offered at `site` for `ag`, by admissions (null: none), built on first use. */
  inProgramAt(ag: number, site: number, program: number): Draw | null {
    const at = (ag * this.siteCount + site) * this.programCount + program;
    let draw = this.inProgram[at];
    if (draw === undefined) {
      draw = sampler(this.slot, this.inProgramWeights(ag, site, program));
      this.inProgram[at] = draw;
    }
    return draw;
  }
}
