import { createHistogram, ensureBuckets, type Histogram } from './histogram.ts';

/**
 * Adds `source` into `target` bucket by bucket (MUTATES `target`, leaves `source` alone).
 * Exact: the result equals the histogram of both inputs' values recorded together.
 * Both must share γ and minTrackableValue. Cost O(buckets of source).
 */
export function mergeInto(target: Histogram, source: Histogram): Histogram {
  assertCompatible(target, source);
  if (source.count === 0) return target;
  target.count += source.count;
  target.sum += source.sum;
  target.zeroCount += source.zeroCount;
  if (source.min < target.min) target.min = source.min;
  if (source.max > target.max) target.max = source.max;
  const counts = source.counts;
  let first = 0;
  while (first < counts.length && counts[first] === 0) first++;
  let last = counts.length - 1;
  while (last >= first && counts[last] === 0) last--;
  if (first > last) return target;
  ensureBuckets(target, source.offset + first, source.offset + last);
  const shift = source.offset - target.offset;
  for (let i = first; i <= last; i++) {
    (target.counts[i + shift] as number) += counts[i] as number;
  }
  return target;
}

/** Pure merge: a new histogram holding the values of all `histograms`. Cost O(total buckets). */
export function mergeHistograms(...histograms: readonly Histogram[]): Histogram {
  const first = histograms[0];
  const merged = createHistogram(
    first ? { gamma: first.gamma, minTrackableValue: first.minTrackableValue } : {},
  );
  for (const h of histograms) mergeInto(merged, h);
  return merged;
}

function assertCompatible(a: Histogram, b: Histogram): void {
  if (a.gamma !== b.gamma || a.minTrackableValue !== b.minTrackableValue) {
    throw new RangeError(
      `cannot merge histograms with different buckets (gamma ${a.gamma} vs ${b.gamma}, ` +
        `minTrackableValue ${a.minTrackableValue} vs ${b.minTrackableValue})`,
    );
  }
}
