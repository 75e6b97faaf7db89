import { CATALOGUE } from '@lm-synth/dims';
import { describe, expect, it } from 'vitest';
import { sdvMetadata } from './sdv-metadata.js';

describe('sdvMetadata', () => {
  const metadata = sdvMetadata(CATALOGUE, 'csv');

  it('relates tables through single-column identifier keys only', () => {
    expect(
      metadata.relationships.map(
        (r) => `${r.child_table_name}.${r.child_foreign_key} -> ${r.parent_table_name}`,
      ),
    ).toEqual([
      'dim_subprogram.program_id -> dim_program',
      'dim_lha.default_site_id -> dim_site',
      'population_projection.lha_id -> dim_lha',
      'ed_baseline_rates.lha_id -> dim_lha',
      'ed_routing.lha_id -> dim_lha',
      'ed_routing.facility_id -> dim_site',
      'patients.lha_id -> dim_lha',
      'patients.facility_home_id -> dim_site',
      'ed_encounters.patient_id -> patients',
      'ed_encounters.facility_id -> dim_site',
      'ip_stays.patient_id -> patients',
      'ip_stays.facility_id -> dim_site',
      'ip_stays.program_id -> dim_program',
      'ip_stays.ed_encounter_id -> ed_encounters',
      'capacity_daily.site_id -> dim_site',
    ]);
  });

  it('keeps natural keys as categorical or datetime columns and ids as ids', () => {
    expect(metadata.tables.patients!.primary_key).toBe('patient_id');
    expect(metadata.tables.patients!.columns.age_group).toEqual({ sdtype: 'categorical' });
    expect(metadata.tables.ed_encounters!.columns.patient_id).toEqual({ sdtype: 'id' });
    expect(metadata.tables.ed_encounters!.columns.arrival_ts).toEqual({
      sdtype: 'datetime',
      datetime_format: '%Y-%m-%dT%H:%M:%SZ',
    });
    expect(metadata.tables.ip_stays!.columns.los_days).toEqual({
      sdtype: 'numerical',
      computer_representation: 'Float',
    });
    // SDV keys are single columns: composite-key tables have none.
    expect(metadata.tables.population_projection!.primary_key).toBeUndefined();
    expect(sdvMetadata(CATALOGUE, 'parquet').tables.patients!.columns.dob).toEqual({
      sdtype: 'datetime',
    });
  });
});
