/** Runs the plain k6 script for real against the reference shop and keeps k6's own outputs (test helper). */
import { execFile } from 'node:child_process';
import { createReadStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { createGunzip } from 'node:zlib';
import { findFreePort } from '../../harness/k6/index.ts';

const execFileAsync = promisify(execFile);
export const plainScript = join(import.meta.dirname, 'plain-shop.k6.js');

export interface K6Outputs {
  readonly json: string;
  readonly csv?: string;
  readonly summary: string;
}

/** One k6 instance (optionally one execution segment of two) writing JSON (and CSV) output and --summary-export. */
export async function runPlainK6(k6: string, baseUrl: string, dir: string, label: string, segment?: string): Promise<K6Outputs> {
  const outputs = { json: join(dir, `${label}.json.gz`), csv: segment ? undefined : join(dir, `${label}.csv.gz`), summary: join(dir, `${label}.summary.json`) };
  const args = [
    'run', '--quiet', '--no-usage-report', '--address', `127.0.0.1:${await findFreePort()}`,
    '--summary-trend-stats', 'avg,min,med,max,p(90),p(95),p(99),count',
    '--summary-export', outputs.summary,
    '--out', `json=${outputs.json}`,
    ...(outputs.csv ? ['--out', `csv=${outputs.csv}`] : []),
    ...(segment ? ['--execution-segment', segment, '--execution-segment-sequence', '0,1/2,1'] : []),
    '--env', `BASE_URL=${baseUrl}`,
    plainScript,
  ];
  await execFileAsync(k6, args, { timeout: 60_000 });
  return outputs;
}

/** A metric's figures in k6's --summary-export (count for counters and trends, passes/value for rates). */
export interface K6Figures {
  readonly count: number;
  readonly passes: number;
  readonly value: number;
  readonly [stat: string]: number;
}

/** k6's --summary-export: metric (or submetric) → figures. */
export function readSummaryExport(path: string): Record<string, K6Figures> {
  return (JSON.parse(readFileSync(path, 'utf8')) as { metrics: Record<string, K6Figures> }).metrics;
}

/** Every raw http_req_duration sample of a k6 JSON output whose tags include `tags` (a plain reader, the reference). */
export async function rawDurations(path: string, tags: Readonly<Record<string, string>> = {}): Promise<number[]> {
  const values: number[] = [];
  const lines = createInterface({ input: createReadStream(path).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.includes('"http_req_duration"') || !line.includes('"Point"')) continue;
    const point = JSON.parse(line) as { metric: string; data: { value: number; tags?: Record<string, string> } };
    if (point.metric !== 'http_req_duration') continue;
    if (Object.entries(tags).every(([key, value]) => point.data.tags?.[key] === value)) values.push(point.data.value);
  }
  return values;
}

/** Percentile, type 7 (k6's): linear interpolation between order statistics. */
export function percentile7(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * p;
  const low = Math.floor(h);
  return (sorted[low] as number) + (h - low) * ((sorted[Math.min(low + 1, sorted.length - 1)] as number) - (sorted[low] as number));
}
