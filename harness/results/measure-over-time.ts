import type { IngestResult } from './ingest-result.ts';
import { readStat } from './measure.ts';
import { mergeSelectedPerSecond, selectSeries } from './select-series.ts';

/** One point of a per-second series: the second's start (ms since the epoch) and its figure. */
export interface TimePoint {
  readonly timeMs: number;
  readonly value: number | null;
}

/**
 * `stat` of the samples a selector matches, second by second (for charts): Counter `count`
 * is the events in that second (so also a per-second rate), Trend percentiles come from the
 * per-second histograms (their own, coarser error bound: IngestResult.bucketHistogramGamma).
 * Seconds without samples are left out. Returns [] when the selector matches no metric.
 */
export function measureOverTime(ingest: IngestResult, selector: string, stat: string): TimePoint[] {
  const selected = selectSeries(ingest, selector);
  if (selected === null) return [];
  const points: TimePoint[] = [];
  for (const [second, aggregate] of mergeSelectedPerSecond(selected)) {
    points.push({ timeMs: second * 1000, value: readStat(aggregate, stat, 1, selector).value });
  }
  return points;
}
