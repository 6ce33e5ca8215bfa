import type { EstimateInterval } from './estimate-interval.ts';
import type { Histogram } from './histogram.ts';
import { histogramPercentile } from './histogram-percentile.ts';
import { createRankLookup } from './histogram-rank.ts';
import { twoSidedZ } from './normal-distribution.ts';
import { percentileSorted } from './percentile.ts';

export interface PercentileInterval extends EstimateInterval {
  /** 1-based ranks of the order statistics used as bounds. */
  readonly lowerRank: number;
  readonly upperRank: number;
  /** True when a rank fell outside 1…n and was clamped: real coverage is then below nominal. */
  readonly clamped: boolean;
}

/**
 * Distribution-free confidence interval for the p-quantile from order statistics: the
 * number of values below the true quantile is Binomial(n, p); with its normal
 * approximation the bounds are x_(r) and x_(s), r = round(np − z√(np(1−p))),
 * s = round(1 + np + z√(np(1−p))) (Campbell & Gardner, BMJ 1988;296:1454, "Calculating
 * confidence intervals for some non-parametric analyses"). For n = 100, p = ½ this gives
 * x_(40)…x_(61), the exact binomial answer. The estimate is the type-7 percentile.
 * Cost O(1) on sorted input.
 */
export function percentileIntervalSorted(sorted: readonly number[], p: number, confidence = 0.95): PercentileInterval {
  const estimate = percentileSorted(sorted, p);
  const ranks = intervalRanks(sorted.length, p, confidence);
  return {
    estimate,
    lower: sorted[ranks.lowerRank - 1] as number,
    upper: sorted[ranks.upperRank - 1] as number,
    confidence,
    ...ranks,
  };
}

/** As `percentileIntervalSorted` on an unsorted sample (copied, not mutated). Cost O(n log n). */
export function percentileInterval(values: readonly number[], p: number, confidence = 0.95): PercentileInterval {
  const sorted = Array.from(Float64Array.from(values).sort());
  return percentileIntervalSorted(sorted, p, confidence);
}

/**
 * The same interval from a histogram: the bound order statistics are read from their
 * buckets (each within the histogram's relative error). Cost O(buckets).
 */
export function histogramPercentileInterval(h: Histogram, p: number, confidence = 0.95): PercentileInterval {
  const estimate = histogramPercentile(h, p);
  const ranks = intervalRanks(h.count, p, confidence);
  const valueAtRank = createRankLookup(h);
  return {
    estimate,
    lower: valueAtRank(ranks.lowerRank - 1),
    upper: valueAtRank(ranks.upperRank - 1),
    confidence,
    ...ranks,
  };
}

function intervalRanks(
  n: number,
  p: number,
  confidence: number,
): { lowerRank: number; upperRank: number; clamped: boolean } {
  const z = twoSidedZ(confidence);
  const spread = z * Math.sqrt(n * p * (1 - p));
  const r = Math.round(n * p - spread);
  const s = Math.round(1 + n * p + spread);
  const lowerRank = Math.min(n, Math.max(1, r));
  const upperRank = Math.min(n, Math.max(1, s));
  return { lowerRank, upperRank, clamped: r < 1 || s > n };
}
