/**
 * Artillery's own report (`artillery run --output report.json`, docs/ANALYZE.md): its
 * `aggregate` and its 10-second `intermediate` periods, each with counters, rates and
 * summaries of histograms (count, min, max, mean, p50 … p999 in ms, rounded to 0.1; no
 * sketches), read and checked, with the figures saleready judges read off them: requests,
 * responses by HTTP code, request errors, and the same per endpoint when the report has the
 * metrics-by-endpoint plugin's metrics (Artillery 2 adds that plugin to every http test).
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { z } from 'zod';
import { describeZodIssues, UsageError } from '../errors.ts';
import { addRecordLine, createEngineIngest, createRecordsFileState, RECORDS_FORMAT } from './ingest-engine-records.ts';
import type { IngestResult } from './ingest-result.ts';

/** Artillery's summary of one histogram (a DDSketch, 1% relative accuracy), ms rounded to 0.1. */
export interface ArtillerySummary {
  readonly count: number;
  readonly min: number;
  readonly max: number;
  readonly mean: number;
  readonly p50: number;
  readonly p75: number | null;
  readonly p90: number;
  readonly p95: number;
  readonly p99: number;
  readonly p999: number | null;
}

/** What the requests to one endpoint (or to all of them) came to in one period. */
export interface ArtilleryRequests {
  /** Responses by HTTP code (`http.codes.200` …), and requests that ended in an error instead (`ETIMEDOUT` …). */
  readonly codes: Readonly<Record<string, number>>;
  readonly errors: Readonly<Record<string, number>>;
  /** Responses plus request errors. */
  readonly requests: number;
  /** Responses other than 2xx/3xx plus request errors. */
  readonly failed: number;
  /** `http.response_time` (time to first byte), or the endpoint's; null when none was recorded. */
  readonly responseTime: ArtillerySummary | null;
}

/** One period of the report (an intermediate one, or the aggregate over the whole run). */
export interface ArtilleryPeriod {
  /** The period's start, ms since the epoch (Artillery aligns periods to 10 s of the wall clock); the aggregate's is the first period's. */
  readonly startMs: number;
  readonly firstMetricMs: number | null;
  readonly lastMetricMs: number | null;
  readonly counters: Readonly<Record<string, number>>;
  readonly rates: Readonly<Record<string, number>>;
  readonly summaries: Readonly<Record<string, ArtillerySummary>>;
  /** Every request: `http.requests` sent; codes, request errors, failures and response times. */
  readonly http: ArtilleryRequests & { readonly sent: number };
  /** Per endpoint name (`/api/login`, `/api/login (login)` …), from the metrics-by-endpoint plugin. */
  readonly endpoints: ReadonlyMap<string, ArtilleryRequests>;
}

export interface ArtilleryReport {
  readonly source: string;
  readonly aggregate: ArtilleryPeriod;
  /** The 10-second periods, in time order. */
  readonly intermediate: readonly ArtilleryPeriod[];
  /** Whether the report holds the metrics-by-endpoint plugin's metrics. */
  readonly hasEndpoints: boolean;
}

/** Prefix of the metrics-by-endpoint plugin's metrics (its default `metricsNamespace`). */
export const ENDPOINT_PREFIX = 'plugins.metrics-by-endpoint.';

const number = z.number().refine(Number.isFinite, 'must be a finite number');
const summarySchema = z.object({
  count: z.number().int().nonnegative(),
  min: number,
  max: number,
  mean: number,
  p50: number,
  p75: number.optional(),
  p90: number,
  p95: number,
  p99: number,
  p999: number.optional(),
});
const periodSchema = z.object({
  period: z.union([number, z.string().regex(/^\d+$/, 'must be a time in ms')]).optional(),
  firstMetricAt: number.optional(),
  lastMetricAt: number.optional(),
  counters: z.record(z.string(), number).optional(),
  rates: z.record(z.string(), number).optional(),
  summaries: z.record(z.string(), summarySchema).optional(),
  histograms: z.record(z.string(), summarySchema).optional(),
});
const reportSchema = z.object({ aggregate: periodSchema, intermediate: z.array(periodSchema) });

/** True when a parsed JSON document has Artillery's top-level `aggregate` and `intermediate`. */
export function looksLikeArtilleryReport(document: unknown): boolean {
  return typeof document === 'object' && document !== null && 'aggregate' in document && 'intermediate' in document;
}

/** Reads an Artillery report (JSON, gzipped or not); anything else is a UsageError naming the file. */
export async function readArtilleryReport(path: string): Promise<ArtilleryReport> {
  let document: unknown;
  try {
    const bytes = await readFile(path);
    const text = (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString('utf8');
    document = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a folder'
          : (error as Error).message.split('\n')[0];
    throw new UsageError('analyze.bad-artillery-report', `${path} is not a readable Artillery report: ${reason}`, [
      'pass the file `artillery run --output <file>` wrote, whole (Artillery writes it only when the run ends)',
    ]);
  }
  return parseArtilleryReport(document, path);
}

/** Checks a parsed report and reads its figures; a UsageError names the file and the field. Pure. */
export function parseArtilleryReport(document: unknown, source: string): ArtilleryReport {
  if (!looksLikeArtilleryReport(document)) {
    throw new UsageError(
      'analyze.not-artillery-report',
      `${source} is not an Artillery report: it has no top-level "aggregate" and "intermediate"`,
    );
  }
  const parsed = reportSchema.safeParse(document);
  if (!parsed.success)
    throw new UsageError(
      'analyze.bad-artillery-report',
      describeZodIssues(parsed.error.issues, `${source} is not a valid Artillery report`),
    );
  const intermediate = parsed.data.intermediate.map(readPeriod).sort((a, b) => a.startMs - b.startMs);
  const whole = readPeriod(parsed.data.aggregate);
  // Artillery writes the last period's start as the aggregate's `period`: the run starts with the first.
  const aggregate = { ...whole, startMs: intermediate[0]?.startMs ?? whole.firstMetricMs ?? whole.startMs };
  if (aggregate.firstMetricMs === null || aggregate.lastMetricMs === null) {
    throw new UsageError('analyze.no-samples', `the Artillery report ${source} holds no metrics`, [
      'was the run stopped before its first request?',
    ]);
  }
  const hasEndpoints = [aggregate, ...intermediate].some((period) => period.endpoints.size > 0);
  return { source, aggregate, intermediate, hasEndpoints };
}

type PeriodJson = z.infer<typeof periodSchema>;

function readPeriod(json: PeriodJson): ArtilleryPeriod {
  const counters = json.counters ?? {};
  const summaries = Object.fromEntries(
    Object.entries(json.summaries ?? json.histograms ?? {}).map(([name, summary]) => [name, toSummary(summary)]),
  );
  const firstMetricMs = json.firstMetricAt !== undefined && json.firstMetricAt > 0 ? json.firstMetricAt : null;
  const lastMetricMs = json.lastMetricAt !== undefined && json.lastMetricAt > 0 ? json.lastMetricAt : null;
  const codes: Record<string, number> = {};
  const errors: Record<string, number> = {};
  const byEndpoint = new Map<string, { codes: Record<string, number>; errors: Record<string, number> }>();
  const endpointOf = (name: string): { codes: Record<string, number>; errors: Record<string, number> } => {
    let endpoint = byEndpoint.get(name);
    if (endpoint === undefined) byEndpoint.set(name, (endpoint = { codes: {}, errors: {} }));
    return endpoint;
  };
  for (const [name, value] of Object.entries(counters)) {
    const code = /^http\.codes\.(\d+)$/.exec(name);
    if (code) codes[code[1] as string] = value;
    else if (name.startsWith('errors.')) errors[name.slice('errors.'.length)] = value;
    else if (name.startsWith(ENDPOINT_PREFIX)) {
      const rest = name.slice(ENDPOINT_PREFIX.length);
      const endpointCode = /^(.+)\.codes\.(\d+)$/.exec(rest);
      const endpointError = /^(.+)\.errors\.([^.]+)$/.exec(rest);
      if (endpointCode) endpointOf(endpointCode[1] as string).codes[endpointCode[2] as string] = value;
      else if (endpointError) endpointOf(endpointError[1] as string).errors[endpointError[2] as string] = value;
    }
  }
  for (const name of Object.keys(summaries)) {
    if (name.startsWith(`${ENDPOINT_PREFIX}response_time.`))
      endpointOf(name.slice(`${ENDPOINT_PREFIX}response_time.`.length));
  }
  const endpoints = new Map(
    [...byEndpoint]
      .sort((a, b) => a[0].localeCompare(b[0]))
      .map(([name, figures]) => [
        name,
        requestFigures(figures.codes, figures.errors, summaries[`${ENDPOINT_PREFIX}response_time.${name}`] ?? null),
      ]),
  );
  const requestErrors = Object.fromEntries(Object.entries(errors).filter(([name]) => isRequestError(name, endpoints)));
  const http = requestFigures(codes, requestErrors, summaries['http.response_time'] ?? null);
  return {
    startMs: Number(json.period ?? firstMetricMs ?? 0),
    firstMetricMs,
    lastMetricMs,
    counters,
    rates: json.rates ?? {},
    summaries,
    http: { ...http, sent: counters['http.requests'] ?? http.requests },
    endpoints,
  };
}

/**
 * Whether an `errors.<name>` counter counts requests that got no response: a Node.js error code
 * (`ETIMEDOUT`, `ECONNREFUSED`, `ERR_…`) or an error the metrics-by-endpoint plugin saw on a
 * request. Others (`Failed capture or match`, a processor's own) follow a response already counted.
 */
function isRequestError(name: string, endpoints: ReadonlyMap<string, ArtilleryRequests>): boolean {
  if (/^E[A-Z0-9_]+$/.test(name)) return true;
  return [...endpoints.values()].some((endpoint) => name in endpoint.errors);
}

function requestFigures(
  codes: Record<string, number>,
  errors: Record<string, number>,
  responseTime: ArtillerySummary | null,
): ArtilleryRequests {
  let requests = 0;
  let failed = 0;
  for (const [code, count] of Object.entries(codes)) {
    requests += count;
    if (!isSuccessCode(code)) failed += count;
  }
  for (const count of Object.values(errors)) {
    requests += count;
    failed += count;
  }
  return { codes, errors, requests, failed, responseTime };
}

/** 2xx and 3xx answers are successes (k6's default `expected_response`). */
export function isSuccessCode(code: string): boolean {
  return /^[23]\d\d$/.test(code);
}

function toSummary(json: z.infer<typeof summarySchema>): ArtillerySummary {
  return {
    count: json.count,
    min: json.min,
    max: json.max,
    mean: json.mean,
    p50: json.p50,
    p75: json.p75 ?? null,
    p90: json.p90,
    p95: json.p95,
    p99: json.p99,
    p999: json.p999 ?? null,
  };
}

/**
 * The requests of a period that no endpoint accounts for, by status: codes and request errors
 * beyond the endpoints' (the plugin ignored them, or the report has no endpoints) and, for the
 * aggregate, requests sent that ended in neither (`no response`).
 */
export function unnamedRequests(period: ArtilleryPeriod, withUnanswered: boolean): Record<string, number> {
  const rest: Record<string, number> = {};
  const take = (status: string, total: number, named: (endpoint: ArtilleryRequests) => number | undefined): void => {
    const left = total - [...period.endpoints.values()].reduce((sum, endpoint) => sum + (named(endpoint) ?? 0), 0);
    if (left > 0) rest[status] = (rest[status] ?? 0) + left;
  };
  for (const [code, count] of Object.entries(period.http.codes)) take(code, count, (endpoint) => endpoint.codes[code]);
  for (const [error, count] of Object.entries(period.http.errors))
    take(error, count, (endpoint) => endpoint.errors[error]);
  if (withUnanswered && period.http.sent > period.http.requests)
    rest[NO_RESPONSE] = period.http.sent - period.http.requests;
  return rest;
}

/** The status of requests that ended neither in a response nor in a request error. */
export const NO_RESPONSE = 'no response';

/**
 * The report's request counts as saleready's own records (format saleready.records.v2, the
 * person engine's; harness/results/ingest-engine-records.ts), one line per period, metric and
 * set of tags, so that a run folder holding them is read back like a `saleready run`'s
 * (compare, gate): `http_reqs` (counter) and `http_req_failed` (rate) split by `name` (the
 * endpoint, when the report has endpoints) and `status` (the HTTP code, or the error a request
 * ended in), and Artillery's `vusers.created`, `vusers.completed`, `vusers.failed`. Counts are
 * exact; there are no response times (a report holds summaries, from which no histogram can
 * be rebuilt). Records name a second (spanning [s, s + 1) when read back), not a period: a
 * period's requests and created users are filed under the second nearest its first metric, its
 * completed and failed users under the second whose end is nearest its last metric, so read
 * back the records span the run within half a second at either end (compare divides requests
 * by that span). Requests no endpoint accounts for count without a name. Cost O(periods ×
 * endpoints × codes).
 */
export function artilleryReportRecords(report: ArtilleryReport): string[] {
  const lines = [
    JSON.stringify({
      type: 'meta',
      format: RECORDS_FORMAT,
      engine: 'artillery',
      engineVersion: 'report',
      source: basename(report.source),
      periodSeconds: 10,
    }),
  ];
  const ids = new Map<string, number>();
  const series = (
    second: number,
    metric: string,
    tags: Record<string, string>,
    aggregate: { kind: 'counter'; count: number; sum: number } | { kind: 'rate'; count: number; nonZero: number },
  ): void => {
    const key = JSON.stringify([metric, tags]);
    let id = ids.get(key);
    if (id === undefined) {
      id = ids.size + 1;
      ids.set(key, id);
      lines.push(JSON.stringify({ type: 'series', id, metric, kind: aggregate.kind, tags }));
    }
    lines.push(
      aggregate.kind === 'counter'
        ? `c ${id} ${second} ${aggregate.count} ${aggregate.sum}`
        : `r ${id} ${second} ${aggregate.count} ${aggregate.nonZero}`,
    );
  };
  // Without periods (a report cut to its aggregate), the aggregate stands for one period.
  const periods = report.intermediate.length > 0 ? report.intermediate : [report.aggregate];
  for (const period of periods) {
    const first = Math.round((period.firstMetricMs ?? period.startMs) / 1000);
    const last = Math.max(first, Math.round(((period.lastMetricMs ?? period.startMs) - 999) / 1000));
    const requests = (name: string | undefined, status: string, count: number): void => {
      if (!(count > 0)) return;
      const tags: Record<string, string> = name === undefined ? { status } : { name, status };
      series(first, 'http_reqs', tags, { kind: 'counter', count, sum: count });
      series(first, 'http_req_failed', tags, { kind: 'rate', count, nonZero: isSuccessCode(status) ? 0 : count });
    };
    for (const [status, count] of Object.entries(unnamedRequests(period, false))) requests(undefined, status, count);
    for (const [name, endpoint] of period.endpoints) {
      for (const [status, count] of [...Object.entries(endpoint.codes), ...Object.entries(endpoint.errors)])
        requests(name, status, count);
    }
    for (const [metric, second] of [
      ['vusers.created', first],
      ['vusers.completed', last],
      ['vusers.failed', last],
    ] as const) {
      const count = period.counters[metric] ?? 0;
      if (count > 0) series(second, metric, {}, { kind: 'counter', count, sum: count });
    }
  }
  // Requests sent that ended neither in a response nor in a request error (in flight at the end).
  const unanswered = unnamedRequests(report.aggregate, true)[NO_RESPONSE] ?? 0;
  if (unanswered > 0) {
    const second = Math.round(((report.aggregate.lastMetricMs ?? report.aggregate.startMs) - 999) / 1000);
    series(second, 'http_reqs', { status: NO_RESPONSE }, { kind: 'counter', count: unanswered, sum: unanswered });
    series(
      second,
      'http_req_failed',
      { status: NO_RESPONSE },
      { kind: 'rate', count: unanswered, nonZero: unanswered },
    );
  }
  lines.push(JSON.stringify({ type: 'end', atMs: report.aggregate.lastMetricMs }));
  return lines;
}

/** The report's records (artilleryReportRecords) read into an IngestResult, as compare reads them back. */
export function artilleryReportToIngest(report: ArtilleryReport): IngestResult {
  const ingest = createEngineIngest();
  const file = createRecordsFileState();
  for (const line of artilleryReportRecords(report)) addRecordLine(ingest, file, line);
  const { http } = report.aggregate;
  if (http.sent < http.requests) {
    ingest.result.warnings.push(
      `${report.source}: http.requests is ${http.sent}, fewer than its ${http.requests} responses and request errors`,
    );
  }
  ingest.result.sources.push(report.source);
  return ingest.result;
}
