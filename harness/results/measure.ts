import { UsageError } from '../errors.ts';
import {
  histogramPercentile,
  histogramPercentileInterval,
  poissonRateInterval,
  wilsonInterval,
  type TargetStat,
} from '../stats/index.ts';
import type { IngestResult } from './ingest-result.ts';
import { mergeSelectedTotals, selectSeries } from './select-series.ts';
import type { Aggregate } from './series-aggregate.ts';

/** A figure measured from a run, with its 95% confidence interval when one is meaningful. */
export interface Measurement {
  /** null when nothing matching was recorded (then a target on it is inconclusive). */
  readonly value: number | null;
  readonly interval: readonly [number, number] | null;
  /** Samples the figure rests on (for share: the denominator's count). */
  readonly samples: number;
}

const percentileStat = /^p(\d{1,2}(?:\.\d+)?)$/;

/**
 * Events an aggregate counts, the numerator/denominator of `share`: a Counter's summed
 * values, a Rate's non-zero samples, a Trend's or Gauge's number of samples.
 */
export function aggregateEvents(aggregate: Aggregate): number {
  switch (aggregate.kind) {
    case 'counter':
      return aggregate.sum;
    case 'rate':
      return aggregate.nonZero;
    case 'trend':
      return aggregate.histogram.count;
    case 'gauge':
      return aggregate.count;
  }
}

/**
 * Reads one statistic from an aggregate. Percentiles are type 7 read from the histogram
 * (≤ 1% relative error) with a distribution-free order-statistic interval; `rate` is the share
 * of non-zero samples of a Rate (Wilson interval) or a Counter's sum per second over
 * `durationSeconds` (Poisson score interval); `count` is a Counter's sum, a Rate's non-zero
 * samples, a Trend's samples. Throws a UsageError for a statistic the metric type lacks.
 */
export function readStat(aggregate: Aggregate, stat: string, durationSeconds: number, what = 'metric'): Measurement {
  const percentile = percentileStat.exec(stat);
  if (aggregate.kind === 'trend') {
    const h = aggregate.histogram;
    const samples = h.count;
    if (stat === 'count') return { value: samples, interval: null, samples };
    if (samples === 0) {
      if (percentile || stat === 'min' || stat === 'max' || stat === 'of.mean')
        return { value: null, interval: null, samples };
    } else if (percentile) {
      const p = Number(percentile[1]) / 100;
      const interval = histogramPercentileInterval(h, p);
      return { value: histogramPercentile(h, p), interval: [interval.lower, interval.upper], samples };
    } else if (stat === 'min') return { value: h.min, interval: null, samples };
    else if (stat === 'max') return { value: h.max, interval: null, samples };
    else if (stat === 'of.mean') return { value: h.sum / samples, interval: null, samples };
  } else if (aggregate.kind === 'counter') {
    const samples = aggregate.count;
    if (stat === 'count') return { value: aggregate.sum, interval: null, samples };
    if (stat === 'of.mean') return { value: samples === 0 ? null : aggregate.sum / samples, interval: null, samples };
    if (stat === 'rate') {
      if (!(durationSeconds > 0)) return { value: null, interval: null, samples };
      const value = aggregate.sum / durationSeconds;
      if (!Number.isInteger(aggregate.sum) || aggregate.sum < 0) return { value, interval: null, samples };
      const interval = poissonRateInterval(aggregate.sum, durationSeconds);
      return { value, interval: [interval.lower, interval.upper], samples };
    }
  } else if (aggregate.kind === 'rate') {
    const samples = aggregate.count;
    if (stat === 'count') return { value: aggregate.nonZero, interval: null, samples };
    if (stat === 'rate' || stat === 'of.mean') {
      if (samples === 0) return { value: null, interval: null, samples };
      const interval = wilsonInterval(aggregate.nonZero, samples);
      return { value: aggregate.nonZero / samples, interval: [interval.lower, interval.upper], samples };
    }
  } else {
    const samples = aggregate.count;
    const empty = samples === 0;
    if (stat === 'count') return { value: samples, interval: null, samples };
    if (stat === 'min') return { value: empty ? null : aggregate.min, interval: null, samples };
    if (stat === 'max') return { value: empty ? null : aggregate.max, interval: null, samples };
    if (stat === 'of.mean') return { value: empty ? null : aggregate.sum / samples, interval: null, samples };
    if (stat === 'last') return { value: empty ? null : aggregate.last, interval: null, samples };
  }
  throw new UsageError(
    'results.stat-not-available',
    `statistic "${stat}" is not available for ${what} (a ${aggregate.kind})`,
    [
      'trends: p50 … p99, min, max, mean, count · counters: count, rate, mean · rates: rate, count · gauges: min, max, mean, last, count',
    ],
  );
}

/** Seconds between the first and last sample of the run (0 when fewer than two samples). */
export function runDurationSeconds(ingest: IngestResult): number {
  if (ingest.firstSampleMs === null || ingest.lastSampleMs === null) return 0;
  return (ingest.lastSampleMs - ingest.firstSampleMs) / 1000;
}

/**
 * Measures `stat` of the samples a selector matches (docs/METRICS.md), e.g.
 * `measure(ingest, 'http_req_duration{step:checkout}', 'p95')`. For `share`, `of` is the
 * denominator selector: events(selector) / events(of), with a Wilson interval.
 * A `count` with no matching sample is 0, resting on all the run's samples (a journey Counter
 * that never fired); other statistics are then null (inconclusive). Returns null when a
 * selector matches no recorded metric (the caller turns that into an error, never a pass).
 */
export function measure(
  ingest: IngestResult,
  selector: string,
  stat: TargetStat | string,
  of?: string,
): Measurement | null {
  const selected = selectSeries(ingest, selector);
  if (selected === null) return null;
  const total = mergeSelectedTotals(ingest, selected);
  if (stat !== 'share') {
    const measured = readStat(total, stat, runDurationSeconds(ingest), selector);
    // A count is exact over the whole run: none of the run's samples matched, so it is 0.
    if (stat === 'count' && measured.samples === 0) return { value: 0, interval: null, samples: ingest.samples };
    return measured;
  }
  if (of === undefined) {
    throw new UsageError(
      'results.share-without-of',
      `statistic "share" of ${selector} needs "of", the denominator selector`,
      ["e.g. of: 'sr_arrivals{actor:person}'"],
    );
  }
  const denominatorSeries = selectSeries(ingest, of);
  if (denominatorSeries === null) return null;
  const numerator = aggregateEvents(total);
  const denominator = aggregateEvents(mergeSelectedTotals(ingest, denominatorSeries));
  if (denominator === 0) return { value: null, interval: null, samples: 0 };
  const value = numerator / denominator;
  const integral =
    Number.isInteger(numerator) && Number.isInteger(denominator) && numerator >= 0 && numerator <= denominator;
  if (!integral) return { value, interval: null, samples: denominator };
  const interval = wilsonInterval(numerator, denominator);
  return { value, interval: [interval.lower, interval.upper], samples: denominator };
}
