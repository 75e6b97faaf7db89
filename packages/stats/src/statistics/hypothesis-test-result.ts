/** A test statistic with its p-value under the null hypothesis. */
export interface HypothesisTestResult {
  readonly statistic: number;
  readonly pValue: number;
}
