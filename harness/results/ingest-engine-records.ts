/**
 * Reads the person engine's records (format saleready.records.v1, written by
 * artillery-engine-saleready; see records.js there) into an IngestResult: every `series`
 * line's aggregate is merged into its series' run total and its second's bucket, exactly
 * (counts add; histograms share γ and bucket boundaries with harness/stats, so their
 * buckets add). Person records are kept as they are and give the fairness figure its
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
import { DEFAULT_GAMMA } from '../stats/index.ts';
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
import { aggregateFromJson, createAggregate, mergeAggregate, type AggregateJson } from './series-aggregate.ts';

export const RECORDS_FORMAT = 'saleready.records.v1';

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
  // per-second buckets keep the engine's γ, so merging them stays exact
  const result = createIngestResult({ histogramGamma: DEFAULT_GAMMA, bucketHistogramGamma: DEFAULT_GAMMA, ...options });
  return { result, people: [], engineVersion: null, filesEnded: 0, files: 0 };
}

const CONTAINS: Record<string, string> = { trend: 'time', counter: 'default', rate: 'default' };

/** Adds one line of records (mutates `ingest`); returns false when the line is not a record. */
export function addRecordLine(ingest: EngineIngest, line: string): boolean {
  const { result } = ingest;
  result.lines++;
  let record: Record<string, unknown>;
  try {
    record = JSON.parse(line) as Record<string, unknown>;
  } catch {
    result.badLines++;
    return false;
  }
  switch (record.type) {
    case 'series':
      addSeriesRecord(ingest, record);
      return true;
    case 'person': {
      const person = record as unknown as PersonRecord;
      ingest.people.push(person);
      if (person.actor === 'person' && typeof person.admittedAtMs === 'number' && typeof person.joinedAtMs === 'number') {
        keepQueueWaitSample(result, { admittedAtMs: person.admittedAtMs, waitMs: person.admittedAtMs - person.joinedAtMs });
      }
      return true;
    }
    case 'meta':
      if (record.format !== RECORDS_FORMAT) result.warnings.push(`records in an unknown format ${String(record.format)}; read as ${RECORDS_FORMAT}`);
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

function addSeriesRecord(ingest: EngineIngest, record: Record<string, unknown>): void {
  const { result } = ingest;
  const aggregateJson = record.aggregate as AggregateJson;
  const metric = String(record.metric);
  const second = Number(record.second);
  const tags = (record.tags ?? {}) as Record<string, string>;
  declareMetric(result, metric, aggregateJson.kind, CONTAINS[aggregateJson.kind] ?? 'default');
  const tagValues = result.tagKeys.map((key) => tags[key]);
  const series = result.series.get(seriesKey(metric, tagValues)) ?? createSeries(result, metric, tagValues);
  const aggregate = aggregateFromJson(aggregateJson);
  mergeAggregate(series.total, aggregate);
  let bucket = series.perSecond.get(second);
  if (bucket === undefined) {
    bucket = createAggregate(series.kind, result.bucketHistogramGamma);
    series.perSecond.set(second, bucket);
  }
  mergeAggregate(bucket, aggregate);
  const samples = aggregate.kind === 'trend' ? aggregate.histogram.count : aggregate.count;
  if (samples > 0) {
    // the records say which second, not which ms: the run spans whole seconds
    result.samples += samples;
    result.firstSampleMs = Math.min(result.firstSampleMs ?? Infinity, second * 1000);
    result.lastSampleMs = Math.max(result.lastSampleMs ?? -Infinity, second * 1000 + 999);
  }
}

/** Record files in a records folder (`*.ndjson`, `*.ndjson.gz`), sorted. */
export async function listRecordFiles(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  return names.filter((name) => name.endsWith('.ndjson') || name.endsWith('.ndjson.gz')).sort().map((name) => join(dir, name));
}

/** Reads whole files (plain or gzipped; a gzip cut short is read up to where it ends). */
export async function ingestEngineRecords(paths: readonly string[] | string, options: EngineIngestOptions = {}): Promise<EngineIngest> {
  const ingest = createEngineIngest(options);
  for (const path of typeof paths === 'string' ? [paths] : paths) {
    let gzip: boolean;
    try {
      gzip = await isGzipFile(path);
    } catch (error) {
      throw new UsageError('RESULTS_RECORDS_UNREADABLE', `cannot read the engine's records ${path} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
    const input = createReadStream(path, { highWaterMark: 1 << 20 });
    const stream = gzip ? input.pipe(createGunzip({ finishFlush: zlibConstants.Z_SYNC_FLUSH })) : input;
    const decoder = new StringDecoder('utf8');
    let carry = '';
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) carry = addLines(ingest, carry + decoder.write(chunk));
    } catch (error) {
      ingest.result.warnings.push(`${path} could not be read to its end (${(error as Error).message}); figures cover what was read`);
    }
    const rest = carry + decoder.end();
    if (rest.trim() !== '') {
      addRecordLine(ingest, rest);
      ingest.result.warnings.push(`${path} ends in the middle of a line (the run was cut short?)`);
    }
    ingest.result.sources.push(path);
  }
  return ingest;
}

/** Adds every complete line of `text`; returns the unfinished rest. */
function addLines(ingest: EngineIngest, text: string): string {
  let start = 0;
  for (;;) {
    const newline = text.indexOf('\n', start);
    if (newline < 0) return text.slice(start);
    if (newline > start) addRecordLine(ingest, text.slice(start, newline));
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
  const offsets = new Map<string, { offset: number; carry: string; decoder: StringDecoder }>();
  let reading: Promise<void> | null = null;
  async function readOnce(): Promise<void> {
    for (const path of await listRecordFiles(dir)) {
      if (path.endsWith('.gz')) continue;
      const state = offsets.get(path) ?? { offset: 0, carry: '', decoder: new StringDecoder('utf8') };
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
          addLines(ingest, text.slice(0, lastNewline + 1));
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
