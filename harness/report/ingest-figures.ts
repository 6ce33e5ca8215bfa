/** Figures read from an ingest the way the summary needs them: counts and distributions. */
import { aggregateOf, measure, type IngestResult } from '../results/index.ts';
import type { Distribution } from './run-summary.ts';

/** Sum of a Counter's matching samples, 0 when nothing matched. */
export function countOf(ingest: IngestResult, selector: string): number {
  if (!canFilter(ingest, selector)) return 0;
  const value = measure(ingest, selector, 'count')?.value ?? 0;
  return Math.max(0, Math.round(value));
}

/** False when the selector filters on a tag ingest did not keep (then it counts nothing). */
export function canFilter(ingest: IngestResult, selector: string): boolean {
  const tags = /\{(.*)\}/.exec(selector)?.[1];
  if (!tags) return true;
  return tags.split(',').every((pair) => ingest.tagKeys.includes(pair.split(':')[0]?.trim() ?? ''));
}

/** A Trend's distribution (count, mean, percentiles, max), each value × scale. */
export function distribution(ingest: IngestResult, selector: string, scale: number): Distribution {
  const read = (stat: string): number | null => {
    const value = measure(ingest, selector, stat)?.value ?? null;
    return value === null ? null : value * scale;
  };
  const aggregate = aggregateOf(ingest, selector);
  const count = aggregate?.kind === 'trend' ? aggregate.histogram.count : 0;
  if (count === 0) return { count: 0, mean: null, p50: null, p90: null, p95: null, p99: null, max: null };
  return {
    count,
    mean: read('of.mean'),
    p50: read('p50'),
    p90: read('p90'),
    p95: read('p95'),
    p99: read('p99'),
    max: read('max'),
  };
}
