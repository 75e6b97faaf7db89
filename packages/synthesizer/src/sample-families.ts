import { poisson, type RandomSource } from '@lm-synth/stats';
import { birthDateRange } from './birth-date-range.js';
import type { CompiledMarginal } from './compiled-marginal.js';
import { type CompiledTable, correlatedNormals, normalDraw, uniformOf } from './compiled-table.js';
import type { Category } from './marginal.js';
import { MODEL_RULES } from './model-rules.js';
import { SynthesizerInputError } from './synthesizer-input-error.js';
import type { SynthesizerModel } from './synthesizer-model.js';
import type { ZoneClock } from './zone-clock.js';

export type Row = Record<string, Category>;

/** One patient and their children, every constraint applied. */
export interface Family {
  readonly patient: Row;
  readonly children: ReadonlyMap<string, Row[]>;
}

/** What sampling needs besides the block's random stream; shared by every block of a run. */
export interface SampleContext {
  readonly model: SynthesizerModel;
  readonly parent: CompiledTable;
  readonly children: readonly CompiledTable[];
  readonly clock: ZoneClock;
  /** 1 January of the start year and 31 December of the last year (days since 1970-01-01). */
  readonly startDay: number;
  readonly endDay: number;
  /** 1 January of the year before the start: residents' warm-up stays begin from it. */
  readonly warmUpDay: number;
  readonly referenceDay: number;
  /** Residents each sampled patient stands for. */
  readonly weight: number;
  /** (dob, lha, gender) keys taken so far; null when duplicates are allowed. */
  readonly taken: Set<number> | null;
  /** Next encounter and stay ids (1-based, in sample order). */
  readonly nextId: Map<string, number>;
  /** Hours from an ED arrival to its admission. */
  readonly boarding: CompiledMarginal;
  /** The parent's key column (patient_id). */
  readonly parentKey: string;
}

const DAY_US = 86_400_000_000;
const MAX_PROBES = 4_000;
/** Admissions this soon after the start may lack their visit (it was in the warm-up year). */
const WARM_UP_LINK_US = 48 * 3_600_000_000;

/**
 * Decodes normal scores into a row of the table's columns; numeric features also into
 * `numbers`, categorical ones' positions in their overall marginal into `cats`. Features
 * conditioned on their own table's categories are decoded after those.
 */
function decode(
  table: CompiledTable,
  z: Float64Array,
  row: Row,
  numbers: Float64Array,
  cats: Int32Array,
  window: readonly [number, number] | null = null,
  parentCats: Int32Array | null = null,
): void {
  const features = table.model.features;
  let nulls: string[] | null = null;
  cats.fill(-1);
  for (let pass = 0; pass < 2; pass++) {
    for (let i = 0; i < table.d; i++) {
      if (table.secondPass[i] !== (pass === 1)) continue;
      const feature = features[i]!;
      let marginal = table.marginals[i]!;
      let combinations = table.combinations[i];
      let overall: Int32Array | null = null;
      const given = table.given[i];
      if (given) {
        const source = given.parent ? parentCats : cats;
        // cellKey of the given features' positions, inline: this runs for every row.
        let key = 0;
        for (let g = 0; g < given.indices.length; g++)
          key = key * 1_048_576 + ((source?.[given.indices[g]!] ?? -1) + 1);
        const cell = given.cells.get(key);
        if (cell) {
          marginal = cell;
          combinations = given.combinations.get(key) ?? combinations;
          overall = given.overall.get(key) ?? null;
        }
      }
      const u = uniformOf(z[i]!);
      const column = feature.columns[0]!;
      const position = marginal.marginal.kind === 'frequency' ? marginal.index(u) : -1;
      if (position >= 0) cats[i] = overall ? overall[position]! : position;
      switch (feature.kind) {
        case 'value':
          row[column] =
            marginal.marginal.kind === 'quantile'
              ? marginal.value(u)
              : (marginal.categories[position] ?? null);
          break;
        case 'null':
          if (marginal.categories[position] === true) (nulls ??= []).push(column);
          break;
        case 'day':
        case 'window-position':
          numbers[i] = marginal.value(u);
          break;
        case 'second': {
          // The day, or the position in the residence window, is the feature before.
          let day = numbers[i - 1]!;
          if (features[i - 1]!.kind === 'window-position') {
            const [low, high] = window ?? [0, 0];
            day = low + Math.min(Math.floor(day * (high - low + 1)), high - low);
          }
          row[column] = day * DAY_US + marginal.value(u) * 1e6;
          break;
        }
        case 'combination': {
          const values = combinations?.[position] ?? [];
          const columns = feature.columns;
          for (let c = 0; c < columns.length; c++) row[columns[c]!] = values[c] ?? null;
          break;
        }
        default:
          numbers[i] =
            marginal.marginal.kind === 'quantile'
              ? marginal.value(u)
              : Number(marginal.categories[position] ?? 0);
      }
    }
  }
  if (nulls) for (const column of nulls) row[column] = null;
}

/**
 * Samples the patients `from` to `to` (global indices) with their children from `random`,
 * in order. Everything that needs the whole run (unique quasi-identifiers, ids) lives in
 * `context`, so a run that samples its blocks in order gets the same rows every time.
 */
export function sampleFamilies(
  context: SampleContext,
  from: number,
  to: number,
  random: RandomSource,
): Family[] {
  const { model, parent } = context;
  const draw = normalDraw(random);
  const d = parent.d;
  const scratch = new Float64Array(Math.max(d, ...context.children.map((child) => child.d)));
  const z = new Float64Array(d);
  const numbers = new Float64Array(d);
  const cats = new Int32Array(d);
  const { birthDate, exit } = MODEL_RULES;
  const bands = model.constraints.ageBands;
  const bandOf = new Map(bands.map((band) => [band.group, band]));
  const youngest = bands.find((band) => band.minAge === 0)?.group ?? null;
  const position = parent.index.get(`${birthDate.dob}.position`);
  const after = parent.index.get(`${exit.exitDate}.after`);
  const families: Family[] = [];
  for (let g = from; g < to; g++) {
    correlatedNormals(parent.factor, d, draw, scratch, z);
    const patient: Row = {};
    decode(parent, z, patient, numbers, cats);
    patient[context.parentKey] = `P${(g + 1).toString(16).padStart(12, '0')}`;
    // Entry: residents at the start, entrants within the years.
    const reason = patient[birthDate.entryReason] ?? null;
    const atReference = (birthDate.atReferenceDate as readonly Category[]).includes(reason);
    const bornOnEntry = (birthDate.bornOnEntry as readonly Category[]).includes(reason);
    let entry = atReference
      ? context.startDay
      : Math.min(
          Math.max(Number(patient[birthDate.entryDate] ?? context.startDay), context.startDay),
          context.endDay,
        );
    // Exit: as many days after entry as sampled, only with an exit reason, within the years.
    const leaves = patient[exit.exitReason] !== null && patient[exit.exitReason] !== undefined;
    const afterDays = after === undefined ? 0 : Math.max(0, Math.round(numbers[after]!));
    let exitDay = leaves ? Math.min(entry + afterDays, context.endDay) : null;
    // Date of birth from the age group's birth dates at the anchor; a birth is born on entry.
    let dob: number;
    let first: number;
    let last: number;
    if (bornOnEntry) {
      if (youngest !== null) patient[birthDate.ageGroup] = youngest;
      dob = entry;
      first = context.startDay;
      last = context.endDay;
    } else {
      const band = bandOf.get(String(patient[birthDate.ageGroup])) ?? bands[0]!;
      const anchor = atReference ? context.referenceDay : entry;
      [first, last] = birthDateRange(
        anchor,
        band.minAge,
        band.maxAge ?? model.constraints.openBandMaxAge,
      );
      const p = position === undefined ? 0.5 : Math.min(Math.max(numbers[position]!, 0), 1 - 1e-12);
      dob = first + Math.floor(p * (last - first + 1));
    }
    if (context.taken) {
      const lha = Number(patient.lha_id ?? 0);
      const gender = String(patient.gender ?? '');
      const genderCode = gender.length > 0 ? gender.charCodeAt(0) & 0xff : 0;
      const key = (day: number) => ((day + 200_000) * 4096 + (lha & 4095)) * 256 + genderCode;
      let chosen: number | null = null;
      for (let probe = 0; probe < MAX_PROBES; probe++) {
        const candidate = dob + (probe % 2 === 0 ? probe / 2 : -(probe + 1) / 2);
        if (candidate < first || candidate > last) continue;
        if (!context.taken.has(key(candidate))) {
          chosen = candidate;
          break;
        }
      }
      if (chosen === null) {
        throw new SynthesizerInputError(
          `cannot keep (dob, lha_id, gender) unique at this many patients (patient ${g + 1}); sample with --no-unique-qi`,
        );
      }
      context.taken.add(key(chosen));
      dob = chosen;
    }
    if (bornOnEntry) {
      entry = dob;
      if (exitDay !== null) exitDay = Math.max(exitDay, entry);
    }
    patient[birthDate.dob] = dob;
    patient[birthDate.entryDate] = entry;
    patient[exit.exitDate] = exitDay;
    patient.weight = Math.round(context.weight * 10_000) / 10_000;

    const children = new Map<string, Row[]>();
    for (const child of context.children) {
      children.set(
        child.model.name,
        sampleChildren(context, child, patient, numbers, cats, draw, scratch, random),
      );
    }
    applyFamilyRules(context, patient, children, random);
    for (const child of context.children) {
      const column = child.model.parent?.column ?? context.parentKey;
      for (const row of children.get(child.model.name) ?? [])
        row[column] = patient[context.parentKey] ?? null;
    }
    families.push({ patient, children });
  }
  return families;
}

/** A parent's children: how many, and their scores around the parent's sampled means. */
function sampleChildren(
  context: SampleContext,
  child: CompiledTable,
  patient: Row,
  parentNumbers: Float64Array,
  parentCats: Int32Array,
  draw: () => number,
  scratch: Float64Array,
  random: RandomSource,
): Row[] {
  const { parent } = context;
  const name = child.model.name;
  const rateIndex = parent.index.get(`${name}.rate`);
  const countIndex = rateIndex ?? parent.index.get(`${name}.count`);
  if (countIndex === undefined) return [];
  const window = residenceWindow(context, patient, MODEL_RULES.residence[name]?.warmUp ?? false);
  // A rate per year of residence: Poisson children over the patient's years here.
  const k =
    rateIndex === undefined
      ? Math.max(0, Math.round(parentNumbers[countIndex]!))
      : poissonCount(
          random,
          (Math.max(0, parentNumbers[rateIndex]!) * (window[1] - window[0] + 1)) / 365.25,
        );
  if (k === 0) return [];
  const q = child.d;
  const mean = new Float64Array(q);
  child.model.features.forEach((feature, j) => {
    const index = parent.index.get(`${name}.mean.${feature.name}`);
    const scale = Math.sqrt(
      (child.model.between?.[j] ?? 0) + (child.model.within?.[j * q + j] ?? 0) / k,
    );
    mean[j] = index === undefined ? 0 : parentNumbers[index]! * scale;
  });
  const residuals = Array.from({ length: k }, () => {
    const e = new Float64Array(q);
    if (child.withinFactor) correlatedNormals(child.withinFactor, q, draw, scratch, e);
    return e;
  });
  // Centred, so the children's mean score is the parent's sampled mean exactly.
  const centre = new Float64Array(q);
  for (const e of residuals) for (let j = 0; j < q; j++) centre[j] = centre[j]! + e[j]! / k;
  const numbers = new Float64Array(q);
  const childCats = new Int32Array(q);
  return residuals.map((e) => {
    const z = e;
    for (let j = 0; j < q; j++) z[j] = mean[j]! + e[j]! - centre[j]!;
    const row: Row = {};
    decode(child, z, row, numbers, childCats, window, parentCats);
    return row;
  });
}

/**
 * The ED visit an admission came from when the patient has none near it: the ED table's
 * columns from its marginals (independent normal scores), at the stay's facility with the
 * subservice it offers most often in training, arriving `arrival` (not before the patient's
 * entry), dispo "Admitted". Null when the facility has no ED in training.
 */
function admittingVisit(
  context: SampleContext,
  patient: Row,
  stay: Row,
  arrival: number,
  random: RandomSource,
): Row | null {
  const { ed, ip, birthDate } = MODEL_RULES;
  const table = context.children.find((child) => child.model.name === ed.table);
  if (!table) return null;
  const c = table.model.features.findIndex(
    (feature) => feature.kind === 'combination' && feature.columns.includes(ed.facility),
  );
  const pairs = c >= 0 ? table.combinations[c] : null;
  const at = c >= 0 ? table.model.features[c]!.columns.indexOf(ed.facility) : -1;
  const pair = pairs?.find((values) => values[at] === stay[ip.facility]);
  if (!pair) return null;
  const draw = normalDraw(random);
  const z = Float64Array.from({ length: table.d }, () => draw());
  const visit: Row = {};
  decode(
    table,
    z,
    visit,
    new Float64Array(table.d),
    new Int32Array(table.d),
    residenceWindow(context, patient, false),
    null,
  );
  table.model.features[c]!.columns.forEach((column, k) => {
    visit[column] = pair[k] ?? null;
  });
  const entry = context.clock.localMidnight(Number(patient[birthDate.entryDate]));
  visit[ed.arrival] = Math.max(arrival, entry);
  visit[ed.dispo] = ed.admitted;
  return visit;
}

/** A Poisson draw: sequential inversion for the small means of one patient, stats' sampler beyond. */
function poissonCount(random: RandomSource, lambda: number): number {
  if (!(lambda > 0)) return 0;
  if (lambda > 30) return poisson(random)(lambda)();
  const u = random.next();
  let k = 0;
  let p = Math.exp(-lambda);
  let cumulative = p;
  while (u > cumulative && k < 1_000) {
    k++;
    p *= lambda / k;
    cumulative += p;
  }
  return k;
}

/** The patient's residence in days, as fit measured child positions in it (see residenceWindows). */
function residenceWindow(context: SampleContext, patient: Row, warmUp: boolean): [number, number] {
  const { birthDate, exit } = MODEL_RULES;
  const resident = (birthDate.atReferenceDate as readonly Category[]).includes(
    patient[birthDate.entryReason] ?? null,
  );
  const start = context.startDay;
  const low = resident
    ? warmUp
      ? context.warmUpDay
      : start
    : Number(patient[birthDate.entryDate]);
  const high = patient[exit.exitDate] === null ? context.endDay : Number(patient[exit.exitDate]);
  return [low, Math.max(low, high)];
}

/**
 * The rules that tie a family together (blueprint §4 and §8, validate's integrity gates):
 * activity within the patient's residence, nothing after a death in the ED, ALC stays at
 * least the scenario's threshold, stays linked to an admitting ED visit or the stay they
 * were transferred from (or made direct admissions when there is none), discharge =
 * admission + LOS, ed_visits_year counted, ids assigned.
 */
function applyFamilyRules(
  context: SampleContext,
  patient: Row,
  children: Map<string, Row[]>,
  random: RandomSource,
): void {
  const { clock, model } = context;
  const { ed, ip, birthDate, exit } = MODEL_RULES;
  const entry = Number(patient[birthDate.entryDate]);
  const exitDay = patient[exit.exitDate] === null ? context.endDay : Number(patient[exit.exitDate]);
  const resident = (birthDate.atReferenceDate as readonly Category[]).includes(
    patient[birthDate.entryReason] ?? null,
  );
  /** Keeps an instant's local day in [low, high]: moved by whole days, or redrawn uniformly in the window. */
  const within = (instant: number, low: number, high: number): number => {
    const day = clock.localDay(instant);
    if (day >= low && day <= high) return instant;
    const target = low + Math.floor(random.next() * (high - low + 1));
    let moved = instant + (target - day) * DAY_US;
    for (let round = 0; round < 3; round++) {
      const local = clock.localDay(moved);
      if (local < low) moved += DAY_US;
      else if (local > high) moved -= DAY_US;
      else break;
    }
    return moved;
  };
  const encounters = children.get(ed.table) ?? [];
  for (const row of encounters) row[ed.arrival] = within(Number(row[ed.arrival]), entry, exitDay);
  encounters.sort((a, b) => Number(a[ed.arrival]) - Number(b[ed.arrival]));
  const death = encounters.findIndex((row) => row[ed.dispo] === ed.deceased);
  if (death >= 0) encounters.length = death + 1;
  const diedAt = death >= 0 ? Number(encounters[death]![ed.arrival]) : Number.POSITIVE_INFINITY;

  const stays = children.get(ip.table) ?? [];
  // Residents' warm-up stays: admitted in the year before the start, still in a bed at it.
  const admitLow = resident
    ? clock.localDay(clock.localMidnight(context.startDay) - 365 * DAY_US)
    : entry;
  for (const row of stays) {
    row[ip.admit] = within(Number(row[ip.admit]), admitLow, exitDay);
    const los = Number(row[ip.los]);
    if (row[ip.alc] === true && los < model.constraints.alcLosThresholdDays)
      row[ip.los] = model.constraints.alcLosThresholdDays;
  }
  stays.sort((a, b) => Number(a[ip.admit]) - Number(b[ip.admit]));
  const boarding = context.boarding;
  const linkedEncounters = new Set<Row>();
  const edLinks = new Map<Row, Row>();
  const transferLinks = new Map<Row, Row>();
  const kept: Row[] = [];
  let exitEnd = clock.localMidnight(exitDay + 1);
  const startMidnight = clock.localMidnight(context.startDay);
  for (const row of stays) {
    row[ip.edLink] = null;
    row[ip.transferLink] = null;
    if (Number(row[ip.admit]) > diedAt) continue;
    if (row[ip.source] === ip.fromEd) {
      const admit = Number(row[ip.admit]);
      let best: Row | null = null;
      for (const visit of encounters) {
        if (linkedEncounters.has(visit) || visit[ed.dispo] === ed.deceased) continue;
        if (
          !best ||
          Math.abs(Number(visit[ed.arrival]) - admit) < Math.abs(Number(best[ed.arrival]) - admit)
        )
          best = visit;
      }
      const hours = Math.max(0, boarding.value(random.next()));
      const boardingUs = Math.round(hours * 3600) * 1e6;
      if (admit < startMidnight + WARM_UP_LINK_US) {
        // Admitted from the year before the start, whose ED visits are not in the data:
        // an ED admission without its visit, as the training data has them.
      } else if (best) {
        // The patient's nearest visit becomes the admitting one, moved to the admission: ED
        // visits outnumber stays five to one, so moving a visit disturbs less than a stay.
        linkedEncounters.add(best);
        best[ed.dispo] = ed.admitted;
        best[ed.arrival] = Math.max(admit - boardingUs, clock.localMidnight(entry));
        edLinks.set(row, best);
      } else {
        // The patient has no visit left: the visit that led to the admission, made here.
        const visit = admittingVisit(context, patient, row, admit - boardingUs, random);
        if (visit) {
          encounters.push(visit);
          linkedEncounters.add(visit);
          edLinks.set(row, visit);
        } else row[ip.source] = ip.direct;
      }
    } else if (row[ip.source] === ip.transfer) {
      let from: Row | null = null;
      for (let i = kept.length - 1; i >= 0; i--) {
        const candidate = kept[i]!;
        if (candidate[ip.facility] !== row[ip.facility] && candidate[ip.discharge] !== null) {
          from = candidate;
          break;
        }
      }
      if (from) {
        row[ip.admit] = Number(from[ip.discharge]);
        transferLinks.set(row, from);
      } else row[ip.source] = ip.direct;
    }
    const admit = Number(row[ip.admit]);
    const length = Math.round(Number(row[ip.los]) * 86_400) * 1e6;
    if (admit > diedAt) continue;
    if (admit + length > exitEnd && patient[exit.exitDate] !== null) {
      // A stay still running when the patient leaves: they leave on its discharge day (a
      // death or a move from hospital), as the training data's exits after long stays do.
      const leaving = clock.localDay(admit + length);
      patient[exit.exitDate] = leaving;
      exitEnd = clock.localMidnight(leaving + 1);
    }
    // As in the training data, the discharge is recorded even past the last day.
    row[ip.discharge] = admit + length;
    kept.push(row);
  }
  kept.sort((a, b) => Number(a[ip.admit]) - Number(b[ip.admit]));
  encounters.sort((a, b) => Number(a[ed.arrival]) - Number(b[ed.arrival]));
  // Ids in sample order; links point at the rows they name.
  for (const row of encounters) {
    const id = context.nextId.get(ed.table) ?? 1;
    row[ed.id] = id;
    context.nextId.set(ed.table, id + 1);
  }
  for (const row of kept) {
    const id = context.nextId.get(ip.table) ?? 1;
    row[ip.id] = id;
    context.nextId.set(ip.table, id + 1);
  }
  for (const row of kept) {
    row[ip.edLink] = edLinks.get(row)?.[ed.id] ?? null;
    row[ip.transferLink] = transferLinks.get(row)?.[ip.id] ?? null;
  }
  if (children.has(ip.table)) children.set(ip.table, kept);
  const nextYear = Date.UTC(model.training.startYear + 1, 0, 1) / 86_400_000;
  let visits = 0;
  for (const row of encounters) {
    const day = clock.localDay(Number(row[ed.arrival]));
    if (day >= context.startDay && day < nextYear) visits++;
  }
  patient[MODEL_RULES.edVisitsYear.column] = visits;
}
