/** Written into every manifest, Parquet footer, Arrow schema and README. */
export const SYNTHETIC_NOTICE =
  'Synthetic, for non-production testing: every person, facility and figure in this dataset is fictional.';
