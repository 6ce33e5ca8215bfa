import type { IngestResult } from './ingest-result.ts';
import { readStat } from './measure.ts';
import { mergeSelectedBuckets, selectSeries } from './select-series.ts';

/** One point of a time series: the bucket's start (ms since the epoch) and its figure. */
export interface TimePoint {
  readonly timeMs: number;
  readonly value: number | null;
}

export interface MeasureOverTimeOptions {
  /** Width of a bucket in seconds (per-second buckets merged exactly); default 1. */
  readonly bucketSeconds?: number;
  /** Where buckets start, ms since the epoch; default the run's first sample (whole second). */
  readonly originMs?: number;
}

/**
 * `stat` of the samples a selector matches, bucket by bucket (for charts): Counter `count`
 * is the events in that bucket, Trend percentiles come from the per-second histograms merged
 * (their own, coarser error bound: IngestResult.bucketHistogramGamma). Buckets without
 * samples are left out. Returns [] when the selector matches no metric.
 */
export function measureOverTime(
  ingest: IngestResult,
  selector: string,
  stat: string,
  options: MeasureOverTimeOptions = {},
): TimePoint[] {
  const selected = selectSeries(ingest, selector);
  if (selected === null) return [];
  const bucketSeconds = Math.max(1, Math.round(options.bucketSeconds ?? 1));
  const originSecond = Math.floor((options.originMs ?? ingest.firstSampleMs ?? 0) / 1000);
  const buckets = mergeSelectedBuckets(selected, bucketSeconds, originSecond);
  const points: TimePoint[] = [];
  for (const [index, aggregate] of buckets) {
    const timeMs = (originSecond + index * bucketSeconds) * 1000;
    points.push({ timeMs, value: readStat(aggregate, stat, bucketSeconds, selector).value });
  }
  return points;
}
