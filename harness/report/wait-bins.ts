import type { Aggregate } from '../results/index.ts';

export interface WaitBin {
  readonly fromMs: number;
  readonly toMs: number;
  readonly count: number;
}

/**
 * The distribution of waits as at most `maxBins` bins of equal width on a log scale, in sale
 * time (bounds × k), read from the run's merged histogram: its buckets (γ^(i−1), γ^i] are
 * grouped in runs of ⌈buckets / maxBins⌉; waits at or below the histogram's smallest
 * trackable value form a first bin from 0. Cost O(buckets).
 */
export function waitBins(aggregate: Aggregate | null, timeScale: number, maxBins = 30): WaitBin[] {
  if (aggregate === null || aggregate.kind !== 'trend' || aggregate.histogram.count === 0) return [];
  const h = aggregate.histogram;
  const bins: WaitBin[] = [];
  if (h.zeroCount > 0) bins.push({ fromMs: 0, toMs: h.minTrackableValue * timeScale, count: h.zeroCount });
  let first = 0;
  while (first < h.counts.length && h.counts[first] === 0) first++;
  let last = h.counts.length - 1;
  while (last >= first && h.counts[last] === 0) last--;
  if (first > last) return bins;
  const group = Math.ceil((last - first + 1) / maxBins);
  for (let start = first; start <= last; start += group) {
    let count = 0;
    for (let i = start; i < Math.min(start + group, last + 1); i++) count += h.counts[i] as number;
    const lowIndex = h.offset + start - 1;
    const highIndex = h.offset + start + group - 1;
    bins.push({ fromMs: h.gamma ** lowIndex * timeScale, toMs: h.gamma ** highIndex * timeScale, count });
  }
  return bins;
}
