import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { UsageError } from '../errors.ts';
import { damagedGzipError, isGzipCutShort, isGzipError } from './gzip-damage.ts';
import { isGzipFile } from './ingest-k6-output.ts';
import {
  createIngestResult,
  declareMetric,
  warnAboutSeriesCount,
  type CreateIngestResultOptions,
  type IngestResult,
} from './ingest-result.ts';
import { addPoint, createIngestState, type IngestState } from './ingest-state.ts';
import { createK6Line } from './k6-json-line.ts';
import { JOURNEY_METRICS } from './select-series.ts';
import type { MetricKind } from './series-aggregate.ts';

/** Types of k6's built-in metrics (k6 docs, "Built-in metrics"); CSV output does not say. */
export const K6_BUILTIN_METRICS: ReadonlyMap<string, MetricKind> = new Map<string, MetricKind>([
  ['checks', 'rate'],
  ['data_received', 'counter'],
  ['data_sent', 'counter'],
  ['dropped_iterations', 'counter'],
  ['iteration_duration', 'trend'],
  ['iterations', 'counter'],
  ['vus', 'gauge'],
  ['vus_max', 'gauge'],
  ['http_req_blocked', 'trend'],
  ['http_req_connecting', 'trend'],
  ['http_req_duration', 'trend'],
  ['http_req_failed', 'rate'],
  ['http_req_receiving', 'trend'],
  ['http_req_sending', 'trend'],
  ['http_req_tls_handshaking', 'trend'],
  ['http_req_waiting', 'trend'],
  ['http_reqs', 'counter'],
]);

export interface IngestCsvOptions extends CreateIngestResultOptions {
  /** Types of custom metrics beyond k6's built-ins and the journey's (docs/METRICS.md). */
  readonly metricKinds?: Readonly<Record<string, MetricKind>>;
  /** Unit of the timestamp column (k6's `--out csv=…?timeFormat=`); default unix seconds. */
  readonly timeFormat?: 'unix' | 'unix_milli' | 'unix_micro' | 'unix_nano' | 'rfc3339';
  readonly maxSeriesPerMetric?: number;
}

const TIME_DIVISORS = { unix: 1e-3, unix_milli: 1, unix_micro: 1e3, unix_nano: 1e6 } as const;

/**
 * Reads k6's CSV output (`--out csv=file.csv.gz`) into the same IngestResult as the JSON
 * reader. CSV carries no metric types, so they come from K6_BUILTIN_METRICS, JOURNEY_METRICS
 * and `metricKinds` (others are read as trends, with a warning); timestamps have whole-second
 * resolution by default. Tags are the named columns plus `extra_tags` (`a=b&c=d`).
 * Low priority next to the JSON reader: lines are read with readline and split per field.
 */
export async function ingestK6Csv(
  paths: readonly string[] | string,
  options: IngestCsvOptions = {},
): Promise<IngestResult> {
  const result = createIngestResult(options);
  const state = createIngestState(result);
  const kinds = new Map<string, MetricKind>([
    ...K6_BUILTIN_METRICS,
    ...JOURNEY_METRICS,
    ...Object.entries(options.metricKinds ?? {}),
  ]);
  for (const path of typeof paths === 'string' ? [paths] : paths)
    await ingestCsvFile(state, path, kinds, options.timeFormat ?? 'unix');
  warnAboutSeriesCount(result, options.maxSeriesPerMetric);
  return result;
}

async function ingestCsvFile(
  state: IngestState,
  path: string,
  kinds: ReadonlyMap<string, MetricKind>,
  timeFormat: NonNullable<IngestCsvOptions['timeFormat']>,
): Promise<void> {
  const { result } = state;
  let gzip: boolean;
  try {
    gzip = await isGzipFile(path);
  } catch (error) {
    throw new UsageError(
      'results.raw-output-unreadable',
      `cannot read k6 CSV output ${path} (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
    );
  }
  const input = createReadStream(path);
  // A gzip cut short gives what it holds, then Z_BUF_ERROR: read up to there, and say so.
  const gunzip = gzip ? createGunzip() : null;
  const text = gunzip ? input.pipe(gunzip) : input;
  let bytesRead = 0;
  text.on('data', (chunk: Buffer) => {
    bytesRead += chunk.length;
  });
  // readline does not pass on its input's errors: keep the first and end the lines with it.
  let failure: unknown = null;
  const lines = createInterface({ input: text, crlfDelay: Infinity });
  gunzip?.on('error', (error) => {
    failure ??= error;
    lines.close();
  });
  try {
    await readCsvLines(state, lines, path, kinds, timeFormat);
  } catch (error) {
    failure ??= error;
  }
  if (failure !== null) {
    if (!gzip || !isGzipError(failure)) throw failure;
    if (!isGzipCutShort(failure)) throw damagedGzipError(path, failure, bytesRead, 'the file k6 wrote');
    result.warnings.push(
      `${path} is cut short after ${bytesRead.toLocaleString('en-US')} bytes (the run was cut short?); read up to there`,
    );
  }
  result.sources.push(path);
}

async function readCsvLines(
  state: IngestState,
  lines: AsyncIterable<string>,
  path: string,
  kinds: ReadonlyMap<string, MetricKind>,
  timeFormat: NonNullable<IngestCsvOptions['timeFormat']>,
): Promise<void> {
  const { result, tables } = state;
  const line = createK6Line(tables);
  let header: string[] | null = null;
  const warned = new Set<string>();
  for await (const text of lines) {
    if (text === '') continue;
    const fields = splitCsvLine(text);
    if (header === null) {
      header = fields;
      if (header[0] !== 'metric_name' || header[1] !== 'timestamp' || header[2] !== 'metric_value') {
        throw new UsageError(
          'results.not-k6-csv',
          `${path} is not k6 CSV output (its header is "${text.slice(0, 80)}")`,
        );
      }
      continue;
    }
    result.lines++;
    const metric = fields[0] ?? '';
    const timeMs = parseTime(fields[1] ?? '', timeFormat);
    const value = Number(fields[2]);
    if (metric === '' || Number.isNaN(timeMs) || fields[2] === '' || Number.isNaN(value)) {
      result.badLines++;
      continue;
    }
    if (!result.metrics.has(metric)) {
      const kind = kinds.get(metric);
      if (kind === undefined && !warned.has(metric)) {
        warned.add(metric);
        result.warnings.push(`metric ${metric}: CSV output does not say its type; read as a trend (pass metricKinds)`);
      }
      declareMetric(result, metric, kind ?? 'trend', 'default');
    }
    line.metricId = tables.metrics.idOf(metric);
    line.timeMs = timeMs;
    line.value = value;
    line.tagIds.fill(0);
    const setTag = (key: string, tagValue: string): void => {
      const slot = tables.keptTags.indexOf(key);
      if (slot >= 0 && tagValue !== '') line.tagIds[slot] = 1 + (tables.tagValues[slot]?.idOf(tagValue) ?? 0);
    };
    for (let column = 3; column < header.length; column++) {
      const name = header[column] as string;
      if (name === 'extra_tags') {
        for (const [key, tagValue] of new URLSearchParams(fields[column] ?? '')) setTag(key, tagValue);
      } else if (name !== 'metadata') setTag(name, fields[column] ?? '');
    }
    addPoint(state, line);
  }
}

function parseTime(text: string, format: NonNullable<IngestCsvOptions['timeFormat']>): number {
  if (format === 'rfc3339') return Date.parse(text);
  return Number(text) / TIME_DIVISORS[format];
}

/** Splits one CSV line (RFC 4180 quoting: "a,b" and "" inside quotes). */
export function splitCsvLine(text: string): string[] {
  if (!text.includes('"')) return text.split(',');
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      fields.push(field);
      field = '';
    } else field += c;
  }
  fields.push(field);
  return fields;
}
