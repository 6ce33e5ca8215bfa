import {
  createHistogram,
  histogramToJson,
  mergeInto,
  recordValue,
  type Histogram,
  type HistogramJson,
} from '../stats/index.ts';

/** k6's four metric types. */
export type MetricKind = 'counter' | 'gauge' | 'rate' | 'trend';

/** Trend: every value in a mergeable histogram (count, sum, min and max exact inside it). */
export interface TrendAggregate {
  readonly kind: 'trend';
  readonly histogram: Histogram;
  /** Values below zero, which a latency histogram cannot hold; counted, not recorded. */
  negative: number;
}
/** Counter: number of samples and the sum of their values (what k6 calls `count`). */
export interface CounterAggregate {
  readonly kind: 'counter';
  count: number;
  sum: number;
}
/** Rate: samples, and how many were non-zero (k6's `passes`). */
export interface RateAggregate {
  readonly kind: 'rate';
  count: number;
  nonZero: number;
}
/** Gauge: the last value (by sample time) and the extremes. */
export interface GaugeAggregate {
  readonly kind: 'gauge';
  count: number;
  sum: number;
  last: number;
  lastTimeMs: number;
  min: number;
  max: number;
}
export type Aggregate = TrendAggregate | CounterAggregate | RateAggregate | GaugeAggregate;

export function createAggregate(kind: MetricKind, histogramGamma: number): Aggregate {
  switch (kind) {
    case 'trend':
      return { kind, histogram: createHistogram({ gamma: histogramGamma }), negative: 0 };
    case 'counter':
      return { kind, count: 0, sum: 0 };
    case 'rate':
      return { kind, count: 0, nonZero: 0 };
    case 'gauge':
      return { kind, count: 0, sum: 0, last: NaN, lastTimeMs: -Infinity, min: Infinity, max: -Infinity };
  }
}

/** Adds one sample (mutates `aggregate`). O(1). */
export function addSample(aggregate: Aggregate, value: number, timeMs: number): void {
  switch (aggregate.kind) {
    case 'trend':
      if (value >= 0 && value < Infinity) recordValue(aggregate.histogram, value);
      else aggregate.negative++;
      return;
    case 'counter':
      aggregate.count++;
      aggregate.sum += value;
      return;
    case 'rate':
      aggregate.count++;
      if (value !== 0) aggregate.nonZero++;
      return;
    case 'gauge':
      aggregate.count++;
      aggregate.sum += value;
      if (timeMs >= aggregate.lastTimeMs) {
        aggregate.last = value;
        aggregate.lastTimeMs = timeMs;
      }
      if (value < aggregate.min) aggregate.min = value;
      if (value > aggregate.max) aggregate.max = value;
      return;
  }
}

/** Adds `source` into `target` (mutates `target`); exact for every kind. */
export function mergeAggregate(target: Aggregate, source: Aggregate): void {
  if (target.kind !== source.kind) {
    throw new RangeError(`cannot merge a ${source.kind} into a ${target.kind}`);
  }
  if (target.kind === 'trend' && source.kind === 'trend') {
    mergeInto(target.histogram, source.histogram);
    target.negative += source.negative;
  } else if (target.kind === 'counter' && source.kind === 'counter') {
    target.count += source.count;
    target.sum += source.sum;
  } else if (target.kind === 'rate' && source.kind === 'rate') {
    target.count += source.count;
    target.nonZero += source.nonZero;
  } else if (target.kind === 'gauge' && source.kind === 'gauge') {
    target.count += source.count;
    target.sum += source.sum;
    if (source.lastTimeMs >= target.lastTimeMs) {
      target.last = source.last;
      target.lastTimeMs = source.lastTimeMs;
    }
    target.min = Math.min(target.min, source.min);
    target.max = Math.max(target.max, source.max);
  }
}

/** A copy that shares nothing with `aggregate`. */
export function cloneAggregate(aggregate: Aggregate): Aggregate {
  if (aggregate.kind === 'trend') {
    const copy = createAggregate('trend', aggregate.histogram.gamma) as TrendAggregate;
    mergeAggregate(copy, aggregate);
    return copy;
  }
  return { ...aggregate };
}

/** Plain-JSON form of an aggregate (histograms in stats' compact form). */
export type AggregateJson =
  | { kind: 'trend'; histogram: HistogramJson; negative: number }
  | { kind: 'counter'; count: number; sum: number }
  | { kind: 'rate'; count: number; nonZero: number }
  | {
      kind: 'gauge';
      count: number;
      sum: number;
      last: number | null;
      lastTimeMs: number | null;
      min: number | null;
      max: number | null;
    };

export function aggregateToJson(aggregate: Aggregate): AggregateJson {
  switch (aggregate.kind) {
    case 'trend':
      return { kind: 'trend', histogram: histogramToJson(aggregate.histogram), negative: aggregate.negative };
    case 'counter':
      return { kind: 'counter', count: aggregate.count, sum: aggregate.sum };
    case 'rate':
      return { kind: 'rate', count: aggregate.count, nonZero: aggregate.nonZero };
    case 'gauge': {
      const empty = aggregate.count === 0;
      return {
        kind: 'gauge',
        count: aggregate.count,
        sum: aggregate.sum,
        last: empty ? null : aggregate.last,
        lastTimeMs: empty ? null : aggregate.lastTimeMs,
        min: empty ? null : aggregate.min,
        max: empty ? null : aggregate.max,
      };
    }
  }
}
