import { measureOverTime, type IngestResult, type TimePoint } from '../results/index.ts';
import type { TimelinePoint } from './run-summary.ts';

/** A reading of the shop's own queue length (run time, ms since the epoch). */
export interface QueueLengthSample {
  readonly timeMs: number;
  readonly length: number;
}

export interface StepLatencyPoint {
  readonly t: number;
  readonly step: string;
  readonly p50: number | null;
  readonly p95: number | null;
  readonly p99: number | null;
}

/** Charts stay readable and summary.json small: at most this many buckets per series. */
export const MAX_TIMELINE_POINTS = 600;

/**
 * The run second by second (or in wider buckets for runs longer than MAX_TIMELINE_POINTS
 * seconds): arrivals, first joins, admissions, requests, failures, queue waits in sale time
 * (× k) and the queue length — the shop's own reading when given, else derived as
 * first joins − admitted − left (gave up or lost their place), never below 0.
 */
export function buildTimeline(
  ingest: IngestResult,
  timeScale: number,
  shopQueueLength: readonly QueueLengthSample[] = [],
): {
  timeline: TimelinePoint[];
  stepLatencyTimeline: StepLatencyPoint[];
  bucketSeconds: number;
  queueLengthSource: 'shop' | 'derived';
} {
  const queueLengthSource = shopQueueLength.length > 0 ? 'shop' : 'derived';
  if (ingest.firstSampleMs === null || ingest.lastSampleMs === null) {
    return { timeline: [], stepLatencyTimeline: [], bucketSeconds: 1, queueLengthSource };
  }
  const originMs = Math.floor(ingest.firstSampleMs / 1000) * 1000;
  const seconds = Math.floor(ingest.lastSampleMs / 1000) - originMs / 1000 + 1;
  const bucketSeconds = Math.max(1, Math.ceil(seconds / MAX_TIMELINE_POINTS));
  const buckets = Math.ceil(seconds / bucketSeconds);
  const series = (selector: string, stat: string): (number | null)[] => {
    const values: (number | null)[] = new Array(buckets).fill(null);
    for (const point of overTime(ingest, selector, stat, bucketSeconds, originMs)) {
      const index = Math.round((point.timeMs - originMs) / 1000 / bucketSeconds);
      if (index >= 0 && index < buckets) values[index] = point.value;
    }
    return values;
  };
  const counts = (selector: string): number[] => series(selector, 'count').map((value) => Math.round(value ?? 0));
  const arrivals = counts('sr_arrivals');
  const joins = counts('sr_queue_joins');
  const rejoins = counts('sr_queue_joins{reentry:true}');
  const admitted = counts('sr_admitted');
  const gaveUp = counts('sr_outcome{outcome:gave_up}');
  const lostPlace = counts('sr_outcome{outcome:lost_place}');
  const requests = counts('http_reqs');
  const failed = counts('http_req_failed');
  const waitP50 = series('sr_queue_wait', 'p50');
  const waitP95 = series('sr_queue_wait', 'p95');
  const sorted = [...shopQueueLength].sort((a, b) => a.timeMs - b.timeMs);
  let waiting = 0;
  let reading = 0;
  const timeline: TimelinePoint[] = [];
  for (let index = 0; index < buckets; index++) {
    waiting +=
      (joins[index] ?? 0) -
      (rejoins[index] ?? 0) -
      (admitted[index] ?? 0) -
      (gaveUp[index] ?? 0) -
      (lostPlace[index] ?? 0);
    let queueLength = Math.max(0, waiting);
    if (sorted.length > 0) {
      const bucketEndMs = originMs + (index + 1) * bucketSeconds * 1000;
      while (reading + 1 < sorted.length && (sorted[reading + 1] as QueueLengthSample).timeMs < bucketEndMs) reading++;
      const sample = sorted[reading] as QueueLengthSample;
      queueLength = sample.timeMs < bucketEndMs ? Math.max(0, Math.round(sample.length)) : 0;
    }
    const saleMs = (value: number | null | undefined): number | null =>
      value === null || value === undefined ? null : value * timeScale;
    timeline.push({
      t: index * bucketSeconds,
      arrivals: arrivals[index] ?? 0,
      joins: joins[index] ?? 0,
      admitted: admitted[index] ?? 0,
      queueLength,
      requests: requests[index] ?? 0,
      failedRequests: failed[index] ?? 0,
      waitP50SaleMs: saleMs(waitP50[index]),
      waitP95SaleMs: saleMs(waitP95[index]),
    });
  }
  const stepLatencyTimeline: StepLatencyPoint[] = [];
  for (const step of stepsOf(ingest)) {
    const selector = `http_req_duration{step:${step}}`;
    const [p50, p95, p99] = [series(selector, 'p50'), series(selector, 'p95'), series(selector, 'p99')];
    for (let index = 0; index < buckets; index++) {
      if (p50[index] === null || p50[index] === undefined) continue;
      stepLatencyTimeline.push({
        t: index * bucketSeconds,
        step,
        p50: p50[index] ?? null,
        p95: p95[index] ?? null,
        p99: p99[index] ?? null,
      });
    }
  }
  return { timeline, stepLatencyTimeline, bucketSeconds, queueLengthSource };
}

function stepsOf(ingest: IngestResult): string[] {
  const steps = new Set<string>();
  for (const series of ingest.series.values()) {
    const step = series.tags.step;
    if (series.metric === 'http_req_duration' && step !== undefined) steps.add(step);
  }
  return [...steps].sort();
}

/** measureOverTime, or nothing when the selector filters on a tag ingest did not keep. */
function overTime(
  ingest: IngestResult,
  selector: string,
  stat: string,
  bucketSeconds: number,
  originMs: number,
): TimePoint[] {
  const tags = /\{(.*)\}/.exec(selector)?.[1];
  if (tags && !tags.split(',').every((pair) => ingest.tagKeys.includes(pair.split(':')[0] ?? ''))) return [];
  return measureOverTime(ingest, selector, stat, { bucketSeconds, originMs });
}
