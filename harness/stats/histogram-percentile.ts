import type { Histogram } from './histogram.ts';
import { createRankLookup } from './histogram-rank.ts';

/**
 * Percentile from a histogram with the same convention as `of.percentile` (R type 7: linear
 * interpolation at 0-based rank p·(n−1)), reading each order statistic from its bucket, so
 * it is within (γ−1)/(γ+1) (0.99% at γ = 1.02) of the exact type-7 percentile of the values
 * recorded; p = 0 and p = 1 give the exact min and max. `p` is a fraction in [0, 1].
 * Cost O(buckets).
 */
export function histogramPercentile(h: Histogram, p: number): number {
  if (!(p >= 0 && p <= 1)) {
    throw new RangeError(`percentile p must be a fraction in [0, 1] (0.95 for p95), got ${p}`);
  }
  if (h.count === 0) throw new RangeError('percentile of an empty histogram');
  const valueAtRank = createRankLookup(h);
  const rank = p * (h.count - 1);
  const below = Math.floor(rank);
  const lower = valueAtRank(below);
  const fraction = rank - below;
  if (fraction === 0) return lower;
  return lower + fraction * (valueAtRank(below + 1) - lower);
}
