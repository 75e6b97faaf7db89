import * as t from 'typanion';

/**
 * A flag validator for one of `values`, in any case (`--format CSV`): the
 * value is coerced to the spelling in `values`, and a miss names them all.
 */
export function isChoice<const T extends string>(values: readonly T[]) {
  return t.makeValidator<unknown, T>({
    test: (value, state): value is T => {
      const match =
        typeof value === 'string'
          ? values.find((choice) => choice.toLowerCase() === value.toLowerCase())
          : undefined;
      if (match === undefined) {
        // typanion's own error format, which clipanion turns into "Invalid value for --flag: …".
        state?.errors?.push(
          `${state.p ?? '.'}: expected one of ${values.join(', ')} (got ${JSON.stringify(value)})`,
        );
        return false;
      }
      if (match !== value && state?.coercions && state.coercion) {
        state.coercions.push([state.p ?? '.', state.coercion.bind(null, match)]);
      }
      return true;
    },
  });
}
