/** What fixtureDataset and fixtureRunMetadata vary. */
export interface FixtureDatasetOptions {
  /** Patients to generate (default 300). */
  readonly patients?: number;
  /** Rows per incoming record batch (default 1,000): vary it to show outputs do not depend on it. */
  readonly batchRows?: number;
  /** Varies every drawn value (default 1). */
  readonly seed?: number;
  /** Include ed_encounters (default true). */
  readonly withEd?: boolean;
  /** Include ip_stays and capacity_daily (default true). */
  readonly withIp?: boolean;
}
