import { AGE_GROUPS, ED_SUBSERVICES } from './domains.js';

/** A broken reference between parts of a scenario; `at: 'key'` points at the key rather than its value. */
export interface ReferenceIssue {
  readonly path: (string | number)[];
  readonly message: string;
  readonly at: 'key' | 'value';
}

type Mapping = Record<string, unknown>;

function isRecord(value: unknown): value is Mapping {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function quoteList(names: readonly string[]): string {
  return names.map((name) => `"${name}"`).join(', ');
}

/**
 * Cross-field rules of a scenario: every name that refers to a site, LHA,
 * program, subprogram or age band must exist, and tables keyed by them must be
 * complete. Written against unvalidated input (it runs even when other parts
 * failed to parse) so it checks only what is well-formed enough to check.
 */
export function checkScenarioReferences(input: unknown): ReferenceIssue[] {
  const issues: ReferenceIssue[] = [];
  if (!isRecord(input)) return issues;
  const issue = (path: (string | number)[], message: string, at: 'key' | 'value' = 'value') =>
    issues.push({ path, message, at });

  /** Keys of `table` must all be known, and with `complete`, every known name must appear. */
  const checkKeys = (
    path: (string | number)[],
    table: unknown,
    known: readonly string[] | undefined,
    noun: string,
    describeUnknown?: (key: string) => string,
    partial = false,
  ): table is Mapping => {
    if (!isRecord(table) || known === undefined) return false;
    for (const key of Object.keys(table))
      if (!known.includes(key))
        issue(
          [...path, key],
          describeUnknown?.(key) ?? `unknown ${noun} "${key}"; known: ${quoteList(known)}`,
          'key',
        );
    const missing = partial ? [] : known.filter((name) => !Object.hasOwn(table, name));
    if (missing.length > 0)
      issue(path, `missing ${noun}${missing.length > 1 ? 's' : ''} ${quoteList(missing)}`, 'key');
    return true;
  };

  const sites = isRecord(input.sites) ? Object.keys(input.sites) : undefined;
  const lhas = isRecord(input.lhas) ? Object.keys(input.lhas) : undefined;
  const programs = isRecord(input.programs) ? input.programs : undefined;
  const programKeys = programs ? Object.keys(programs) : undefined;
  const subprogramsOf = (program: string): string[] | undefined => {
    const definition = programs?.[program];
    return isRecord(definition) && isRecord(definition.subprograms)
      ? Object.keys(definition.subprograms)
      : undefined;
  };
  const bands = isRecord(input.age_bands) ? Object.keys(input.age_bands) : undefined;

  for (const [name, list] of [
    ['sites', sites],
    ['lhas', lhas],
    ['programs', programKeys],
    ['age_bands', bands],
  ] as const)
    if (list?.length === 0) issue([name], `needs at least one entry`);

  // Every LHA maps to a known site.
  if (isRecord(input.lhas) && sites)
    for (const [name, lha] of Object.entries(input.lhas))
      if (
        isRecord(lha) &&
        typeof lha.default_site === 'string' &&
        !sites.includes(lha.default_site)
      )
        issue(
          ['lhas', name, 'default_site'],
          `unknown site "${lha.default_site}"; known: ${quoteList(sites)}`,
        );

  // Each age group in exactly one band.
  if (isRecord(input.age_bands)) {
    const bandOf = new Map<unknown, string>();
    for (const [band, groups] of Object.entries(input.age_bands)) {
      if (!Array.isArray(groups)) continue;
      groups.forEach((group, index) => {
        const earlier = bandOf.get(group);
        if (earlier !== undefined)
          issue(['age_bands', band, index], `age group "${group}" is already in band "${earlier}"`);
        else bandOf.set(group, band);
      });
    }
    const unbanded = AGE_GROUPS.filter((group) => !bandOf.has(group));
    if (unbanded.length > 0)
      issue(['age_bands'], `age groups ${quoteList(unbanded)} belong to no band`, 'key');
  }

  const describeSubprogramKey = (program: string) => (key: string) =>
    `subprogram "${key}" does not belong to program "${program}"; its subprograms: ${quoteList(subprogramsOf(program) ?? [])}`;

  const coverage = input.coverage_matrix;
  const offered = new Set<string>();
  if (typeof coverage === 'string')
    issue(
      ['coverage_matrix'],
      'a CSV path is read by loadScenario (or the CLI); parseScenario needs the matrix inline',
    );
  else if (isRecord(coverage) && sites && programKeys) {
    checkKeys(['coverage_matrix'], coverage, sites, 'site');
    const columns = [
      ...programKeys.flatMap((program) =>
        (subprogramsOf(program) ?? []).map((subprogram) => `${program}.${subprogram}`),
      ),
      ...ED_SUBSERVICES,
    ];
    const reported = new Set<string>();
    for (const [site, row] of Object.entries(coverage)) {
      if (!isRecord(row)) continue;
      for (const [column, cell] of Object.entries(row)) {
        if (cell === 1) offered.add(column);
        if (columns.includes(column) || reported.has(column)) continue;
        reported.add(column);
        const [program = '', subprogram, ...rest] = column.split('.');
        issue(
          ['coverage_matrix', site, column],
          subprogram === undefined || rest.length > 0
            ? `unknown column "${column}"; columns are program.subprogram keys or an ED subservice (${quoteList(ED_SUBSERVICES)})`
            : !programKeys.includes(program)
              ? `unknown program "${program}"; known: ${quoteList(programKeys)}`
              : describeSubprogramKey(program)(subprogram),
          'key',
        );
      }
      const missing = columns.filter((column) => !Object.hasOwn(row, column));
      if (missing.length > 0)
        issue(['coverage_matrix', site], `no value for ${quoteList(missing)}`, 'key');
    }
    if (!offered.has('Pediatric ED'))
      issue(['coverage_matrix'], 'Pediatric ED must be offered at one site at least', 'key');
  }

  const ed = isRecord(input.ed) ? input.ed : {};
  const rates = isRecord(ed.rates_per_1000) ? ed.rates_per_1000 : {};
  if (isRecord(rates.lha_multipliers))
    for (const name of Object.keys(rates.lha_multipliers))
      if (lhas && !lhas.includes(name))
        issue(
          ['ed', 'rates_per_1000', 'lha_multipliers', name],
          `unknown LHA "${name}"; known: ${quoteList(lhas)}`,
          'key',
        );
  checkKeys(['ed', 'rates_per_1000', 'by_lha'], rates.by_lha, lhas, 'LHA');
  checkKeys(['ed', 'acuity'], ed.acuity, bands, 'age band');
  checkKeys(['ed', 'disposition'], ed.disposition, bands, 'age band');

  // A subservice people visit must be offered somewhere.
  if (isRecord(coverage) && isRecord(rates.base) !== isRecord(rates.by_lha)) {
    const tables = isRecord(rates.base)
      ? [rates.base]
      : Object.values(rates.by_lha as Mapping).filter(isRecord);
    for (const subservice of ED_SUBSERVICES) {
      const visited = tables.some((table) =>
        Object.values(table).some(
          (byGender) =>
            isRecord(byGender) &&
            Object.values(byGender).some(
              (bySubservice) =>
                isRecord(bySubservice) &&
                typeof bySubservice[subservice] === 'number' &&
                bySubservice[subservice] > 0,
            ),
        ),
      );
      if (visited && subservice !== 'Pediatric ED' && !offered.has(subservice))
        issue(
          ['coverage_matrix'],
          `${subservice} has visits in ed.rates_per_1000 but no site offers it`,
          'key',
        );
    }
  }

  const ip = isRecord(input.inpatient) ? input.inpatient : {};
  checkKeys(
    ['inpatient', 'admission_probability'],
    ip.admission_probability,
    programKeys,
    'program',
  );
  const alc = isRecord(ip.alc) ? ip.alc : {};
  checkKeys(['inpatient', 'alc', 'probability'], alc.probability, programKeys, 'program');
  if (isRecord(ip.admission_probability))
    for (const group of AGE_GROUPS) {
      const total = Object.values(ip.admission_probability).reduce<number>(
        (sum, byAge) =>
          sum + (isRecord(byAge) && typeof byAge[group] === 'number' ? byAge[group] : 0),
        0,
      );
      if (total > 1)
        issue(
          ['inpatient', 'admission_probability'],
          `admission probabilities of age group "${group}" add up to ${total.toFixed(3)}, more than 1`,
          'key',
        );
    }

  if (checkKeys(['inpatient', 'los'], ip.los, programKeys, 'program'))
    for (const [program, bySubprogram] of Object.entries(ip.los as Mapping))
      checkKeys(
        ['inpatient', 'los', program],
        bySubprogram,
        subprogramsOf(program),
        'subprogram',
        describeSubprogramKey(program),
      );

  if (checkKeys(['inpatient', 'subprogram_mix'], ip.subprogram_mix, programKeys, 'program'))
    for (const [program, byBand] of Object.entries(ip.subprogram_mix as Mapping))
      if (checkKeys(['inpatient', 'subprogram_mix', program], byBand, bands, 'age band'))
        for (const [band, mix] of Object.entries(byBand as Mapping))
          checkKeys(
            ['inpatient', 'subprogram_mix', program, band],
            mix,
            subprogramsOf(program),
            'subprogram',
            describeSubprogramKey(program),
          );

  // Whatever can be admitted must be offered somewhere.
  if (isRecord(coverage) && isRecord(ip.admission_probability) && isRecord(ip.subprogram_mix))
    for (const [program, byAge] of Object.entries(ip.admission_probability)) {
      const admitted =
        isRecord(byAge) && Object.values(byAge).some((p) => typeof p === 'number' && p > 0);
      const byBand = ip.subprogram_mix[program];
      if (!admitted || !isRecord(byBand)) continue;
      for (const subprogram of subprogramsOf(program) ?? []) {
        const used = Object.values(byBand).some(
          (mix) => isRecord(mix) && typeof mix[subprogram] === 'number' && mix[subprogram] > 0,
        );
        if (used && !offered.has(`${program}.${subprogram}`))
          issue(
            ['coverage_matrix'],
            `${program}.${subprogram} receives admissions but no site offers it`,
            'key',
          );
      }
    }

  // Tables that may leave programs or subprograms out (defaults apply).
  if (
    checkKeys(
      ['inpatient', 'admission_routes'],
      ip.admission_routes,
      programKeys,
      'program',
      undefined,
      true,
    )
  )
    for (const [program, bySubprogram] of Object.entries(ip.admission_routes as Mapping))
      checkKeys(
        ['inpatient', 'admission_routes', program],
        bySubprogram,
        subprogramsOf(program),
        'subprogram',
        describeSubprogramKey(program),
        true,
      );
  checkKeys(
    ['inpatient', 'los_age_factor_per_decade'],
    ip.los_age_factor_per_decade,
    programKeys,
    'program',
    undefined,
    true,
  );
  const timing = isRecord(ip.timing) ? ip.timing : {};
  checkKeys(
    ['inpatient', 'timing', 'seasonality'],
    timing.seasonality,
    programKeys,
    'program',
    undefined,
    true,
  );
  const readmission = isRecord(ip.readmission) ? ip.readmission : {};
  const discharge = isRecord(ip.discharge) ? ip.discharge : {};
  for (const [path, byProgram] of [
    [['inpatient', 'readmission', 'within_30_days'], readmission.within_30_days],
    [['inpatient', 'discharge', 'died'], discharge.died],
  ] as const)
    if (checkKeys([...path], byProgram, programKeys, 'program', undefined, true))
      for (const [program, byBand] of Object.entries(byProgram as Mapping))
        checkKeys([...path, program], byBand, bands, 'age band');
  checkKeys(
    ['inpatient', 'discharge', 'home_with_support'],
    discharge.home_with_support,
    bands,
    'age band',
  );
  checkKeys(
    ['inpatient', 'discharge', 'long_term_care'],
    discharge.long_term_care,
    bands,
    'age band',
  );
  if (Array.isArray(ip.maternity_subprograms))
    ip.maternity_subprograms.forEach((key, index) => {
      const [program = '', subprogram = ''] = String(key).split('.');
      if (!(subprogramsOf(program) ?? []).includes(subprogram))
        issue(
          ['inpatient', 'maternity_subprograms', index],
          `unknown subprogram "${String(key)}"; write program.subprogram keys`,
        );
    });

  if (Array.isArray(ip.transfers) && sites) {
    const outgoing = new Map<string, number>();
    const corridors = new Set<string>();
    ip.transfers.forEach((corridor, index) => {
      if (!isRecord(corridor)) return;
      for (const end of ['from', 'to'] as const) {
        const code = corridor[end];
        if (typeof code === 'string' && !sites.includes(code))
          issue(
            ['inpatient', 'transfers', index, end],
            `unknown site "${code}"; known: ${quoteList(sites)}`,
          );
      }
      const id = `${String(corridor.from)} -> ${String(corridor.to)}`;
      if (corridors.has(id))
        issue(['inpatient', 'transfers', index], `corridor ${id} is listed twice`);
      corridors.add(id);
      if (typeof corridor.from === 'string' && typeof corridor.probability === 'number') {
        const total = (outgoing.get(corridor.from) ?? 0) + corridor.probability;
        outgoing.set(corridor.from, total);
        if (total > 1)
          issue(
            ['inpatient', 'transfers', index, 'probability'],
            `transfer probabilities out of ${corridor.from} add up to more than 1`,
          );
      }
    });
  }

  return issues;
}
