/**
 * A mergeable log-bucketed histogram of non-negative values (latencies), after DDSketch
 * (Masson, Rim & Lee, "DDSketch: a fast and fully-mergeable quantile sketch with
 * relative-error guarantees", VLDB 2019). A value v > minTrackableValue goes to bucket
 * i = ⌈log_γ v⌉, which covers (γ^(i−1), γ^i] and is read back as 2γ^i/(γ+1), so every
 * value read back is within (γ−1)/(γ+1) of the truth: 0.99% for the default γ = 1.02.
 * Values ≤ minTrackableValue (default 1e-6, i.e. 1 ns in ms) share one zero bucket.
 * count, sum, min and max are kept exactly.
 *
 * Buckets are one dense Float64Array window `counts[i − offset]` that grows to cover the
 * indices seen: latencies from 1 µs to 1 h span about 1,100 buckets (9 KB). Recording is
 * O(1) amortized (one log, one array increment).
 *
 * A `Histogram` is mutable: `recordValue` and `mergeInto` change the one they are given;
 * every other function leaves its arguments alone. Treat the fields as read-only.
 */
export interface Histogram {
  readonly gamma: number;
  readonly minTrackableValue: number;
  /** 1 / ln γ, kept so recording multiplies instead of dividing. */
  readonly inverseLogGamma: number;
  /** Values recorded, zero bucket included. */
  count: number;
  /** Exact sum of the values recorded. */
  sum: number;
  /** Exact smallest value recorded; +Infinity when empty. */
  min: number;
  /** Exact largest value recorded; −Infinity when empty. */
  max: number;
  /** Values ≤ minTrackableValue. */
  zeroCount: number;
  /** Bucket index of counts[0]. */
  offset: number;
  counts: Float64Array;
}

export interface CreateHistogramOptions {
  /** Bucket growth factor γ > 1; relative error ≤ (γ−1)/(γ+1). Default 1.02 (≤ 0.99%). */
  readonly gamma?: number;
  /** Values at or below this go to the zero bucket. Default 1e-6. */
  readonly minTrackableValue?: number;
}

export const DEFAULT_GAMMA = 1.02;
export const DEFAULT_MIN_TRACKABLE_VALUE = 1e-6;

export function createHistogram(options: CreateHistogramOptions = {}): Histogram {
  const gamma = options.gamma ?? DEFAULT_GAMMA;
  const minTrackableValue = options.minTrackableValue ?? DEFAULT_MIN_TRACKABLE_VALUE;
  if (!(gamma > 1 && gamma < 2)) throw new RangeError(`histogram gamma must be in (1, 2), got ${gamma}`);
  if (!(minTrackableValue > 0)) {
    throw new RangeError(`histogram minTrackableValue must be positive, got ${minTrackableValue}`);
  }
  return {
    gamma,
    minTrackableValue,
    inverseLogGamma: 1 / Math.log(gamma),
    count: 0,
    sum: 0,
    min: Infinity,
    max: -Infinity,
    zeroCount: 0,
    offset: 0,
    counts: new Float64Array(0),
  };
}

/** Bucket index of a value above minTrackableValue: ⌈log_γ v⌉. */
export function bucketIndex(h: Histogram, value: number): number {
  return Math.ceil(Math.log(value) * h.inverseLogGamma);
}

/** The value a bucket is read back as: 2γ^i/(γ+1), the point of least relative error. */
export function bucketValue(h: Histogram, index: number): number {
  return (2 * Math.pow(h.gamma, index)) / (h.gamma + 1);
}

/** Adds one value (mutates `h`). Throws on negative, NaN or infinite values. O(1) amortized. */
export function recordValue(h: Histogram, value: number): void {
  if (!(value >= 0 && value < Infinity)) {
    throw new RangeError(`histogram values must be finite and non-negative, got ${value}`);
  }
  h.count++;
  h.sum += value;
  if (value < h.min) h.min = value;
  if (value > h.max) h.max = value;
  if (value <= h.minTrackableValue) {
    h.zeroCount++;
    return;
  }
  const index = Math.ceil(Math.log(value) * h.inverseLogGamma);
  let position = index - h.offset;
  if (position < 0 || position >= h.counts.length) {
    ensureBuckets(h, index, index);
    position = index - h.offset;
  }
  (h.counts[position] as number)++;
}

/** A new histogram holding `values` (input untouched). */
export function histogramFromValues(values: readonly number[], options?: CreateHistogramOptions): Histogram {
  const h = createHistogram(options);
  for (const value of values) recordValue(h, value);
  return h;
}

/** Grows the bucket window so that indices low…high fit; doubles to keep growth amortized. */
export function ensureBuckets(h: Histogram, low: number, high: number): void {
  const length = h.counts.length;
  if (length > 0 && low >= h.offset && high < h.offset + length) return;
  if (length === 0 && high - low >= 16) {
    // a first window that is already wide (a histogram merged in): exactly that, no slack
    h.counts = new Float64Array(high - low + 1);
    h.offset = low;
    return;
  }
  const currentLow = length === 0 ? low : h.offset;
  const currentHigh = length === 0 ? high : h.offset + length - 1;
  const neededLow = Math.min(low, currentLow);
  const neededHigh = Math.max(high, currentHigh);
  const slack = Math.max(16, length);
  const newLow = neededLow < currentLow ? neededLow - slack : neededLow;
  const newHigh = neededHigh > currentHigh ? neededHigh + slack : neededHigh;
  const grown = new Float64Array(newHigh - newLow + 1);
  if (length > 0) grown.set(h.counts, h.offset - newLow);
  h.counts = grown;
  h.offset = newLow;
}

/** Values recorded. O(1). */
export function histogramCount(h: Histogram): number {
  return h.count;
}

/** Exact arithmetic mean (sum / count). Throws when empty. O(1). */
export function histogramMean(h: Histogram): number {
  if (h.count === 0) throw new RangeError('mean of an empty histogram');
  return h.sum / h.count;
}
