type Growable = Int8Array | Uint8Array | Int32Array | Float64Array | BigInt64Array;

/** A copy of `array` in a new array of `size` elements (typed arrays double when full). */
export function grow<T extends Growable>(array: T, size: number): T {
  const grown = new (array.constructor as new (size: number) => T)(size);
  grown.set(array as never);
  return grown;
}

/**
 * One patient's ED visits or stays before they are written, reused across patients. Visits:
 * kind = subservice; stays: kind = program, detail = pair (program x subprogram). A dropped
 * row (a visit while in a bed, or after death) has time = +Infinity, so sorting puts it last.
 */
export class PatientScratch {
  size = 64;
  time = new Float64Array(this.size);
  facility = new Int32Array(this.size);
  kind = new Int32Array(this.size);
  detail = new Int32Array(this.size);
  acuity = new Int8Array(this.size);
  disposition = new Int8Array(this.size);
  year = new Int32Array(this.size);
  cents = new Int32Array(this.size);
  alcCents = new Int32Array(this.size);
  source = new Int8Array(this.size);
  encounter = new Int32Array(this.size);
  from = new Int32Array(this.size);
  order = new Int32Array(this.size);
  rank = new Int32Array(this.size);

  ensure(count: number): void {
    if (count <= this.size) return;
    while (this.size < count) this.size *= 2;
    this.time = grow(this.time, this.size);
    this.facility = grow(this.facility, this.size);
    this.kind = grow(this.kind, this.size);
    this.detail = grow(this.detail, this.size);
    this.acuity = grow(this.acuity, this.size);
    this.disposition = grow(this.disposition, this.size);
    this.year = grow(this.year, this.size);
    this.cents = grow(this.cents, this.size);
    this.alcCents = grow(this.alcCents, this.size);
    this.source = grow(this.source, this.size);
    this.encounter = grow(this.encounter, this.size);
    this.from = grow(this.from, this.size);
    this.order = grow(this.order, this.size);
    this.rank = grow(this.rank, this.size);
  }

  /** Fills order[first..end) with rows first..end-1 sorted by time, stably (insertion sort: counts are tiny), and rank as its inverse. */
  sortFrom(first: number, end: number): void {
    const { order, time } = this;
    for (let i = first; i < end; i++) order[i] = i;
    for (let i = first + 1; i < end; i++) {
      const item = order[i]!;
      const value = time[item]!;
      let j = i - 1;
      while (j >= first && time[order[j]!]! > value) {
        order[j + 1] = order[j]!;
        j--;
      }
      order[j + 1] = item;
    }
    for (let r = first; r < end; r++) this.rank[order[r]!] = r;
  }
}
