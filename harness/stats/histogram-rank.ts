import { bucketValue, type Histogram } from './histogram.ts';

/**
 * Looks up order statistics of a histogram: `valueAtRank(r)` estimates the value of 0-based
 * rank r of the recorded values (r = 0 → exact min, r = count − 1 → exact max; otherwise
 * the bucket's value 2γ^i/(γ+1) clamped to [min, max], within (γ−1)/(γ+1) relative; the
 * zero bucket reads as min). Building costs O(buckets); each lookup O(log buckets) by
 * binary search over cumulative counts.
 */
export function createRankLookup(h: Histogram): (rank: number) => number {
  const indices: number[] = [];
  const cumulative: number[] = [];
  let total = h.zeroCount;
  for (let i = 0; i < h.counts.length; i++) {
    const c = h.counts[i] as number;
    if (c === 0) continue;
    total += c;
    indices.push(h.offset + i);
    cumulative.push(total);
  }
  const { count, min, max, zeroCount } = h;
  return (rank: number): number => {
    if (!(rank >= 0 && rank < count) || !Number.isInteger(rank)) {
      throw new RangeError(`rank must be an integer in [0, ${count - 1}], got ${rank}`);
    }
    if (rank === 0) return min;
    if (rank === count - 1) return max;
    if (rank < zeroCount) return min;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((cumulative[mid] as number) > rank) high = mid;
      else low = mid + 1;
    }
    const value = bucketValue(h, indices[low] as number);
    return Math.min(max, Math.max(min, value));
  };
}
