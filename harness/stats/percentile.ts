/**
 * Percentile of a sample: linear interpolation between order statistics at 0-based rank
 * p·(n−1), Hyndman & Fan (1996) definition 7 (R `quantile(type = 7)`, numpy's default,
 * k6's Trend percentiles). `p` is a fraction in [0, 1] (0.95 for p95), not 95.
 * Cost: O(n log n) for the sort in `of.percentile`, O(1) for `percentileSorted`.
 */
export function percentileSorted(sorted: ArrayLike<number>, p: number): number {
  checkFraction(p);
  const n = sorted.length;
  if (n === 0) throw new RangeError('percentile of an empty sample');
  const rank = p * (n - 1);
  const below = Math.floor(rank);
  const lower = sorted[below] as number;
  const fraction = rank - below;
  if (fraction === 0) return lower;
  const upper = sorted[below + 1] as number;
  return lower + fraction * (upper - lower);
}

/** As `percentileSorted`, on an unsorted sample; the input is copied, never mutated. */
export function percentile(values: readonly number[], p: number): number {
  checkFraction(p);
  const sorted = Float64Array.from(values).sort();
  return percentileSorted(sorted, p);
}

function checkFraction(p: number): void {
  if (!(p >= 0 && p <= 1)) {
    throw new RangeError(`percentile p must be a fraction in [0, 1] (0.95 for p95), got ${p}`);
  }
}
