import { describe, expect, it } from 'vitest';
import { infoOutcome } from './info-outcome.js';

describe('infoOutcome', () => {
  it('is an info status with no figures, the message and any details', () => {
    expect(infoOutcome('not run', { checks: 0 })).toEqual({
      status: 'info',
      observed: null,
      expected: null,
      tolerance: null,
      comparison: 'within',
      message: 'not run',
      details: { checks: 0 },
    });
    expect(infoOutcome('not applicable')).not.toHaveProperty('details');
  });
});
