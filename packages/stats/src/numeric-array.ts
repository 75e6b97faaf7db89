/** Anything indexable by number that holds numbers: typed arrays and plain arrays. */
export interface NumericArray {
  [index: number]: number;
  readonly length: number;
}
