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
export { mergeHistograms, mergeInto, mergeIntoCoarser } from './histogram-merge.ts';
export { histogramPercentile } from './histogram-percentile.ts';
export {
  histogramToJson,
  histogramFromJson,
  histogramJsonSchema,
  HISTOGRAM_JSON_FORMAT,
  type HistogramJson,
} from './histogram-json.ts';

export type { EstimateInterval } from './estimate-interval.ts';
export { wilsonInterval } from './wilson-interval.ts';
export { poissonRateInterval } from './poisson-rate-interval.ts';
export { meanInterval, type MeanInterval } from './mean-interval.ts';
export {
  percentileInterval,
  percentileIntervalSorted,
  histogramPercentileInterval,
  type PercentileInterval,
} from './percentile-interval.ts';

export { twoProportionTest, type TwoProportionTest } from './two-proportion-test.ts';
export {
  blockBootstrapPercentileDifference,
  type BlockedHistogram,
  type BootstrapOptions,
  type BootstrapDifference,
} from './block-bootstrap-percentile.ts';

export { normalCdf, normalQuantile, normalTwoSidedP, twoSidedZ } from './normal-distribution.ts';
export { studentTCdf, studentTQuantile } from './student-t-distribution.ts';
export { createMulberry32 } from '../random.ts';

export type { TargetVerdict, Verdict, Comparator, VerdictReason } from './target-verdict.ts';
export {
  defaultMinSamples,
  percentileOfStat,
  type PercentileStat,
  type TargetMeasurement,
  type TargetSpec,
  type TargetStat,
} from './target-spec.ts';
export { compareWithThreshold } from './compare-with-threshold.ts';
export { evaluateTarget } from './evaluate-target.ts';
export { describeTarget, describeStatistic, type DescribedTarget } from './describe-target.ts';
export type { TargetSubject, TargetVerb } from './target-subject.ts';
export { summarizeVerdicts } from './summarize-verdicts.ts';
export { MissingMetricError, assertMeasured } from './missing-metric-error.ts';
export { countOrderInversions } from './order-inversions.ts';
export type { OrderInversions, OrderSample } from './order-inversions.ts';
export { histogramCountAtLeast } from './histogram-count-above.ts';
export { holmAdjust, holmReject } from './holm-bonferroni.ts';
export { comparePoissonRates, type PoissonRateComparison } from './poisson-rate-comparison.ts';
export { bootstrapPercentileTest, type BootstrapPercentileTest } from './bootstrap-percentile-test.ts';
export { fitLinearTrend, projectTrend, type LinearTrend, type TrendProjection } from './linear-trend.ts';
export { sampleStandardNormal } from './random-variates.ts';
export {
  kaplanMeier,
  survivalAt,
  type KaplanMeierCurve,
  type KaplanMeierOptions,
  type KaplanMeierStep,
} from './kaplan-meier.ts';
export { kaplanMeierQuantile, type KaplanMeierQuantile } from './kaplan-meier-quantile.ts';
