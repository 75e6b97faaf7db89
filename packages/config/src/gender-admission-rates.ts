export interface GenderAdmissionRates {
  /** [age group][gender][program]. */
  readonly admissionProbabilityByGender: number[][][];
  /** [age group][gender][program][subprogram]. */
  readonly subprogramMixByGender: number[][][][];
}

/**
 * Spreads admissions to gender-restricted subprograms over the eligible
 * genders. Subprogram sp of program p is admitted at q[a][p] * mix[a][p][sp]
 * per person-year over the whole age group; a gender eligible for it gets that
 * rate divided by the eligible genders' share of the age group, an ineligible
 * one gets 0, so the population total of every subprogram (and so of every
 * program) is unchanged. A gender's program probability is the sum over its
 * subprograms, and its mix is that sum's split.
 *
 * @param eligible [program][subprogram][gender]: the gender can be admitted there.
 * @param genderShares [age group][gender]: share of the age group's population, summing to 1.
 */
export function genderAdmissionRates(
  admissionProbability: readonly (readonly number[])[],
  subprogramMix: readonly (readonly (readonly number[])[])[],
  eligible: readonly (readonly (readonly boolean[])[])[],
  genderShares: readonly (readonly number[])[],
): GenderAdmissionRates {
  const admissionProbabilityByGender: number[][][] = [];
  const subprogramMixByGender: number[][][][] = [];
  admissionProbability.forEach((byProgram, a) => {
    const shares = genderShares[a]!;
    const probabilities: number[][] = [];
    const mixes: number[][][] = [];
    shares.forEach((_, g) => {
      const programProbabilities: number[] = [];
      const programMixes: number[][] = [];
      byProgram.forEach((q, p) => {
        // Unrestricted programs keep their numbers exactly (no rounding through the shares).
        if (eligible[p]!.every((genders) => genders.every(Boolean))) {
          programProbabilities.push(q);
          programMixes.push([...subprogramMix[a]![p]!]);
          return;
        }
        // Per person-year of this gender, relative to q: mix share / eligible population share.
        const relative = subprogramMix[a]![p]!.map((share, sp) => {
          const genders = eligible[p]![sp]!;
          if (!genders[g]) return 0;
          const eligibleShare = shares.reduce((sum, s, h) => sum + (genders[h] ? s : 0), 0);
          // No eligible person of this age: nobody to admit (and no division by zero).
          return eligibleShare > 0 ? share / eligibleShare : 0;
        });
        const total = relative.reduce((sum, r) => sum + r, 0);
        programProbabilities.push(q * total);
        programMixes.push(relative.map((r) => (total > 0 ? r / total : 0)));
      });
      probabilities.push(programProbabilities);
      mixes.push(programMixes);
    });
    admissionProbabilityByGender.push(probabilities);
    subprogramMixByGender.push(mixes);
  });
  return { admissionProbabilityByGender, subprogramMixByGender };
}
