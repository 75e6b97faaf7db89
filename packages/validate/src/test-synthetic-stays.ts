import { AGE_GROUPS, DISCHARGE_DISPOSITIONS, type Scenario } from '@lm-synth/config';
import {
  bernoulli,
  categorical,
  createStream,
  truncatedLognormal,
  uniform,
  uniformInt,
} from '@lm-synth/stats';
import { calendarDays } from './expectations/calendar-days.js';
import type { FixtureDb } from './test-fixture-db.js';
import { insertRows, type TestCell } from './test-insert-rows.js';

const MIN_AGES = AGE_GROUPS.map((label) => Number(/^\d+/.exec(label)![0]));
const groupOf = (age: number) => {
  let group = 0;
  while (group + 1 < MIN_AGES.length && age >= MIN_AGES[group + 1]!) group++;
  return group;
};
const DAY = 86_400;
const MIN_LOS = 0.25;

/** Planted defects of the synthetic stays; none by default (the model). */
export interface SyntheticStayDefects {
  /** Every subprogram admitted via ED at the same overall share. */
  readonly routesIgnoreService?: boolean;
  /** Elective and direct admissions on any day and hour alike. */
  readonly untimedAdmissions?: boolean;
  /** Discharges at the raw end of the stay, whatever the weekday and hour. */
  readonly untimedDischarges?: boolean;
  /** ALC stays clamped to the threshold instead of acute + ALC days. */
  readonly alcClamp?: boolean;
  /** Acute days without the age factor. */
  readonly noAgeFactor?: boolean;
  /** Nobody dies; every live discharge goes home. */
  readonly noOutcomes?: boolean;
  /** ED admissions the moment the patient arrives. */
  readonly noBoarding?: boolean;
}

/**
 * Test helper: replaces the fixture's patients, visits and stays with `stays` stays of the
 * start year, in UTC (validate the result with run { timeZone: 'UTC', horizonYears: 1 }),
 * by the issue-15 mechanisms: one patient each, ages 0-100 evenly (born 31 December), a
 * bed-based non-maternity subprogram evenly, its route by admission_routes (ED admissions
 * from an "Admitted" visit arriving the boarding time before), elective days weighted by
 * elective_weekday x seasonality and hours by elective_hour, direct days by seasonality and
 * hours by direct_hour, acute days lognormal with the age factor, ALC days after them,
 * day cases ending the day they start, the discharge-day hold and hour, and dispositions.
 */
export async function syntheticStays(
  db: FixtureDb,
  scenario: Scenario,
  options: {
    readonly stays: number;
    readonly seed: number;
    /** Only these programs (keys); every bed-based one by default. */
    readonly programs?: readonly string[];
  } & SyntheticStayDefects,
): Promise<void> {
  await db.exec('DELETE FROM ip_stays', 'DELETE FROM ed_encounters', 'DELETE FROM patients');
  const source = createStream(options.seed, 'test-synthetic-stays', 0);
  const pick = categorical(source);
  const unit = uniform(source)(0, 1);
  const age = uniformInt(source)(0, 100);
  const ip = scenario.inpatient;
  const timing = ip.timing;
  const year = scenario.startYear;
  const days = calendarDays(year, year);
  const yearStart = Date.UTC(year, 0, 1) / 1000;
  const cells = scenario.programs.flatMap((program, p) =>
    program.subprograms.flatMap((sub, sp) =>
      sub.setting === 'ambulatory' ||
      sub.maternity ||
      (options.programs !== undefined && !options.programs.includes(program.key))
        ? []
        : [{ p, sp, setting: sub.setting }],
    ),
  );
  const drawCell = uniformInt(source)(0, cells.length - 1);
  const overallEd =
    cells.reduce((sum, { p, sp }) => {
      const [r, e, d] = ip.admissionRoutes[p]![sp]! as [number, number, number];
      return sum + r / (r + e + d);
    }, 0) / cells.length;
  const flat = new Array<number>(12).fill(1);
  const dayPicker = (p: number, elective: boolean) =>
    pick(
      days.map(
        (d) =>
          (options.untimedAdmissions ? flat : timing.seasonality[p]!)[d.month]! *
          (elective && !options.untimedAdmissions ? timing.electiveWeekday[d.weekday]! : 1),
      ),
    );
  const electiveDay = scenario.programs.map((_, p) => dayPicker(p, true));
  const directDay = scenario.programs.map((_, p) => dayPicker(p, false));
  const anyDay = uniformInt(source)(0, days.length - 2);
  const hourOf = (profile: readonly number[]) =>
    options.untimedAdmissions ? uniformInt(source)(0, 23) : pick(profile);
  const electiveHour = hourOf(timing.electiveHour);
  const directHour = hourOf(timing.directHour);
  const anyHour = uniformInt(source)(0, 23);
  const dischargeHour = pick(timing.dischargeHour);
  const boarding = truncatedLognormal(source)(
    scenario.ed.arrivalToAdmissionHours.mu,
    scenario.ed.arrivalToAdmissionHours.sigma,
    0.5,
    scenario.ed.arrivalToAdmissionHours.max,
  );
  const maxWeight = Math.max(...timing.dischargeWeekday);
  const keep = timing.dischargeWeekday.map((w) => w / maxWeight);
  const threshold = ip.alcLosThresholdDays;
  const stamp = (seconds: number) =>
    new Date(Math.floor(seconds) * 1000).toISOString().slice(0, 19).replace('T', ' ');

  const patients: TestCell[][] = [];
  const visits: TestCell[][] = [];
  const stays: TestCell[][] = [];
  for (let i = 0; i < options.stays; i++) {
    const a = age();
    const group = groupOf(a);
    const { p, sp, setting } = cells[drawCell()]!;
    const [r, e, d] = ip.admissionRoutes[p]![sp]! as [number, number, number];
    const edShare = options.routesIgnoreService ? overallEd : r / (r + e + d);
    const route = unit() < edShare ? 'ED' : unit() < e / (e + d) ? 'Elective' : 'Direct';
    const id = `P${String(i + 1).padStart(12, '0')}`;
    // Born 1 January: the whole age holds all year.
    const dob = `${year - a}-01-01`;
    let admit: number;
    if (route === 'ED') {
      admit = yearStart + anyDay() * DAY + anyHour() * 3600 + unit() * 3600;
    } else {
      const day = (route === 'Elective' ? electiveDay : directDay)[p]!();
      const hour = (route === 'Elective' ? electiveHour : directHour)();
      admit = yearStart + day * DAY + hour * 3600 + unit() * 3600;
    }
    const { mu, sigma } = ip.los[p]![sp]!;
    const shift = options.noAgeFactor
      ? 0
      : (Math.log(ip.losAgeFactorPerDecade[p]!) * (a - ip.losReferenceAge)) / 10;
    let acute = truncatedLognormal(source)(mu + shift, sigma, MIN_LOS)();
    let alc = 0;
    let end: number;
    if (setting === 'day_case') {
      // A day case starts early enough to end that day, and ends by midnight.
      const midnight = Math.floor(admit / DAY) * DAY + DAY;
      admit = Math.min(admit, midnight - 0.3 * DAY);
      end = Math.min(admit + acute * DAY, midnight - 0.02 * DAY);
    } else {
      if (bernoulli(source)(ip.alcProbability[group]![p]!)() === 1) {
        if (options.alcClamp) {
          // The old rule: ALC days only fill the stay up to the threshold.
          alc = acute < threshold ? Math.round((threshold - acute) * 100) / 100 : 0.01;
          acute = Math.max(acute, threshold - alc);
        } else {
          const lower = Math.max(0, threshold - acute);
          alc = truncatedLognormal(source)(
            ip.alcDays.mu,
            ip.alcDays.sigma,
            lower,
            ip.alcDays.max,
          )();
          alc = Math.ceil(alc * 100) / 100;
        }
      }
      end = admit + (acute + alc) * DAY;
    }
    let disposition = 'Home';
    if (!options.noOutcomes) {
      const died = ip.discharge.died[group]![p]!;
      if (unit() < died) disposition = 'Died';
      else if (alc > 0)
        disposition = ['Home', 'Home with support', 'Long-term care'][
          pick(ip.discharge.afterAlc)()
        ]!;
      else if (unit() < ip.discharge.leftAgainstAdvice) disposition = 'Left against advice';
      else {
        const u = unit();
        const hws = ip.discharge.homeWithSupport[group]!;
        const ltc = ip.discharge.longTermCare[group]!;
        disposition = u < hws ? 'Home with support' : u < hws + ltc ? 'Long-term care' : 'Home';
      }
    }
    const held = !(options.alcClamp && alc > 0) && !options.untimedDischarges;
    if (setting !== 'day_case' && disposition !== 'Died' && held) {
      let day = Math.floor(end / DAY);
      while (unit() >= keep[(new Date(day * DAY * 1000).getUTCDay() + 6) % 7]!) day++;
      end = day * DAY + dischargeHour() * 3600 + unit() * 3600;
      // A discharge hour before the stay's minimum waits for the next day.
      const least = Math.max(MIN_LOS + alc, alc > 0 ? threshold : 0);
      while (end < admit + least * DAY) end += DAY;
    }
    const los = Math.max(MIN_LOS, Math.round(((end - admit) / DAY) * 100) / 100);
    let encounter: number | null = null;
    if (route === 'ED') {
      const arrival = admit - (options.noBoarding ? 0 : boarding() * 3600);
      encounter = visits.length + 1;
      visits.push([encounter, id, 1, 'Adult ED', stamp(arrival), 2, 'Admitted']);
    }
    const died = disposition === 'Died';
    patients.push([
      id,
      AGE_GROUPS[group]!,
      'Female',
      dob,
      died ? 'Death' : null,
      died ? stamp(admit + los * DAY).slice(0, 10) : null,
    ]);
    stays.push([
      i + 1,
      id,
      1,
      p + 1,
      sp + 1,
      stamp(admit),
      stamp(admit + los * DAY),
      los,
      alc,
      alc > 0,
      route,
      encounter,
      null,
      DISCHARGE_DISPOSITIONS.includes(disposition as never) ? disposition : 'Home',
    ]);
  }
  await insertRows(
    db,
    'patients',
    ['patient_id', 'age_group', 'gender', 'dob', 'exit_reason', 'exit_date'],
    patients,
  );
  await insertRows(
    db,
    'ed_encounters',
    ['encounter_id', 'patient_id', 'facility_id', 'ed_subservice', 'arrival_ts', 'acuity', 'dispo'],
    visits,
  );
  await insertRows(
    db,
    'ip_stays',
    [
      'stay_id',
      'patient_id',
      'facility_id',
      'program_id',
      'subprogram_id',
      'admit_ts',
      'discharge_ts',
      'los_days',
      'alc_days',
      'alc_flag',
      'admission_source',
      'ed_encounter_id',
      'transfer_from_stay_id',
      'discharge_disposition',
    ],
    stays,
  );
}
