/**
 * harness/stats — the stage's whole public API. Pure functions: no Node built-ins, no I/O.
 * Percentiles use R type 7 (k6's convention) everywhere; `p` is a fraction in [0, 1].
 */
export { percentile, percentileSorted } from './percentile.ts';
export {
  createHistogram,
  recordValue,
  histogramFromValues,
  histogramCount,
  histogramMean,
  DEFAULT_GAMMA,
  DEFAULT_MIN_TRACKABLE_VALUE,
  type Histogram,
  type CreateHistogramOptions,
} from './histogram.ts';
export { mergeHistograms, mergeInto } from './histogram-merge.ts';
export { histogramPercentile } from './histogram-percentile.ts';
export {
  histogramToJson,
  histogramFromJson,
  histogramJsonSchema,
  HISTOGRAM_JSON_FORMAT,
  type HistogramJson,
} from './histogram-json.ts';
export type { TargetVerdict, Verdict, Comparator } from './target-verdict.ts';
