/** Patient columns compared between datasets: numeric ones and categorical ones. */
export const PATIENT_FEATURES = {
  numeric: ['dob', 'ed_visits_year'],
  categorical: ['age_group', 'gender', 'lha_id', 'facility_home_id', 'primary_ed_subservice'],
} as const;
