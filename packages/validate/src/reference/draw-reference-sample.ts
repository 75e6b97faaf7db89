import {
  AGE_GROUPS,
  acuityByAge,
  dispositionByAcuity,
  ED_DISPOSITIONS,
  ED_SUBSERVICES,
  GENDERS,
  OLDEST_AGE,
  type Scenario,
  singleYearAgeShares,
} from '@lm-synth/config/core';
import { buildDimAgeGroup } from '@lm-synth/dims';
import {
  bernoulli,
  categorical,
  createStream,
  lognormal,
  negativeBinomial,
  poisson,
  truncatedLognormal,
  uniform,
} from '@lm-synth/stats';
import { populationCells } from '../expectations/population-cells.js';
import type { ReferenceSample } from './reference-sample.js';

/** The open top age band (85+) is drawn over 85 to 100 years. */
const MIN_LOS_DAYS = 0.25;
const ADMITTED = ED_DISPOSITIONS.indexOf('Admitted');
const SOURCE_ED = 0;
const SOURCE_DIRECT = 1;
const SOURCE_ELECTIVE = 3;
const PEDIATRIC = ED_SUBSERVICES.indexOf('Pediatric ED');
const ADULT = ED_SUBSERVICES.indexOf('Adult ED');
const MS_PER_DAY = 86_400_000;

/** Growable column of a typed array type. */
class Column<T extends Uint8Array | Float64Array> {
  private array: T;
  length = 0;

  constructor(private readonly Type: new (size: number) => T) {
    this.array = new Type(1024);
  }

  push(value: number): void {
    if (this.length === this.array.length) {
      const grown = new this.Type(this.array.length * 2);
      grown.set(this.array as never);
      this.array = grown;
    }
    this.array[this.length++] = value;
  }

  values(): T {
    return this.array.subarray(0, this.length) as T;
  }
}

/**
 * Draws `patients` reference patients with their start-year ED visits and inpatient stays
 * from the scenario, by the model the blueprint describes (§4) as issue 15 refines it:
 * patients in proportion to the start-year population, single years of age within their
 * band by singleYearAgeShares, NegBin/Poisson visit counts per subservice (Pediatric ED
 * visits past pediatric_max_age seen in the Adult ED), acuity by single year of age and
 * disposition by acuity, arrival time from the configured profiles; admissions from
 * "Admitted" visits (program and subprogram by the ED route's weight: probability x mix
 * over bed-based subprograms x ED share) plus elective and direct admissions (Poisson per
 * person-year, mean sum of probability x mix x (elective + direct)); acute days lognormal
 * with the program's age factor, followed for Bernoulli ALC stays by lognormal ALC days
 * reaching at least the ALC threshold. Discharge-day timing (a few hours to a weekend's
 * wait) is not modelled here: it moves LOS by far less than the shape gates' 0.1 KS
 * threshold. Deterministic in `seed`.
 */
export function drawReferenceSample(
  scenario: Scenario,
  patients: number,
  year: number,
  seed: number,
): ReferenceSample {
  const source = createStream(seed, 'validate-reference', 0);
  const pick = categorical(source);
  const unit = uniform(source)(0, 1);
  const S = ED_SUBSERVICES.length;
  const ip = scenario.inpatient;
  const model = scenario.ed.countModel;

  const cells = populationCells(scenario);
  const drawCell = pick(cells.map((cell) => cell.population));
  const bands = buildDimAgeGroup();
  const drawAway = bernoulli(source)(scenario.crossLha.homeFacilityShare);
  const drawAwaySite = scenario.lhas.map((lha) => {
    const weights = scenario.sites.map((site) =>
      site.id === lha.defaultSiteId ? 0 : Math.max(site.staffedBeds, 1),
    );
    return weights.some((w) => w > 0) ? pick(weights) : () => lha.defaultSiteId - 1;
  });
  const drawCount = cells.map((cell) =>
    ED_SUBSERVICES.map((_, s) => {
      const mean =
        scenario.ed.ratesPer1000[cell.lhaIndex]![cell.ageIndex]![cell.genderIndex]![s]! / 1000;
      return model.model === 'negbin'
        ? negativeBinomial(source)({ mean, dispersion: model.dispersion })
        : poisson(source)(mean);
    }),
  );
  const drawAcuity = acuityByAge(scenario).map((bySubservice) =>
    bySubservice.map((mix) => pick(mix)),
  );
  const drawDisposition = dispositionByAcuity(scenario).map((bySubservice) =>
    bySubservice.map((byLevel) => byLevel.map((shares) => pick(shares))),
  );
  const ageShares = singleYearAgeShares(scenario.demography);
  const drawAgeOffset = AGE_GROUPS.map((_, a) => GENDERS.map((_, g) => pick(ageShares[a]![g]!)));
  const drawHour = ED_SUBSERVICES.map((_, s) => pick(scenario.ed.hourProbabilities[s]!));
  const firstDay = Date.UTC(year, 0, 1) / MS_PER_DAY;
  const days = (Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1)) / MS_PER_DAY;
  const weekdayOf = (day: number) => (new Date((firstDay + day) * MS_PER_DAY).getUTCDay() + 6) % 7;
  const drawDay = ED_SUBSERVICES.map((_, s) =>
    pick(
      Array.from({ length: days }, (_, day) => {
        const month = new Date((firstDay + day) * MS_PER_DAY).getUTCMonth();
        return (
          scenario.ed.seasonality[s]![month]! *
          scenario.ed.weekdayProbabilities[s]![weekdayOf(day)]!
        );
      }),
    ),
  );
  // Admissions by age group and gender, as the generator draws them: gender-restricted
  // subprograms (maternity) are open to their genders only, at the rates the config expands.
  const byAgeAndGender = <T>(make: (a: number, g: number) => T): T[][] =>
    AGE_GROUPS.map((_, a) => GENDERS.map((_, g) => make(a, g)));
  const total = (weights: readonly number[]) => weights.reduce((x, y) => x + y, 0);
  // Bed-based subprograms only: ambulatory care produces no stays, and the mix is
  // renormalised over the rest, as the generator's routes do.
  const bedMix = byAgeAndGender((a, g) =>
    scenario.programs.map((program, p) => {
      const mix = program.subprograms.map((sub, sp) =>
        sub.setting === 'ambulatory' ? 0 : ip.subprogramMixByGender[a]![g]![p]![sp]!,
      );
      const sum = total(mix);
      return sum > 0 ? mix.map((w) => w / sum) : mix;
    }),
  );
  // Weight of (program, subprogram) for each route: probability x mix' x route share.
  const routeWeights = (a: number, g: number, share: (routes: readonly number[]) => number) =>
    scenario.programs.flatMap((program, p) =>
      program.subprograms.map(
        (_, sp) =>
          ip.admissionProbabilityByGender[a]![g]![p]! *
          bedMix[a]![g]![p]![sp]! *
          share(ip.admissionRoutes[p]![sp]!),
      ),
    );
  const cellsOf = scenario.programs.flatMap((program, p) =>
    program.subprograms.map((_, sp) => [p, sp] as const),
  );
  const routeDraw = (share: (routes: readonly number[]) => number) =>
    byAgeAndGender((a, g) => {
      const weights = routeWeights(a, g, share);
      return { mean: total(weights), pick: total(weights) > 0 ? pick(weights) : null };
    });
  const viaEd = routeDraw((routes) => routes[0]!);
  const notViaEd = routeDraw((routes) => routes[1]! + routes[2]!);
  const electiveShare = byAgeAndGender((a, g) => {
    const elective = total(routeWeights(a, g, (routes) => routes[1]!));
    const mean = notViaEd[a]![g]!.mean;
    return mean > 0 ? elective / mean : 0;
  });
  const drawNonEd = byAgeAndGender((a, g) => poisson(source)(notViaEd[a]![g]!.mean));
  const drawLos = ip.los.map((subprograms) =>
    subprograms.map(({ sigma }) => lognormal(source)(0, sigma)),
  );
  const drawAlc = AGE_GROUPS.map((_, a) =>
    scenario.programs.map((_, p) => bernoulli(source)(ip.alcProbability[a]![p]!)),
  );
  const { alcDays } = ip;
  const threshold = ip.alcLosThresholdDays;
  /** Acute days at whole age `age` (mu shifted by the program's factor per decade). */
  const acuteDays = (p: number, sp: number, age: number) => {
    const { mu } = ip.los[p]![sp]!;
    const shift = (Math.log(ip.losAgeFactorPerDecade[p]!) * (age - ip.losReferenceAge)) / 10;
    // Rejection keeps the draw in [0.25, inf) like the generator's truncation.
    for (;;) {
      const days = Math.exp(mu + shift) * drawLos[p]![sp]!();
      if (days >= MIN_LOS_DAYS) return days;
    }
  };
  const drawAlcDays = (acute: number) => {
    const lower = Math.max(threshold - acute, 0);
    if (!(alcDays.max > lower)) return lower;
    return truncatedLognormal(source)(alcDays.mu, alcDays.sigma, lower, alcDays.max)();
  };
  const patientColumns = {
    lha: new Uint8Array(patients),
    ageGroup: new Uint8Array(patients),
    gender: new Uint8Array(patients),
    ageYears: new Float64Array(patients),
    homeSite: new Uint8Array(patients),
    edVisits: new Int32Array(patients),
  };
  const encounters = {
    ageGroup: new Column(Uint8Array),
    subservice: new Column(Uint8Array),
    acuity: new Column(Uint8Array),
    disposition: new Column(Uint8Array),
    hour: new Column(Uint8Array),
    weekday: new Column(Uint8Array),
  };
  const stays = {
    ageGroup: new Column(Uint8Array),
    ageYears: new Column(Float64Array),
    program: new Column(Uint8Array),
    losDays: new Column(Float64Array),
    alc: new Column(Uint8Array),
    source: new Column(Uint8Array),
  };
  const addStay = (
    age: number,
    ageYears: number,
    cell: readonly [number, number],
    admissionSource: number,
  ) => {
    const [program, subprogram] = cell;
    const setting = scenario.programs[program]!.subprograms[subprogram]!.setting;
    const whole = Math.floor(ageYears);
    let days = acuteDays(program, subprogram, whole);
    // A day case ends the day it starts: under a day, however long its lognormal.
    if (setting === 'day_case') days = Math.min(days, 1 - 1e-9);
    const alc = setting === 'inpatient' ? drawAlc[age]![program]!() : 0;
    if (alc === 1) days += drawAlcDays(days);
    stays.ageGroup.push(age);
    stays.ageYears.push(ageYears);
    stays.program.push(program);
    stays.losDays.push(Math.max(MIN_LOS_DAYS, Math.round(days * 100) / 100));
    stays.alc.push(alc);
    stays.source.push(admissionSource);
  };

  for (let i = 0; i < patients; i++) {
    const cellIndex = drawCell();
    const cell = cells[cellIndex]!;
    const age = cell.ageIndex;
    const minAge = bands.min_age[age]!;
    const ageYears = minAge + drawAgeOffset[age]![cell.genderIndex]!() + unit();
    const lha = scenario.lhas[cell.lhaIndex]!;
    patientColumns.lha[i] = cell.lhaIndex;
    patientColumns.ageGroup[i] = age;
    patientColumns.gender[i] = cell.genderIndex;
    patientColumns.ageYears[i] = ageYears;
    patientColumns.homeSite[i] =
      drawAway() === 1 ? drawAwaySite[cell.lhaIndex]!() : lha.defaultSiteId - 1;
    let visits = 0;
    const whole = Math.min(Math.floor(ageYears), OLDEST_AGE);
    for (let drawn = 0; drawn < S; drawn++) {
      const count = drawCount[cellIndex]![drawn]!();
      visits += count;
      // Past the pediatric age, a Pediatric ED visit is an Adult ED one.
      const s = drawn === PEDIATRIC && whole > scenario.ed.pediatricMaxAge ? ADULT : drawn;
      for (let k = 0; k < count; k++) {
        const level = drawAcuity[whole]![s]!();
        const disposition = drawDisposition[whole]![s]![level]!();
        encounters.ageGroup.push(age);
        encounters.subservice.push(s);
        encounters.acuity.push(level + 1);
        encounters.disposition.push(disposition);
        encounters.hour.push(drawHour[s]!());
        encounters.weekday.push(weekdayOf(drawDay[s]!()));
        const route = viaEd[age]![cell.genderIndex]!.pick;
        if (disposition === ADMITTED && route) addStay(age, ageYears, cellsOf[route()]!, SOURCE_ED);
      }
    }
    patientColumns.edVisits[i] = visits;
    const nonEd = drawNonEd[age]![cell.genderIndex]!();
    const route = notViaEd[age]![cell.genderIndex]!.pick;
    for (let d = 0; d < nonEd && route; d++) {
      const elective = unit() < electiveShare[age]![cell.genderIndex]!;
      addStay(age, ageYears, cellsOf[route()]!, elective ? SOURCE_ELECTIVE : SOURCE_DIRECT);
    }
  }

  return {
    patients: { count: patients, ...patientColumns },
    encounters: {
      count: encounters.ageGroup.length,
      ageGroup: encounters.ageGroup.values(),
      subservice: encounters.subservice.values(),
      acuity: encounters.acuity.values(),
      disposition: encounters.disposition.values(),
      hour: encounters.hour.values(),
      weekday: encounters.weekday.values(),
    },
    stays: {
      count: stays.ageGroup.length,
      ageGroup: stays.ageGroup.values(),
      ageYears: stays.ageYears.values(),
      program: stays.program.values(),
      losDays: stays.losDays.values(),
      alc: stays.alc.values(),
      source: stays.source.values(),
    },
  };
}
