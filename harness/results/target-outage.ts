/**
 * When the target stopped answering: the first second from which every request the engine
 * made got no HTTP answer at all (status 0: connection refused or reset, timeout) until the
 * run's end. A shop that died mid-run shows as such an outage; a few lost connections do not.
 * Pure; O(seconds of the run).
 */
import type { IngestResult } from './ingest-result.ts';
import { measureOverTime } from './measure-over-time.ts';

export interface TargetOutage {
  /** Start of the first second with no answer, ms since the epoch. */
  readonly fromMs: number;
  /** The same, from the run's first sample. */
  readonly afterMs: number;
  /** Requests that got no answer from then on. */
  readonly unanswered: number;
}

/** The outage at the end of the run, or null when the target answered until the end (or near it: fewer than `minRequests` unanswered). */
export function findTargetOutage(ingest: IngestResult, minRequests = 10): TargetOutage | null {
  const all = new Map(measureOverTime(ingest, 'http_reqs', 'count').map((point) => [point.timeMs, point.value ?? 0]));
  const unanswered = measureOverTime(ingest, 'http_reqs{status:0}', 'count');
  if (unanswered.length === 0) return null;
  const seconds = [...all.keys()].sort((a, b) => a - b);
  const noAnswer = new Map(unanswered.map((point) => [point.timeMs, point.value ?? 0]));
  let fromMs: number | null = null;
  let count = 0;
  for (let i = seconds.length - 1; i >= 0; i--) {
    const second = seconds[i]!;
    const requests = all.get(second) ?? 0;
    if (requests === 0 || (noAnswer.get(second) ?? 0) < requests) break;
    fromMs = second;
    count += requests;
  }
  if (fromMs === null || count < minRequests) return null;
  return { fromMs, afterMs: fromMs - (ingest.firstSampleMs ?? fromMs), unanswered: count };
}

/** "the target stopped answering 0:07 into the run, at 14:12:03 UTC; 96 requests after it got no answer". */
export function describeTargetOutage(outage: TargetOutage, url: string): string {
  const seconds = Math.round(outage.afterMs / 1000);
  const clock = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  const utc = new Date(outage.fromMs).toISOString().slice(11, 19);
  return `the target ${url} stopped answering ${clock} into the run, at ${utc} UTC, and did not answer again: ${outage.unanswered} requests after that got no answer (connection refused, reset or timed out)`;
}
