import type { K6Line } from './k6-json-line.ts';
import {
  createSeries,
  keepQueueWaitSample,
  noteSampleTime,
  seriesKey,
  type IngestResult,
  type RecordedSeries,
} from './ingest-result.ts';
import { addSample, createAggregate, type Aggregate } from './series-aggregate.ts';
import { createLineTables, type LineTables } from './value-table.ts';

/** A series as ingest fills it: its ids, and the bucket of the second it last wrote to. */
interface LiveSeries {
  readonly series: RecordedSeries;
  readonly metricId: number;
  readonly tagIds: Int32Array;
  bucketSecond: number;
  bucket: Aggregate | undefined;
  /** A person's queue wait: each sample is also kept one by one (fairness). */
  readonly keepsQueueWaits: boolean;
}

/**
 * The working state of one ingest: string tables, and an index from (metric id, tag ids) to
 * the series, so the hot loop hashes a few integers instead of building a string key.
 */
export interface IngestState {
  readonly result: IngestResult;
  readonly tables: LineTables;
  readonly index: Map<number, LiveSeries[]>;
}

export function createIngestState(result: IngestResult): IngestState {
  return { result, tables: createLineTables(result.tagKeys), index: new Map() };
}

/** FNV-1a over the metric id and tag ids. */
function hashIds(metricId: number, tagIds: Int32Array): number {
  let hash = Math.imul(0x811c9dc5 ^ metricId, 0x01000193);
  for (let i = 0; i < tagIds.length; i++) hash = Math.imul(hash ^ (tagIds[i] as number), 0x01000193);
  return hash;
}

function sameIds(live: LiveSeries, metricId: number, tagIds: Int32Array): boolean {
  if (live.metricId !== metricId) return false;
  for (let i = 0; i < tagIds.length; i++) if (live.tagIds[i] !== tagIds[i]) return false;
  return true;
}

/**
 * Largest magnitude a sample value or time may have: 1e15 (ms, bytes, counts; a time in ms
 * since 1970 is ~1.8e12). A value beyond it — 1e308 in a hand-edited or corrupt file — would
 * make sums infinite: such a line is counted as bad, not read; so is a negative counter increment.
 */
export const MAX_SAMPLE_MAGNITUDE = 1e15;

/** Adds one Point to its series' run total and per-second bucket (mutates the state). O(kept tags). */
export function addPoint(state: IngestState, line: K6Line): void {
  if (!(Math.abs(line.value) <= MAX_SAMPLE_MAGNITUDE) || !(Math.abs(line.timeMs) <= MAX_SAMPLE_MAGNITUDE)) {
    state.result.badLines++;
    return;
  }
  const hash = hashIds(line.metricId, line.tagIds);
  let candidates = state.index.get(hash);
  let live: LiveSeries | undefined;
  if (candidates !== undefined) {
    for (const candidate of candidates) {
      if (sameIds(candidate, line.metricId, line.tagIds)) {
        live = candidate;
        break;
      }
    }
  } else {
    candidates = [];
    state.index.set(hash, candidates);
  }
  if (live === undefined) {
    live = createLive(state, line);
    candidates.push(live);
  }
  // A counter only counts up: a negative increment is a corrupt line, not a sample.
  if (line.value < 0 && live.series.kind === 'counter') {
    state.result.badLines++;
    return;
  }
  const timeMs = line.timeMs;
  addSample(live.series.total, line.value, timeMs);
  const second = Math.floor(timeMs / 1000);
  if (second !== live.bucketSecond || live.bucket === undefined) {
    let bucket = live.series.perSecond.get(second);
    if (bucket === undefined) {
      bucket = createAggregate(live.series.kind, state.result.bucketHistogramGamma);
      live.series.perSecond.set(second, bucket);
    }
    live.bucketSecond = second;
    live.bucket = bucket;
  }
  addSample(live.bucket, line.value, timeMs);
  if (live.keepsQueueWaits) keepQueueWaitSample(state.result, { admittedAtMs: timeMs, waitMs: line.value });
  noteSampleTime(state.result, timeMs);
}

function createLive(state: IngestState, line: K6Line): LiveSeries {
  const { tables } = state;
  const tagValues = Array.from(line.tagIds, (id, slot) =>
    id === 0 ? undefined : (tables.tagValues[slot] as LineTables['tagValues'][number]).valueOf(id - 1),
  );
  const metric = tables.metrics.valueOf(line.metricId);
  const series = state.result.series.get(seriesKey(metric, tagValues)) ?? createSeries(state.result, metric, tagValues);
  const keepsQueueWaits = metric === 'sr_queue_wait' && series.tags.actor === 'person';
  return {
    series,
    metricId: line.metricId,
    tagIds: Int32Array.from(line.tagIds),
    bucketSecond: NaN,
    bucket: undefined,
    keepsQueueWaits,
  };
}
