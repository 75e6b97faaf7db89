/**
 * Records drawn from the scenario's own distributions, independently of any generator:
 * what a correct dataset should look like, column by column. Categories are 0-based
 * indices (AGE_GROUPS, GENDERS, ED_SUBSERVICES, ED_DISPOSITIONS, ADMISSION_SOURCES,
 * scenario sites, LHAs and programs); acuity is the CTAS level 1-5.
 */
export interface ReferenceSample {
  readonly patients: {
    readonly count: number;
    readonly lha: Uint8Array;
    readonly ageGroup: Uint8Array;
    readonly gender: Uint8Array;
    /** Age in years at the reference date, fractional. */
    readonly ageYears: Float64Array;
    readonly homeSite: Uint8Array;
    /** Start-year ED visits over all subservices. */
    readonly edVisits: Int32Array;
  };
  readonly encounters: {
    readonly count: number;
    readonly ageGroup: Uint8Array;
    readonly subservice: Uint8Array;
    readonly acuity: Uint8Array;
    readonly disposition: Uint8Array;
    /** Hour of arrival 0-23, and weekday 0 = Monday ... 6 = Sunday. */
    readonly hour: Uint8Array;
    readonly weekday: Uint8Array;
  };
  readonly stays: {
    readonly count: number;
    readonly ageGroup: Uint8Array;
    readonly ageYears: Float64Array;
    readonly program: Uint8Array;
    readonly losDays: Float64Array;
    readonly alc: Uint8Array;
    readonly source: Uint8Array;
  };
}
