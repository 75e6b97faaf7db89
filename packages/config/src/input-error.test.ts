import { describe, expect, it } from 'vitest';
import { InputError } from './input-error.js';

class ExampleInputError extends InputError {}

describe('InputError', () => {
  it('marks input errors and names them after their class', () => {
    const cause = new Error('underneath');
    const error = new ExampleInputError('bad flag', { cause });
    expect(error).toBeInstanceOf(Error);
    expect(error.isInputError).toBe(true);
    expect(error.name).toBe('ExampleInputError');
    expect(error.message).toBe('bad flag');
    expect(error.cause).toBe(cause);
  });
});
