import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ingestK6Output,
  ingestToJson,
  measure,
  mergeIngestResults,
  type IngestResult,
} from '../../harness/results/index.ts';
import { closeTo, rawJsonGz, readK6Summary } from './fixture.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

// Reference values: k6 v2.2.0's own --summary-export of the same run
// (fixtures/results/small-sale.summary.json). k6 computes Trend percentiles exactly
// (type 7); ingest reads them from log-bucketed histograms, so they must agree within 1%.
// Counts, sums, min, max and means are exact in both, so they must agree to 1e-9.

const dir = useTempDir('ingest');
let ingest: IngestResult;
const k6 = readK6Summary();

beforeAll(async () => {
  ingest = await ingestK6Output(rawJsonGz);
});

function k6Metric(name: string): Record<string, number> {
  const metric = k6[name];
  if (!metric) throw new Error(`k6 summary has no ${name}`);
  return metric;
}

describe('ingestK6Output on real k6 output', () => {
  it.each([
    'http_req_duration',
    'http_req_duration{step:checkout}',
    'http_req_duration{step:join}',
    'http_req_duration{expected_response:true}',
    'http_req_waiting',
    'iteration_duration',
    'sr_queue_wait',
    'sr_queue_wait{actor:person}',
  ])('Trend %s: percentiles within 1% of k6, count/min/max/mean exact', (selector) => {
    const expected = k6Metric(selector);
    for (const [stat, key] of [
      ['p50', 'med'],
      ['p90', 'p(90)'],
      ['p95', 'p(95)'],
      ['p99', 'p(99)'],
    ] as const) {
      const value = measure(ingest, selector, stat)?.value ?? null;
      expect(closeTo(value, expected[key] as number), `${selector} ${stat}: ${value} vs k6 ${expected[key]}`).toBe(
        true,
      );
    }
    expect(measure(ingest, selector, 'count')?.value).toBe(expected.count);
    expect(measure(ingest, selector, 'min')?.value).toBeCloseTo(expected.min as number, 9);
    expect(measure(ingest, selector, 'max')?.value).toBeCloseTo(expected.max as number, 9);
    expect(closeTo(measure(ingest, selector, 'of.mean')?.value ?? null, expected.avg as number, 1e-9)).toBe(true);
  });

  it.each([
    'http_reqs',
    'iterations',
    'sr_arrivals',
    'sr_admitted',
    'sr_outcome',
    'sr_outcome{outcome:bought}',
    'data_sent',
  ])('Counter %s: count equals k6', (selector) => {
    expect(measure(ingest, selector, 'count')?.value).toBe(k6Metric(selector).count);
  });

  it.each(['http_req_failed', 'http_req_failed{step:checkout}', 'sr_checkout_ok'])(
    'Rate %s: passes and rate equal k6',
    (selector) => {
      const expected = k6Metric(selector);
      const rate = measure(ingest, selector, 'rate');
      expect(rate?.samples).toBe((expected.passes as number) + (expected.fails as number));
      expect(measure(ingest, selector, 'count')?.value).toBe(expected.passes);
      expect(rate?.value).toBeCloseTo(expected.value as number, 12);
      const [lower, upper] = rate?.interval ?? [NaN, NaN];
      expect(lower).toBeLessThanOrEqual(expected.value as number);
      expect(upper).toBeGreaterThanOrEqual(expected.value as number);
    },
  );

  it('Gauge sr_queue_length: min and max equal k6', () => {
    const expected = k6Metric('sr_queue_length');
    expect(measure(ingest, 'sr_queue_length', 'min')?.value).toBe(expected.min);
    expect(measure(ingest, 'sr_queue_length', 'max')?.value).toBe(expected.max);
  });

  it('keeps only the configured tags: never url, and all per-second buckets add up to the totals', () => {
    for (const series of ingest.series.values()) {
      expect(series.tags).not.toHaveProperty('url');
      expect(series.tags).not.toHaveProperty('method');
    }
    const total = measure(ingest, 'http_reqs', 'count')?.value;
    const perSecond = [...ingest.series.values()]
      .filter((series) => series.metric === 'http_reqs')
      .flatMap((series) => [...series.perSecond.values()])
      .reduce((sum, bucket) => sum + (bucket.kind === 'counter' ? bucket.sum : 0), 0);
    expect(perSecond).toBe(total);
    expect(ingest.badLines).toBe(0);
    expect(ingest.warnings).toEqual([]);
  });

  it('reads gzipped and plain files to the same result (detected by magic bytes, not the name)', async () => {
    const plain = join(dir, 'raw.json.gz'); // plain text under a .gz name on purpose
    writeFileSync(plain, gunzipSync(readFileSync(rawJsonGz)));
    const fromPlain = ingestToJson(await ingestK6Output(plain));
    expect({ ...fromPlain, sources: [] }).toEqual({ ...ingestToJson(ingest), sources: [] });
  });

  it('gives the same result with the fast reader and with JSON.parse on every line', async () => {
    const viaJsonParse = await ingestK6Output(rawJsonGz, { reader: 'json' });
    expect(viaJsonParse.slowLines).toBe(viaJsonParse.lines);
    expect(ingest.slowLines).toBe(ingest.metrics.size); // only the Metric declarations
    expect(ingestToJson(viaJsonParse)).toEqual(ingestToJson(ingest));
  });

  it('merges two halves (two k6 instances) into exactly the whole', async () => {
    const lines = gunzipSync(readFileSync(rawJsonGz)).toString('utf8').trimEnd().split('\n');
    const declarations = lines.filter((line) => line.includes('"type":"Metric"'));
    const half = Math.floor(lines.length / 2);
    const first = join(dir, 'instance-1.json.gz');
    const second = join(dir, 'instance-2.json.gz');
    writeFileSync(first, gzipSync(lines.slice(0, half).join('\n') + '\n'));
    // Each k6 instance declares its metrics before their first sample.
    writeFileSync(second, gzipSync([...declarations, ...lines.slice(half)].join('\n') + '\n'));
    const merged = mergeIngestResults([await ingestK6Output(first), await ingestK6Output(second)]);
    const together = await ingestK6Output([first, second]);
    const strip = (result: IngestResult) => roundSums({ ...ingestToJson(result), lines: 0, sources: [] });
    expect(strip(merged)).toEqual(strip(ingest));
    expect(strip(together)).toEqual(strip(ingest));
    expect(measure(merged, 'http_req_duration', 'p95')).toEqual(measure(ingest, 'http_req_duration', 'p95'));
  });

  it('reads a gzip file cut short (an interrupted run) up to where it ends', async () => {
    const whole = readFileSync(rawJsonGz);
    const cut = join(dir, 'cut.json.gz');
    writeFileSync(cut, whole.subarray(0, Math.floor(whole.length / 2)));
    const partial = await ingestK6Output(cut);
    expect(partial.samples).toBeGreaterThan(0);
    expect(partial.samples).toBeLessThan(ingest.samples);
  });

  it('names the file when it cannot be read', async () => {
    await expect(ingestK6Output(join(dir, 'missing.json.gz'))).rejects.toThrow(/missing\.json\.gz/);
  });
});

/** Float sums depend on the order of addition; compare them to 12 significant digits. */
function roundSums<T>(value: T): T {
  return JSON.parse(JSON.stringify(value), (key, item: unknown) =>
    key === 'sum' && typeof item === 'number' ? Number(item.toPrecision(12)) : item,
  ) as T;
}
