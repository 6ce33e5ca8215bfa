import { bucketIndex, type Histogram } from './histogram.ts';

/**
 * How many recorded values are at least `value`: the buckets from value's own bucket up
 * (that bucket counted whole, so values up to one bucket width (≤ 2% with γ = 1.02) below
 * `value` may be included). Exact when value ≤ min (all) or value > max (none). O(buckets).
 */
export function histogramCountAtLeast(h: Histogram, value: number): number {
  if (h.count === 0 || value > h.max) return 0;
  if (value <= h.min) return h.count;
  if (value <= h.minTrackableValue) return h.count;
  const from = bucketIndex(h, value) - h.offset;
  let count = 0;
  for (let i = Math.max(0, from); i < h.counts.length; i++) count += h.counts[i] as number;
  return count;
}
