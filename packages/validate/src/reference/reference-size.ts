/** Reference patients drawn for a dataset of `patients`: as many, within 20,000 to 200,000. */
export function referenceSize(patients: number): number {
  return Math.min(Math.max(patients, 20_000), 200_000);
}
