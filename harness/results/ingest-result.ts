import { DEFAULT_GAMMA } from '../stats/index.ts';
import {
  cloneAggregate,
  createAggregate,
  mergeAggregate,
  type Aggregate,
  type MetricKind,
} from './series-aggregate.ts';

/**
 * Tags that split a metric into series by default (docs/METRICS.md). Never all tags: `url`,
 * `method`, `group`, `proto` … would multiply series without telling a person anything.
 */
export const DEFAULT_TAG_KEYS: readonly string[] = [
  'step',
  'actor',
  'status',
  'name',
  'scenario',
  'outcome',
  'reason',
  'reentry',
  'expected_response',
  'kind',
  'result',
  'ring',
  'bypass',
];

/** Per-second Trend buckets use coarser histograms (≤ 2.4% relative error) to keep memory low. */
export const DEFAULT_BUCKET_GAMMA = 1.05;

/** Above this many series for one metric, a warning says a tag probably carries ids or URLs. */
export const DEFAULT_MAX_SERIES_PER_METRIC = 1000;

export interface RecordedMetric {
  readonly name: string;
  readonly kind: MetricKind;
  /** k6's `contains`: `time` (ms), `data` (bytes) or `default`. */
  readonly contains: string;
}

/** One metric with one combination of the kept tags. */
export interface RecordedSeries {
  readonly key: string;
  readonly metric: string;
  readonly kind: MetricKind;
  /** The kept tags this series carries (absent tags are left out). */
  readonly tags: Readonly<Record<string, string>>;
  /** Every sample of the run. */
  readonly total: Aggregate;
  /** Samples per wall-clock second: epoch second → aggregate. */
  readonly perSecond: Map<number, Aggregate>;
}

/**
 * What ingest learned from k6's raw output. Built by `ingestK6Output`; merge several with
 * `mergeIngestResults`. Holds aggregates only, never samples, so its size depends on the
 * number of series × seconds, not on the number of samples.
 */
export interface IngestResult {
  readonly tagKeys: readonly string[];
  readonly histogramGamma: number;
  readonly bucketHistogramGamma: number;
  readonly metrics: Map<string, RecordedMetric>;
  readonly series: Map<string, RecordedSeries>;
  /** Times of the first and last sample, ms since the epoch; null when there was none. */
  firstSampleMs: number | null;
  lastSampleMs: number | null;
  samples: number;
  lines: number;
  /** Lines the fast reader handed to JSON.parse. */
  slowLines: number;
  /** Lines that were not k6 JSON at all (skipped, counted). */
  badLines: number;
  readonly sources: string[];
  readonly warnings: string[];
  /**
   * People's queue waits one by one (`sr_queue_wait{actor:person}`: admission time and wait),
   * kept up to MAX_QUEUE_WAIT_SAMPLES for the fairness figure; the one exception to
   * "aggregates only", bounded by the number of people, not the length of the run.
   */
  readonly queueWaitSamples: QueueWaitSample[];
  queueWaitSamplesDropped: number;
}

/** One person's admission: when it happened and how long they had waited, ms. */
export interface QueueWaitSample {
  readonly admittedAtMs: number;
  readonly waitMs: number;
}

/** At most this many queue-wait samples are kept (about 1.6 MB). */
export const MAX_QUEUE_WAIT_SAMPLES = 100_000;

/** Keeps one queue-wait sample, or counts it as dropped past the cap. */
export function keepQueueWaitSample(result: IngestResult, sample: QueueWaitSample): void {
  if (result.queueWaitSamples.length < MAX_QUEUE_WAIT_SAMPLES) result.queueWaitSamples.push(sample);
  else result.queueWaitSamplesDropped += 1;
}

export interface CreateIngestResultOptions {
  /** Tags that split series; default DEFAULT_TAG_KEYS. */
  readonly tagKeys?: readonly string[];
  /** γ of run-level Trend histograms; default stats' DEFAULT_GAMMA (≤ 0.99% error). */
  readonly histogramGamma?: number;
  /** γ of per-second Trend histograms; default DEFAULT_BUCKET_GAMMA. */
  readonly bucketHistogramGamma?: number;
}

const SEPARATOR = '\u0001';
const ABSENT = '\u0002';

export function createIngestResult(options: CreateIngestResultOptions = {}): IngestResult {
  return {
    tagKeys: [...(options.tagKeys ?? DEFAULT_TAG_KEYS)],
    histogramGamma: options.histogramGamma ?? DEFAULT_GAMMA,
    bucketHistogramGamma: options.bucketHistogramGamma ?? DEFAULT_BUCKET_GAMMA,
    metrics: new Map(),
    series: new Map(),
    firstSampleMs: null,
    lastSampleMs: null,
    samples: 0,
    lines: 0,
    slowLines: 0,
    badLines: 0,
    sources: [],
    warnings: [],
    queueWaitSamples: [],
    queueWaitSamplesDropped: 0,
  };
}

/** The map key of a series: metric and the kept tags' values in tagKeys order. */
export function seriesKey(metric: string, tagValues: readonly (string | undefined)[]): string {
  let key = metric;
  for (const value of tagValues) key += SEPARATOR + (value ?? ABSENT);
  return key;
}

const kinds = new Set<string>(['counter', 'gauge', 'rate', 'trend']);

/** Records what a `Metric` line declares (type and unit). */
export function declareMetric(result: IngestResult, name: string, type: string, contains: string): void {
  if (result.metrics.has(name)) return;
  const kind = kinds.has(type) ? (type as MetricKind) : 'trend';
  if (kind !== type) result.warnings.push(`metric ${name} has unknown type "${type}"; read as a trend`);
  result.metrics.set(name, { name, kind, contains });
}

/** Adds a new, empty series (its kind from the metric's declaration). */
export function createSeries(
  result: IngestResult,
  metric: string,
  tagValues: readonly (string | undefined)[],
): RecordedSeries {
  let declared = result.metrics.get(metric);
  if (declared === undefined) {
    result.warnings.push(`metric ${metric} had samples before its declaration; read as a trend`);
    declareMetric(result, metric, 'trend', 'default');
    declared = result.metrics.get(metric) as RecordedMetric;
  }
  const tags: Record<string, string> = {};
  result.tagKeys.forEach((tagKey, index) => {
    const value = tagValues[index];
    if (value !== undefined) tags[tagKey] = value;
  });
  const key = seriesKey(metric, tagValues);
  const series: RecordedSeries = {
    key,
    metric,
    kind: declared.kind,
    tags,
    total: createAggregate(declared.kind, result.histogramGamma),
    perSecond: new Map(),
  };
  result.series.set(key, series);
  return series;
}

/** Notes a sample's time in the run's first/last sample times. */
export function noteSampleTime(result: IngestResult, timeMs: number): void {
  result.samples++;
  if (result.firstSampleMs === null || timeMs < result.firstSampleMs) result.firstSampleMs = timeMs;
  if (result.lastSampleMs === null || timeMs > result.lastSampleMs) result.lastSampleMs = timeMs;
}

/** Adds a warning for each metric split into more series than `limit`. */
export function warnAboutSeriesCount(result: IngestResult, limit = DEFAULT_MAX_SERIES_PER_METRIC): void {
  const perMetric = new Map<string, number>();
  for (const series of result.series.values()) perMetric.set(series.metric, (perMetric.get(series.metric) ?? 0) + 1);
  for (const [metric, count] of perMetric) {
    if (count > limit) {
      result.warnings.push(
        `metric ${metric} is split into ${count} series: a kept tag (often name) probably carries ids or URLs; ` +
          'set a name tag per step or keep fewer tags',
      );
    }
  }
}

/**
 * Merges ingests of several raw files (several k6 instances, or one file read in parts) into
 * a new result; the inputs are left alone. Exact: counts and histogram buckets add up. All
 * inputs must keep the same tags and histogram γ.
 */
export function mergeIngestResults(results: readonly IngestResult[]): IngestResult {
  const first = results[0];
  const merged = createIngestResult(
    first
      ? {
          tagKeys: first.tagKeys,
          histogramGamma: first.histogramGamma,
          bucketHistogramGamma: first.bucketHistogramGamma,
        }
      : {},
  );
  for (const result of results) {
    if (result.tagKeys.join(SEPARATOR) !== merged.tagKeys.join(SEPARATOR)) {
      throw new RangeError(`cannot merge ingests that keep different tags (${result.tagKeys} vs ${merged.tagKeys})`);
    }
    for (const metric of result.metrics.values()) declareMetric(merged, metric.name, metric.kind, metric.contains);
    for (const sample of result.queueWaitSamples) keepQueueWaitSample(merged, sample);
    merged.queueWaitSamplesDropped += result.queueWaitSamplesDropped;
    for (const series of result.series.values()) {
      let target = merged.series.get(series.key);
      if (target === undefined) {
        target = {
          key: series.key,
          metric: series.metric,
          kind: series.kind,
          tags: { ...series.tags },
          total: createAggregate(series.kind, merged.histogramGamma),
          perSecond: new Map(),
        };
        merged.series.set(series.key, target);
      }
      mergeAggregate(target.total, series.total);
      for (const [second, bucket] of series.perSecond) {
        const existing = target.perSecond.get(second);
        if (existing === undefined) target.perSecond.set(second, cloneAggregate(bucket));
        else mergeAggregate(existing, bucket);
      }
    }
    if (result.firstSampleMs !== null) {
      merged.firstSampleMs = Math.min(merged.firstSampleMs ?? Infinity, result.firstSampleMs);
    }
    if (result.lastSampleMs !== null) {
      merged.lastSampleMs = Math.max(merged.lastSampleMs ?? -Infinity, result.lastSampleMs);
    }
    merged.samples += result.samples;
    merged.lines += result.lines;
    merged.slowLines += result.slowLines;
    merged.badLines += result.badLines;
    merged.sources.push(...result.sources);
    merged.warnings.push(...result.warnings);
  }
  return merged;
}
