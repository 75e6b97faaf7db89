import { describe, expect, it } from 'vitest';
import { ScenarioError } from './scenario-error.js';

describe('ScenarioError', () => {
  it('lists the first 100 errors and counts the rest', () => {
    const errors = Array.from({ length: 250 }, (_, index) => ({
      location: { file: 'a.yaml', line: index + 1, col: 1 },
      path: `k${index}`,
      message: 'unknown key',
    }));
    const lines = new ScenarioError(errors).message.split('\n');
    expect(lines).toHaveLength(101);
    expect(lines[99]).toBe('a.yaml:100:1 k99: unknown key');
    expect(lines[100]).toBe('... and 150 more errors');
    expect(new ScenarioError(errors).errors).toHaveLength(250);
  });
});
