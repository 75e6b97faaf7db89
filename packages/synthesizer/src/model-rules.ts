/**
 * The domain rules the model keeps (blueprint §4 and §8), by column name. Everything not
 * named here is modelled generically from its catalogue type; fit refuses a rule whose
 * columns the catalogue no longer has, so a renamed column fails loudly, not silently.
 */
export const MODEL_RULES = {
  /** The parent table; every fact table with a foreign key to it is one of its children. */
  parent: 'patients',
  /**
   * Columns sampled as one category, so only combinations seen in training occur: a home
   * facility of the LHA, a subservice offered at the facility, a subprogram of the
   * program offered at the facility.
   */
  fixedCombinations: {
    patients: [['lha_id', 'facility_home_id']],
    ed_encounters: [['facility_id', 'ed_subservice']],
    ip_stays: [['facility_id', 'program_id', 'subprogram_id']],
  } as Record<string, readonly (readonly string[])[]>,
  /** Columns computed from the sample, never modelled. */
  derived: {
    patients: ['ed_visits_year', 'weight'],
    ip_stays: ['discharge_ts'],
  } as Record<string, readonly string[]>,
  /** dob as its position among the birth dates of the age group at the anchor date. */
  birthDate: {
    table: 'patients',
    dob: 'dob',
    ageGroup: 'age_group',
    entryDate: 'entry_date',
    entryReason: 'entry_reason',
    /** Entry reasons whose age group holds at the dataset's reference date, not at entry. */
    atReferenceDate: ['Resident'],
    /** Entry reasons whose entry date is the date of birth. */
    bornOnEntry: ['Birth'],
  },
  /** exit_date as days after entry_date, so nobody leaves before arriving. */
  exit: {
    table: 'patients',
    exitDate: 'exit_date',
    exitReason: 'exit_reason',
  },
  /** ed_visits_year counts the patient's ED arrivals in the start year (local calendar). */
  edVisitsYear: { table: 'patients', column: 'ed_visits_year' },
  ed: {
    table: 'ed_encounters',
    id: 'encounter_id',
    facility: 'facility_id',
    arrival: 'arrival_ts',
    dispo: 'dispo',
    admitted: 'Admitted',
    deceased: 'Deceased',
  },
  ip: {
    table: 'ip_stays',
    id: 'stay_id',
    facility: 'facility_id',
    admit: 'admit_ts',
    discharge: 'discharge_ts',
    los: 'los_days',
    alc: 'alc_flag',
    source: 'admission_source',
    edLink: 'ed_encounter_id',
    transferLink: 'transfer_from_stay_id',
    fromEd: 'ED',
    transfer: 'Transfer',
    direct: 'Direct',
  },
  /**
   * Child timestamps that happen while the patient is resident: stored as their position in
   * the patient's residence (entry to exit, or the last day), so they fall inside it by
   * construction. `warmUp`: residents' rows may start in the year before the start year.
   */
  residence: {
    ed_encounters: { column: 'arrival_ts', warmUp: false },
    ip_stays: { column: 'admit_ts', warmUp: true },
  } as Record<string, { readonly column: string; readonly warmUp: boolean }>,
  capacity: 'capacity_daily',
} as const;
