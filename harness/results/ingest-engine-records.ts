/**
 * Reads the person engine's records (format saleready.records.v2, written by
 * artillery-engine-saleready; see records.js there and docs/METRICS.md) into an IngestResult:
 * every data line is merged into its series' run total and its second's bucket, exactly
 * (counts add; histograms share γ and bucket boundaries with harness/stats, so their
 * buckets add). Data lines are short text read by a hand-written scanner; only declarations,
 * people and meta lines go through JSON.parse. Person records are kept as they are and give the fairness figure its
 * admission samples. Works on finished files (plain or gzipped) and, with a reader, on files
 * still being written (it reads whole lines only and remembers where it stopped), so live
 * progress and the final result are one pass over the data.
 */
import { createReadStream } from 'node:fs';
import { open, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { constants as zlibConstants, createGunzip } from 'node:zlib';
import { UsageError } from '../errors.ts';
import { createHistogram, DEFAULT_GAMMA, mergeInto, mergeIntoCoarser } from '../stats/index.ts';
import {
  createIngestResult,
  createSeries,
  declareMetric,
  keepQueueWaitSample,
  seriesKey,
  type CreateIngestResultOptions,
  type IngestResult,
} from './ingest-result.ts';
import { isGzipFile } from './ingest-k6-output.ts';
import { createAggregate, type Aggregate, type MetricKind } from './series-aggregate.ts';
import type { RecordedSeries } from './ingest-result.ts';

export const RECORDS_FORMAT = 'saleready.records.v2';

/** One person's or bot's record, as the engine wrote it when they left. */
export interface PersonRecord {
  readonly actor: string;
  readonly index?: number;
  readonly userId?: string;
  readonly ring?: string;
  readonly outcome: string;
  readonly arrivedAtMs?: number;
  readonly joinedAtMs?: number | null;
  readonly admittedAtMs?: number | null;
  readonly leftAtMs?: number;
  readonly reentries?: number;
  readonly sessionExpiries?: number;
  readonly units?: number;
  readonly error?: string;
}

export interface EngineIngest {
  readonly result: IngestResult;
  readonly people: PersonRecord[];
  /** Engine name and version from the files' meta lines. */
  engineVersion: string | null;
  /** Files whose writer closed cleanly (an `end` line). */
  filesEnded: number;
  files: number;
}

export type EngineIngestOptions = CreateIngestResultOptions;

export function createEngineIngest(options: EngineIngestOptions = {}): EngineIngest {
  // run totals keep the engine's γ (exact merges); per-second buckets are coarser, as for k6
  // output (DEFAULT_BUCKET_GAMMA), which keeps a long run's timeline small
  const result = createIngestResult({ histogramGamma: DEFAULT_GAMMA, ...options });
  return { result, people: [], engineVersion: null, filesEnded: 0, files: 0 };
}

const CONTAINS: Record<string, string> = { trend: 'time', counter: 'default', rate: 'default' };

/** What reading one file needs to remember: its series by id (ids are per file). */
export interface RecordsFileState {
  readonly series: Map<number, RecordedSeries>;
}

export function createRecordsFileState(): RecordsFileState {
  return { series: new Map() };
}

/** Scratch space of the data-line scanner, reused line after line. */
const scratch = {
  histogram: createHistogram({ gamma: DEFAULT_GAMMA }),
  counts: new Float64Array(4096),
};

/**
 * Adds one line of records — `text` from `start` to `end` (default: all of it) — to `ingest`;
 * returns false when the line is not a record.
 */
export function addRecordLine(
  ingest: EngineIngest,
  file: RecordsFileState,
  text: string,
  start = 0,
  end = text.length,
): boolean {
  const { result } = ingest;
  result.lines++;
  if (text.charCodeAt(start) !== 123 /* { */) {
    if (addDataLine(ingest, file, text, start, end)) return true;
    result.badLines++;
    return false;
  }
  let record: Record<string, unknown>;
  try {
    record = JSON.parse(text.slice(start, end)) as Record<string, unknown>;
  } catch {
    result.badLines++;
    return false;
  }
  switch (record.type) {
    case 'series':
      declareSeries(ingest, file, record);
      return true;
    case 'person': {
      const person = record as unknown as PersonRecord;
      ingest.people.push(person);
      if (
        person.actor === 'person' &&
        typeof person.admittedAtMs === 'number' &&
        typeof person.joinedAtMs === 'number'
      ) {
        keepQueueWaitSample(result, {
          admittedAtMs: person.admittedAtMs,
          waitMs: person.admittedAtMs - person.joinedAtMs,
        });
      }
      return true;
    }
    case 'meta':
      if (record.format !== RECORDS_FORMAT)
        result.warnings.push(`records in an unknown format ${String(record.format)}; read as ${RECORDS_FORMAT}`);
      ingest.engineVersion ??= `${String(record.engine)} ${String(record.engineVersion)}`;
      ingest.files++;
      return true;
    case 'end':
      ingest.filesEnded++;
      return true;
    case 'sample':
      return true;
    default:
      result.badLines++;
      return false;
  }
}

const KINDS = new Set(['counter', 'rate', 'trend']);

function declareSeries(ingest: EngineIngest, file: RecordsFileState, record: Record<string, unknown>): void {
  const { result } = ingest;
  const kind = String(record.kind);
  if (!KINDS.has(kind) || typeof record.metric !== 'string' || typeof record.id !== 'number') {
    result.badLines++;
    return;
  }
  const tags = (record.tags ?? {}) as Record<string, string>;
  declareMetric(result, record.metric, kind, CONTAINS[kind] ?? 'default');
  const tagValues = result.tagKeys.map((key) => tags[key]);
  const series =
    result.series.get(seriesKey(record.metric, tagValues)) ?? createSeries(result, record.metric, tagValues);
  file.series.set(record.id, series);
}

/** The data-line scanner's state: the text, where the line ends, and the next token's start. */
const scan = { text: '', end: 0, position: 0 };

/** The next space-separated token of the line being scanned, as a number (NaN when malformed). */
function nextNumber(): number {
  const { text, end } = scan;
  const start = scan.position;
  let stop = text.indexOf(' ', start);
  if (stop < 0 || stop > end) stop = end;
  scan.position = stop + 1;
  if (stop === start) return NaN;
  let i = start;
  const negative = text.charCodeAt(i) === 45; /* - */
  if (negative) i++;
  let value = 0;
  for (; i < stop; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return Number(text.slice(start, stop)); // a decimal or an exponent
    value = value * 10 + digit;
  }
  return negative ? -value : value;
}

/**
 * Scans a data line (`c`, `r` or `t`, numbers separated by single spaces) and merges it.
 * Returns false when the line is malformed or names an undeclared series.
 */
function addDataLine(ingest: EngineIngest, file: RecordsFileState, text: string, start: number, end: number): boolean {
  const kindCode = text.charCodeAt(start);
  if (text.charCodeAt(start + 1) !== 32) return false;
  scan.text = text;
  scan.end = end;
  scan.position = start + 2;
  const series = file.series.get(nextNumber());
  const second = nextNumber();
  if (series === undefined || !Number.isFinite(second)) return false;
  const kind: MetricKind =
    kindCode === 99 /* c */
      ? 'counter'
      : kindCode === 114 /* r */
        ? 'rate'
        : kindCode === 116 /* t */
          ? 'trend'
          : 'gauge';
  if (kind !== series.kind) return false;
  const { result } = ingest;
  let samples: number;
  if (kind === 'counter' || kind === 'rate') {
    const count = nextNumber();
    const value = nextNumber();
    if (!Number.isFinite(count) || !Number.isFinite(value) || scan.position <= end) return false;
    const bucket = bucketOf(series, second, result.bucketHistogramGamma);
    addCounts(series.total, count, value);
    addCounts(bucket, count, value);
    samples = count;
  } else {
    const negative = readHistogram();
    if (negative === null) return false;
    const h = scratch.histogram;
    const total = series.total as Extract<Aggregate, { kind: 'trend' }>;
    const perSecond = bucketOf(series, second, result.bucketHistogramGamma) as Extract<Aggregate, { kind: 'trend' }>;
    mergeInto(total.histogram, h);
    mergeIntoCoarser(perSecond.histogram, h);
    total.negative += negative;
    perSecond.negative += negative;
    samples = h.count + negative;
  }
  if (samples > 0) {
    // the records say which second, not which ms: the run spans whole seconds
    result.samples += samples;
    if (result.firstSampleMs === null || second * 1000 < result.firstSampleMs) result.firstSampleMs = second * 1000;
    if (result.lastSampleMs === null || second * 1000 + 999 > result.lastSampleMs)
      result.lastSampleMs = second * 1000 + 999;
  }
  return true;
}

/** The series' aggregate of one second, made when it is first needed. */
function bucketOf(series: RecordedSeries, second: number, gamma: number): Aggregate {
  let bucket = series.perSecond.get(second);
  if (bucket === undefined) {
    bucket = createAggregate(series.kind, gamma);
    series.perSecond.set(second, bucket);
  }
  return bucket;
}

/** A counter's (count, sum) or a rate's (count, nonZero) added to an aggregate. */
function addCounts(aggregate: Aggregate, count: number, value: number): void {
  if (aggregate.kind === 'counter') {
    aggregate.count += count;
    aggregate.sum += value;
  } else if (aggregate.kind === 'rate') {
    aggregate.count += count;
    aggregate.nonZero += value;
  }
}

/** Reads the rest of a `t` line into the scratch histogram; returns its `negative` count, or null. */
function readHistogram(): number | null {
  const h = scratch.histogram;
  h.count = nextNumber();
  h.sum = nextNumber();
  h.min = nextNumber();
  h.max = nextNumber();
  h.zeroCount = nextNumber();
  const negative = nextNumber();
  h.offset = nextNumber();
  if (!(
    Number.isFinite(h.count) &&
    Number.isFinite(h.sum) &&
    Number.isFinite(h.min) &&
    Number.isFinite(h.max) &&
    Number.isFinite(h.zeroCount) &&
    Number.isFinite(negative) &&
    Number.isFinite(h.offset)
  )) {
    return null;
  }
  // the bucket counts: one pass over the characters (this is where a long run's bytes are)
  const { text, end } = scan;
  let length = 0;
  let inBuckets = h.zeroCount;
  let value = 0;
  let digits = 0;
  let negativeRun = false;
  for (let i = scan.position; i <= end; i++) {
    const code = i === end ? 32 : text.charCodeAt(i);
    if (code === 32) {
      if (digits === 0) return null;
      const run = negativeRun ? value : 1;
      if (length + run > scratch.counts.length) {
        const grown = new Float64Array(Math.max(scratch.counts.length * 2, length + run));
        grown.set(scratch.counts.subarray(0, length));
        scratch.counts = grown;
      }
      if (negativeRun) scratch.counts.fill(0, length, length + run);
      else {
        scratch.counts[length] = value;
        inBuckets += value;
      }
      length += run;
      value = 0;
      digits = 0;
      negativeRun = false;
    } else if (code === 45 /* - */ && digits === 0 && !negativeRun) negativeRun = true;
    else {
      const digit = code - 48;
      if (digit < 0 || digit > 9) return null;
      value = value * 10 + digit;
      digits++;
    }
  }
  if (inBuckets !== h.count) return null;
  h.counts = scratch.counts.subarray(0, length);
  if (h.count === 0) {
    h.min = Infinity;
    h.max = -Infinity;
  }
  return negative;
}

/** Record files in a records folder (`*.ndjson`, `*.ndjson.gz`), sorted. */
export async function listRecordFiles(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  return names
    .filter((name) => name.endsWith('.ndjson') || name.endsWith('.ndjson.gz'))
    .sort()
    .map((name) => join(dir, name));
}

/** Reads whole files (plain or gzipped; a gzip cut short is read up to where it ends). */
export async function ingestEngineRecords(
  paths: readonly string[] | string,
  options: EngineIngestOptions = {},
): Promise<EngineIngest> {
  const ingest = createEngineIngest(options);
  for (const path of typeof paths === 'string' ? [paths] : paths) {
    let gzip: boolean;
    try {
      gzip = await isGzipFile(path);
    } catch (error) {
      throw new UsageError(
        'results.records-unreadable',
        `cannot read the engine's records ${path} (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
      );
    }
    const input = createReadStream(path, { highWaterMark: 1 << 20 });
    const stream = gzip
      ? input.pipe(createGunzip({ finishFlush: zlibConstants.Z_SYNC_FLUSH, chunkSize: 1 << 20 }))
      : input;
    const decoder = new StringDecoder('utf8');
    const file = createRecordsFileState();
    let carry = '';
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>)
        carry = addLines(ingest, file, carry + decoder.write(chunk));
    } catch (error) {
      ingest.result.warnings.push(
        `${path} could not be read to its end (${(error as Error).message}); figures cover what was read`,
      );
    }
    const rest = carry + decoder.end();
    if (rest.trim() !== '') {
      addRecordLine(ingest, file, rest);
      ingest.result.warnings.push(`${path} ends in the middle of a line (the run was cut short?)`);
    }
    ingest.result.sources.push(path);
  }
  return ingest;
}

/** Adds every complete line of `text`; returns the unfinished rest. */
function addLines(ingest: EngineIngest, file: RecordsFileState, text: string): string {
  let start = 0;
  for (;;) {
    const newline = text.indexOf('\n', start);
    if (newline < 0) return text.slice(start);
    if (newline > start) addRecordLine(ingest, file, text, start, newline);
    start = newline + 1;
  }
}

/** Reads the records of a folder as they grow: call `read()` now and then, and once at the end. */
export interface RecordsFollower {
  readonly ingest: EngineIngest;
  read(): Promise<void>;
}

export function followRecords(dir: string, options: EngineIngestOptions = {}): RecordsFollower {
  const ingest = createEngineIngest(options);
  const offsets = new Map<string, { offset: number; carry: string; decoder: StringDecoder; file: RecordsFileState }>();
  let reading: Promise<void> | null = null;
  async function readOnce(): Promise<void> {
    for (const path of await listRecordFiles(dir)) {
      if (path.endsWith('.gz')) continue;
      const state = offsets.get(path) ?? {
        offset: 0,
        carry: '',
        decoder: new StringDecoder('utf8'),
        file: createRecordsFileState(),
      };
      offsets.set(path, state);
      const handle = await open(path, 'r');
      try {
        const buffer = Buffer.alloc(1 << 20);
        for (;;) {
          const { bytesRead } = await handle.read(buffer, 0, buffer.length, state.offset);
          if (bytesRead === 0) break;
          state.offset += bytesRead;
          const text = state.carry + state.decoder.write(buffer.subarray(0, bytesRead));
          const lastNewline = text.lastIndexOf('\n');
          if (lastNewline < 0) {
            state.carry = text;
            continue;
          }
          state.carry = text.slice(lastNewline + 1);
          addLines(ingest, state.file, text.slice(0, lastNewline + 1));
        }
      } finally {
        await handle.close();
      }
    }
  }
  return {
    ingest,
    read() {
      reading = (reading ?? Promise.resolve()).then(readOnce);
      return reading;
    },
  };
}
