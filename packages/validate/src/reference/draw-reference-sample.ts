import {
  AGE_GROUPS,
  ED_DISPOSITIONS,
  ED_SUBSERVICES,
  GENDERS,
  OLDEST_AGE,
  type Scenario,
} from '@lm-synth/config/core';
import { buildDimAgeGroup } from '@lm-synth/dims';
import {
  bernoulli,
  categorical,
  createStream,
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
 * from the scenario, by the model the blueprint describes (§4): patients in proportion
 * to the start-year population, ages uniform within their band, NegBin/Poisson visit counts
 * per subservice, acuity, disposition and arrival time from the configured profiles,
 * admissions from "Admitted" visits plus direct admissions, truncated lognormal LOS and
 * Bernoulli ALC (an ALC stay lasting at least the ALC threshold). Deterministic in `seed`.
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
  const drawAcuity = AGE_GROUPS.map((_, a) =>
    ED_SUBSERVICES.map((_, s) => pick(scenario.ed.acuity[a]![s]!)),
  );
  const drawDisposition = AGE_GROUPS.map((_, a) =>
    ED_SUBSERVICES.map((_, s) => pick(scenario.ed.disposition[a]![s]!)),
  );
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
  const drawProgram = byAgeAndGender((a, g) => {
    const weights = ip.admissionProbabilityByGender[a]![g]!;
    return total(weights) > 0 ? pick(weights) : null;
  });
  // Admissions that do not come through the ED: each program's share by its subprograms' routes.
  const plannedShare = (a: number, g: number, p: number) => {
    const mix = ip.subprogramMixByGender[a]![g]![p]!;
    const routes = ip.admissionRoutes[p]!;
    const beds = mix.reduce((sum, m, sp) => sum + (routes[sp]!.some((r) => r > 0) ? m : 0), 0);
    return beds > 0
      ? mix.reduce(
          (sum, m, sp) => sum + (routes[sp]!.some((r) => r > 0) ? m * (1 - routes[sp]![0]!) : 0),
          0,
        ) / beds
      : 0;
  };
  const drawDirect = byAgeAndGender((a, g) =>
    poisson(source)(
      ip.admissionProbabilityByGender[a]![g]!.reduce(
        (sum, q, p) => sum + q * plannedShare(a, g, p),
        0,
      ),
    ),
  );
  const drawSubprogram = byAgeAndGender((a, g) =>
    scenario.programs.map((_, p) => {
      const mix = ip.subprogramMixByGender[a]![g]![p]!;
      return total(mix) > 0 ? pick(mix) : null;
    }),
  );
  const drawLos = ip.los.map((subprograms) =>
    subprograms.map(({ mu, sigma }) => truncatedLognormal(source)(mu, sigma, MIN_LOS_DAYS)),
  );
  const drawAlc = AGE_GROUPS.map((_, a) =>
    scenario.programs.map((_, p) => bernoulli(source)(ip.alcProbability[a]![p]!)),
  );
  const alcMinimumCents = Math.ceil(ip.alcLosThresholdDays * 100 - 1e-9);

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
  const addStay = (age: number, gender: number, ageYears: number, admissionSource: number) => {
    const program = drawProgram[age]![gender]?.();
    if (program === undefined) return;
    const subprogram = drawSubprogram[age]![gender]![program]!();
    let cents = Math.round(drawLos[program]![subprogram]!() * 100);
    const alc = drawAlc[age]![program]!();
    if (alc === 1 && cents < alcMinimumCents) cents = alcMinimumCents;
    stays.ageGroup.push(age);
    stays.ageYears.push(ageYears);
    stays.program.push(program);
    stays.losDays.push(cents / 100);
    stays.alc.push(alc);
    stays.source.push(admissionSource);
  };

  for (let i = 0; i < patients; i++) {
    const cellIndex = drawCell();
    const cell = cells[cellIndex]!;
    const age = cell.ageIndex;
    const minAge = bands.min_age[age]!;
    const maxAge = bands.max_age[age] ?? OLDEST_AGE;
    const ageYears = minAge + unit() * (maxAge + 1 - minAge);
    const lha = scenario.lhas[cell.lhaIndex]!;
    patientColumns.lha[i] = cell.lhaIndex;
    patientColumns.ageGroup[i] = age;
    patientColumns.gender[i] = cell.genderIndex;
    patientColumns.ageYears[i] = ageYears;
    patientColumns.homeSite[i] =
      drawAway() === 1 ? drawAwaySite[cell.lhaIndex]!() : lha.defaultSiteId - 1;
    let visits = 0;
    for (let s = 0; s < S; s++) {
      const count = drawCount[cellIndex]![s]!();
      visits += count;
      for (let k = 0; k < count; k++) {
        const disposition = drawDisposition[age]![s]!();
        encounters.ageGroup.push(age);
        encounters.subservice.push(s);
        encounters.acuity.push(drawAcuity[age]![s]!() + 1);
        encounters.disposition.push(disposition);
        encounters.hour.push(drawHour[s]!());
        encounters.weekday.push(weekdayOf(drawDay[s]!()));
        if (disposition === ADMITTED) addStay(age, cell.genderIndex, ageYears, SOURCE_ED);
      }
    }
    patientColumns.edVisits[i] = visits;
    const directs = drawDirect[age]![cell.genderIndex]!();
    for (let d = 0; d < directs; d++) addStay(age, cell.genderIndex, ageYears, SOURCE_DIRECT);
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
