import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
import { constants as zlibConstants, createGunzip } from 'node:zlib';
import { UsageError } from '../errors.ts';
import { damagedGzipError, isGzipCutShort, isGzipError } from './gzip-damage.ts';
import { createK6Line, parseK6JsonLine, parseK6JsonLineFast, type K6Line } from './k6-json-line.ts';
import { addPoint, createIngestState, type IngestState } from './ingest-state.ts';
import {
  createIngestResult,
  declareMetric,
  warnAboutSeriesCount,
  type CreateIngestResultOptions,
  type IngestResult,
} from './ingest-result.ts';

export interface IngestOptions extends CreateIngestResultOptions {
  /**
   * `fast` (default): the hand-written reader, JSON.parse only for lines it does not expect;
   * `json`: JSON.parse every line (slower; the reference the fast reader is tested against).
   */
  readonly reader?: 'fast' | 'json';
  /** Warn when a metric splits into more series than this; default 1000. */
  readonly maxSeriesPerMetric?: number;
}

/** True when the file starts with gzip's magic bytes 1f 8b. */
export async function isGzipFile(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const magic = Buffer.alloc(2);
    const { bytesRead } = await handle.read(magic, 0, 2, 0);
    return bytesRead === 2 && magic[0] === 0x1f && magic[1] === 0x8b;
  } finally {
    await handle.close();
  }
}

/**
 * Streams k6's raw JSON output (`--out json=…`, gzipped or not, detected by magic bytes) into
 * per-second buckets and run totals per series (metric + kept tags). Several files (several
 * k6 instances) go into one result, exactly as if one instance had written them all. Memory
 * stays flat in the file's length: only aggregates are kept. A gzip file cut short (a run
 * that was interrupted) is read up to where it ends, with a warning.
 */
export async function ingestK6Output(
  paths: readonly string[] | string,
  options: IngestOptions = {},
): Promise<IngestResult> {
  const result = createIngestResult(options);
  const state = createIngestState(result);
  const files = typeof paths === 'string' ? [paths] : paths;
  for (const path of files) await ingestFile(state, path, options.reader ?? 'fast');
  warnAboutSeriesCount(result, options.maxSeriesPerMetric);
  return result;
}

async function ingestFile(state: IngestState, path: string, reader: 'fast' | 'json'): Promise<void> {
  const { result } = state;
  let gzip: boolean;
  try {
    gzip = await isGzipFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      'results.raw-output-unreadable',
      `cannot read k6 raw output ${path} (${code ?? String(error)})`,
      ['pass the file k6 wrote with --out json=<file>'],
    );
  }
  const input = createReadStream(path, { highWaterMark: 1 << 20 });
  const stream = gzip
    ? input.pipe(createGunzip({ finishFlush: zlibConstants.Z_SYNC_FLUSH, chunkSize: 1 << 18 }))
    : input;
  const line = createK6Line(state.tables);
  const decoder = new StringDecoder('utf8');
  let carry = '';
  let bytesRead = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      bytesRead += chunk.length;
      const text = carry + decoder.write(chunk);
      carry = text.slice(readLines(state, text, line, reader));
    }
  } catch (error) {
    if (!gzip || !isGzipError(error)) throw error;
    if (!isGzipCutShort(error)) throw damagedGzipError(path, error, bytesRead, 'the file k6 wrote');
    result.warnings.push(
      `${path} is cut short after ${bytesRead.toLocaleString('en-US')} bytes (the run was cut short?); read up to there`,
    );
  }
  const rest = carry + decoder.end();
  if (rest.trim() !== '') {
    const before = result.badLines;
    readLine(state, rest, 0, rest.length, false, line, reader);
    if (result.badLines > before) result.warnings.push(`${path} ends in the middle of a line (the run was cut short?)`);
  }
  result.sources.push(path);
}

/** Reads every complete line of `text`; returns where the unfinished last line starts. */
function readLines(state: IngestState, text: string, line: K6Line, reader: 'fast' | 'json'): number {
  // Lines holding a backslash (an escape) go to JSON.parse: track the next one in the chunk.
  const length = text.length;
  let backslash = text.indexOf('\\');
  if (backslash < 0) backslash = length;
  let lineStart = 0;
  for (;;) {
    const newline = text.indexOf('\n', lineStart);
    if (newline < 0) return lineStart;
    const lineEnd = newline > lineStart && text.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
    if (backslash < lineStart) {
      backslash = text.indexOf('\\', lineStart);
      if (backslash < 0) backslash = length;
    }
    if (lineEnd > lineStart) readLine(state, text, lineStart, lineEnd, backslash < lineEnd, line, reader);
    lineStart = newline + 1;
  }
}

function readLine(
  state: IngestState,
  text: string,
  start: number,
  end: number,
  hasBackslash: boolean,
  line: K6Line,
  reader: 'fast' | 'json',
): void {
  const { result, tables } = state;
  result.lines++;
  if (reader === 'fast' && !hasBackslash && parseK6JsonLineFast(text, start, end, tables, line)) {
    addPoint(state, line);
    return;
  }
  result.slowLines++;
  if (!parseK6JsonLine(text.slice(start, end), tables, line)) {
    result.badLines++;
    return;
  }
  if (line.kind === 'point') addPoint(state, line);
  else if (line.kind === 'metric') {
    declareMetric(result, tables.metrics.valueOf(line.metricId), line.metricType, line.contains);
  }
}
