import type { IngestResult, RecordedMetric } from './ingest-result.ts';
import { aggregateToJson, type AggregateJson } from './series-aggregate.ts';
import type { MetricKind } from './series-aggregate.ts';

export const INGEST_JSON_FORMAT = 'saleready.ingest.v1';

/** Plain-JSON form of an IngestResult: series sorted by key, seconds in time order. */
export interface IngestJson {
  readonly format: typeof INGEST_JSON_FORMAT;
  readonly tagKeys: readonly string[];
  readonly histogramGamma: number;
  readonly bucketHistogramGamma: number;
  readonly metrics: readonly RecordedMetric[];
  readonly series: readonly {
    readonly metric: string;
    readonly kind: MetricKind;
    readonly tags: Readonly<Record<string, string>>;
    readonly total: AggregateJson;
    /** [epoch second, aggregate] pairs. */
    readonly perSecond: readonly (readonly [number, AggregateJson])[];
  }[];
  readonly firstSampleMs: number | null;
  readonly lastSampleMs: number | null;
  readonly samples: number;
  readonly lines: number;
  readonly badLines: number;
  readonly sources: readonly string[];
  readonly warnings: readonly string[];
}

/**
 * A deterministic plain-JSON copy of an ingest (for saving beside the raw output and for
 * comparing two ingests). `slowLines` is left out: it says how a file was read, not what
 * it holds.
 */
export function ingestToJson(ingest: IngestResult): IngestJson {
  const byName = (a: { name: string }, b: { name: string }): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  return {
    format: INGEST_JSON_FORMAT,
    tagKeys: [...ingest.tagKeys],
    histogramGamma: ingest.histogramGamma,
    bucketHistogramGamma: ingest.bucketHistogramGamma,
    metrics: [...ingest.metrics.values()].map((metric) => ({ ...metric })).sort(byName),
    series: [...ingest.series.values()]
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
      .map((series) => ({
        metric: series.metric,
        kind: series.kind,
        tags: { ...series.tags },
        total: aggregateToJson(series.total),
        perSecond: [...series.perSecond]
          .sort((a, b) => a[0] - b[0])
          .map(([second, aggregate]) => [second, aggregateToJson(aggregate)] as const),
      })),
    firstSampleMs: ingest.firstSampleMs,
    lastSampleMs: ingest.lastSampleMs,
    samples: ingest.samples,
    lines: ingest.lines,
    badLines: ingest.badLines,
    sources: [...ingest.sources],
    warnings: [...ingest.warnings],
  };
}
