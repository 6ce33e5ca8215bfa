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
  const merged = createHistogram(first ? { gamma: first.gamma, minTrackableValue: first.minTrackableValue } : {});
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

/**
 * Source index → target index + 1 (0: not computed yet), for the last pair of γs seen: a
 * lookup instead of a log per bucket. Indices from −TABLE_HALF to TABLE_HALF − 1 are cached
 * (γ 1.02: values from 10⁻¹⁷ to 10¹⁷ ms); others are computed each time.
 */
const TABLE_HALF = 2048;
const coarserIndex = { sourceGamma: NaN, targetGamma: NaN, table: new Int32Array(2 * TABLE_HALF) };

/**
 * Adds `source` into a `target` of coarser γ (MUTATES `target`, leaves `source` alone): each
 * source bucket's count goes to the target bucket that holds the source bucket's read-back
 * value 2γₛⁱ/(γₛ+1). count, sum, zero count, min and max stay exact; a value read back from
 * the target is within (γₜ−1)/(γₜ+1) + (γₛ−1)/(γₛ+1) of the truth (3.4% for γₜ 1.05 over
 * γₛ 1.02), as rounding twice can add both errors. Cost O(buckets of source).
 */
export function mergeIntoCoarser(target: Histogram, source: Histogram): Histogram {
  if (target.gamma === source.gamma) return mergeInto(target, source);
  if (source.count === 0) return target;
  if (coarserIndex.sourceGamma !== source.gamma || coarserIndex.targetGamma !== target.gamma) {
    coarserIndex.sourceGamma = source.gamma;
    coarserIndex.targetGamma = target.gamma;
    coarserIndex.table.fill(0);
  }
  target.count += source.count;
  target.sum += source.sum;
  target.zeroCount += source.zeroCount;
  if (source.min < target.min) target.min = source.min;
  if (source.max > target.max) target.max = source.max;
  const { table } = coarserIndex;
  const counts = source.counts;
  const targetIndexOf = (sourceIndex: number): number =>
    Math.ceil(Math.log((2 * Math.pow(source.gamma, sourceIndex)) / (source.gamma + 1)) * target.inverseLogGamma);
  let first = 0;
  while (first < counts.length && counts[first] === 0) first++;
  let last = counts.length - 1;
  while (last >= first && counts[last] === 0) last--;
  if (first > last) return target;
  // grow the target once, to the range the source's buckets land in
  ensureBuckets(target, targetIndexOf(source.offset + first), targetIndexOf(source.offset + last));
  for (let i = first; i <= last; i++) {
    const count = counts[i] as number;
    if (count === 0) continue;
    const sourceIndex = source.offset + i;
    const slot = sourceIndex + TABLE_HALF;
    const cached = slot >= 0 && slot < table.length ? (table[slot] as number) : 0;
    let index: number;
    if (cached !== 0) index = cached - 1;
    else {
      index = targetIndexOf(sourceIndex);
      if (slot >= 0 && slot < table.length) table[slot] = index + 1;
    }
    (target.counts[index - target.offset] as number) += count;
  }
  return target;
}
