import { UsageError } from '../errors.ts';
import { JOURNEY_STEPS, OUTCOMES } from '../vocabulary.ts';
import type { IngestResult, RecordedSeries } from './ingest-result.ts';
import { parseSelector, selectorMatchesTags, type MetricSelector } from './selector.ts';
import {
  cloneAggregate,
  createAggregate,
  mergeAggregate,
  type Aggregate,
  type MetricKind,
} from './series-aggregate.ts';

/**
 * Metrics the journey library declares (docs/METRICS.md). k6 writes a metric only once it
 * has a sample, so a Counter that never fired (no re-entries, nobody lost their place) is
 * absent from the raw output; for these names absence means zero, not a typo.
 */
export const JOURNEY_METRICS: ReadonlyMap<string, MetricKind> = new Map<string, MetricKind>([
  ['sr_arrivals', 'counter'],
  ['sr_queue_joins', 'counter'],
  ['sr_admitted', 'counter'],
  ['sr_queue_wait', 'trend'],
  ['sr_reentries', 'counter'],
  ['sr_session_expiries', 'counter'],
  ['sr_outcome', 'counter'],
  ['sr_units_bought', 'counter'],
  ['sr_lost_after_wait', 'trend'],
  ['sr_bypass_attempts', 'counter'],
  ['http_reqs', 'counter'],
  ['http_req_failed', 'rate'],
  ['http_req_duration', 'trend'],
]);

/**
 * Tag values the journey library can write (docs/METRICS.md). A selector naming another
 * value that no sample carries is a typo (`outcome:bougth`), not a zero count.
 */
export const JOURNEY_TAG_VALUES: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([
  ['step', [...JOURNEY_STEPS, 'probe']],
  ['outcome', OUTCOMES],
  ['reason', ['ticket_expired', 'relogin_requeue']],
  ['reentry', ['true', 'false']],
  ['expected_response', ['true', 'false']],
  ['kind', ['no_token', 'forged_token', 'replayed_token']],
  ['result', ['refused', 'let_through', 'error']],
]);

/** The series a selector picks out, and their kind; null when the metric is not known at all. */
export interface SelectedSeries {
  readonly selector: MetricSelector;
  readonly kind: MetricKind;
  readonly series: readonly RecordedSeries[];
}

/**
 * Finds the series whose metric is the selector's and whose tags include all its pairs.
 * Returns null when the metric was never recorded and is not a journey metric. Throws a
 * UsageError when the selector filters on a tag ingest did not keep (it could never match).
 */
export function selectSeries(ingest: IngestResult, selectorText: string): SelectedSeries | null {
  const selector = parseSelector(selectorText);
  for (const tag of Object.keys(selector.tags)) {
    if (!ingest.tagKeys.includes(tag)) {
      throw new UsageError(
        'results.tag-not-kept',
        `selector ${selector.text} filters on tag "${tag}", which ingest did not keep (kept: ${ingest.tagKeys.join(', ')})`,
        [`add "${tag}" to the ingest tagKeys`],
      );
    }
  }
  for (const [tag, value] of Object.entries(selector.tags)) {
    const known = JOURNEY_TAG_VALUES.get(tag);
    if (known === undefined || known.includes(value)) continue;
    const seen = new Set<string>();
    for (const series of ingest.series.values()) {
      const seriesValue = series.tags[tag];
      if (seriesValue !== undefined) seen.add(seriesValue);
    }
    if (!seen.has(value)) {
      throw new UsageError(
        'results.unknown-tag-value',
        `selector ${selector.text}: no sample carries ${tag}:${value}`,
        [`${tag} is one of ${[...new Set([...known, ...seen])].join(', ')}`],
      );
    }
  }
  const kind = ingest.metrics.get(selector.metric)?.kind ?? JOURNEY_METRICS.get(selector.metric);
  if (kind === undefined) return null;
  const series: RecordedSeries[] = [];
  for (const candidate of ingest.series.values()) {
    if (candidate.metric === selector.metric && selectorMatchesTags(selector, candidate.tags)) series.push(candidate);
  }
  return { selector, kind, series };
}

/** The run totals of the selected series merged into one aggregate (a new one). */
export function mergeSelectedTotals(ingest: IngestResult, selected: SelectedSeries): Aggregate {
  const merged = createAggregate(selected.kind, ingest.histogramGamma);
  for (const series of selected.series) mergeAggregate(merged, series.total);
  return merged;
}

/** Per-second aggregates of the selected series merged: epoch second → aggregate, sorted by time. */
function mergeSelectedPerSecond(selected: SelectedSeries): Map<number, Aggregate> {
  const merged = new Map<number, Aggregate>();
  for (const series of selected.series) {
    for (const [second, bucket] of series.perSecond) {
      const existing = merged.get(second);
      if (existing === undefined) merged.set(second, cloneAggregate(bucket));
      else mergeAggregate(existing, bucket);
    }
  }
  return new Map([...merged].sort((a, b) => a[0] - b[0]));
}
/**
 * The selected series merged into buckets of `bucketSeconds` whole seconds counted from
 * `originSecond` (epoch seconds): bucket index → aggregate, in time order; buckets without
 * samples are left out. Merging per-second aggregates is exact.
 */
export function mergeSelectedBuckets(
  selected: SelectedSeries,
  bucketSeconds: number,
  originSecond: number,
): Map<number, Aggregate> {
  const buckets = new Map<number, Aggregate>();
  for (const [second, aggregate] of mergeSelectedPerSecond(selected)) {
    const index = Math.floor((second - originSecond) / bucketSeconds);
    const existing = buckets.get(index);
    if (existing === undefined) buckets.set(index, bucketSeconds === 1 ? aggregate : cloneAggregate(aggregate));
    else mergeAggregate(existing, aggregate);
  }
  return buckets;
}

/** The run total of everything a selector matches, merged; null when the metric is unknown. */
export function aggregateOf(ingest: IngestResult, selectorText: string): Aggregate | null {
  const selected = selectSeries(ingest, selectorText);
  return selected === null ? null : mergeSelectedTotals(ingest, selected);
}

/** Values a kept tag takes among the series of a metric, sorted. */
export function tagValuesOf(ingest: IngestResult, metric: string, tag: string): string[] {
  const values = new Set<string>();
  for (const series of ingest.series.values()) {
    const value = series.tags[tag];
    if (series.metric === metric && value !== undefined) values.add(value);
  }
  return [...values].sort();
}
