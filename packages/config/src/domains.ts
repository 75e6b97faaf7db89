/**
 * Closed domains fixed by the blueprint (§2, §4). The scenario schema in
 * @lm-synth/config checks its YAML against these same lists.
 */
export const AGE_GROUPS = [
  '0-4',
  '5-14',
  '15-24',
  '25-44',
  '45-64',
  '65-74',
  '75-84',
  '85+',
] as const;
/**
 * The oldest age anyone in the open band 85+ has at the start: residents of 85+ are 85 to 100
 * (the generator's birth dates, the projection's ages and validate's reference sample agree).
 */
export const OLDEST_AGE = 100;
export const GENDERS = ['Female', 'Male', 'Other'] as const;
export const ED_SUBSERVICES = ['Adult ED', 'Pediatric ED', 'Urgent Care Centre'] as const;
export const ED_DISPOSITIONS = [
  'Discharged',
  'Admitted',
  'Transferred',
  'Left Without Being Seen',
  'Deceased',
] as const;
export const ADMISSION_SOURCES = ['ED', 'Direct', 'Transfer', 'Elective'] as const;
/** Where a subprogram's care happens: overnight beds, same-day beds, or no bed (no ip_stays rows). */
export const CARE_SETTINGS = ['inpatient', 'day_case', 'ambulatory'] as const;
/** How a non-transfer admission begins. */
export const ADMISSION_ROUTES = ['ed', 'elective', 'direct'] as const;
/** How an inpatient stay ends. */
export const DISCHARGE_DISPOSITIONS = [
  'Home',
  'Home with support',
  'Long-term care',
  'Other facility',
  'Died',
  'Left against advice',
] as const;
/** Where an ALC stay ends (the ALC days were spent waiting for one of these). */
export const ALC_DESTINATIONS = ['Home', 'Home with support', 'Long-term care'] as const;
/** CTAS triage levels, 1 (resuscitation) to 5 (non-urgent). */
export const CTAS_LEVELS = ['1', '2', '3', '4', '5'] as const;
/** How a patient joined the open cohort: resident at the start, born, or moved in. */
export const ENTRY_REASONS = ['Resident', 'Birth', 'In-migration'] as const;
/** How a patient left it. */
export const EXIT_REASONS = ['Death', 'Out-migration'] as const;

export type AgeGroup = (typeof AGE_GROUPS)[number];
export type Gender = (typeof GENDERS)[number];
export type EdSubservice = (typeof ED_SUBSERVICES)[number];
export type EdDisposition = (typeof ED_DISPOSITIONS)[number];
export type AdmissionSource = (typeof ADMISSION_SOURCES)[number];
export type CareSetting = (typeof CARE_SETTINGS)[number];
export type DischargeDisposition = (typeof DISCHARGE_DISPOSITIONS)[number];
export type EntryReason = (typeof ENTRY_REASONS)[number];
export type ExitReason = (typeof EXIT_REASONS)[number];
