import { describe, expect, it } from 'vitest';
import { genderAdmissionRates } from './gender-admission-rates.js';

// One age group, genders Female/Male/Other at 0.5/0.4/0.1; program 0 has a
// Female/Other-only subprogram (mix 0.6) and an open one (0.4); program 1 is open.
const shares = [[0.5, 0.4, 0.1]];
const eligible = [
  [
    [true, false, true],
    [true, true, true],
  ],
  [[true, true, true]],
];
const rates = genderAdmissionRates([[0.02, 0.01]], [[[0.6, 0.4], [1]]], eligible, shares);

describe('genderAdmissionRates', () => {
  it('gives the restricted share to eligible genders only', () => {
    const [female, male, other] = rates.admissionProbabilityByGender[0]!;
    // Eligible share 0.6 of the population: 0.02 * (0.6 / 0.6 + 0.4).
    expect(female![0]).toBeCloseTo(0.028, 12);
    expect(other![0]).toBeCloseTo(0.028, 12);
    expect(male![0]).toBeCloseTo(0.008, 12);
    expect(rates.subprogramMixByGender[0]![1]![0]).toEqual([0, 1]);
    expect(rates.subprogramMixByGender[0]![0]![0]![0]).toBeCloseTo(1 / 1.4, 12);
  });

  it('keeps every program and subprogram total over the population', () => {
    for (const [p, q] of [0.02, 0.01].entries()) {
      const mix = [[0.6, 0.4], [1]][p]!;
      mix.forEach((share, sp) => {
        const total = shares[0]!.reduce(
          (sum, s, g) =>
            sum +
            s *
              rates.admissionProbabilityByGender[0]![g]![p]! *
              rates.subprogramMixByGender[0]![g]![p]![sp]!,
          0,
        );
        expect(total).toBeCloseTo(q * share, 12);
      });
    }
  });

  it('leaves unrestricted programs alone and gives nobody a program with no eligible subprogram', () => {
    const open = genderAdmissionRates(
      [[0.03]],
      [[[0.7, 0.3]]],
      [
        [
          [true, true],
          [true, true],
        ],
      ],
      [[0.5, 0.5]],
    );
    expect(open.admissionProbabilityByGender[0]).toEqual([[0.03], [0.03]]);
    const closed = genderAdmissionRates([[0.03]], [[[1]]], [[[true, false]]], [[0.5, 0.5]]);
    expect(closed.admissionProbabilityByGender[0]![1]).toEqual([0]);
    expect(closed.subprogramMixByGender[0]![1]).toEqual([[0]]);
    // An age group with nobody of the eligible gender admits nobody there (no division by 0).
    const empty = genderAdmissionRates([[0.03]], [[[1]]], [[[true, false]]], [[0, 1]]);
    expect(empty.admissionProbabilityByGender[0]).toEqual([[0], [0]]);
  });
});
