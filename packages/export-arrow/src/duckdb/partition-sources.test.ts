import { CATALOGUE, tableByName } from '@lm-synth/dims';
import { describe, expect, it } from 'vitest';
import { partitionSources } from './partition-sources.js';

describe('partitionSources', () => {
  it('derives year and site from the event time and the dim_site key of fact tables', () => {
    const sources = (name: string, keys: ('year' | 'site')[]) => {
      const map = partitionSources(tableByName(name), keys);
      return map && Object.fromEntries(map);
    };
    expect(sources('ed_encounters', ['year', 'site'])).toEqual({
      year: 'arrival_ts',
      site: 'facility_id',
    });
    expect(sources('ip_stays', ['site', 'year'])).toEqual({
      site: 'facility_id',
      year: 'admit_ts',
    });
    expect(sources('capacity_daily', ['year'])).toEqual({ year: 'date' });
    expect(sources('patients', ['site'])).toEqual({ site: 'facility_home_id' });
    expect(sources('patients', ['year', 'site'])).toBeNull();
  });

  it('never partitions dimension or reference tables', () => {
    for (const table of CATALOGUE.filter((entry) => entry.role !== 'fact')) {
      expect(partitionSources(table, ['year', 'site']), table.name).toBeNull();
    }
  });
});
