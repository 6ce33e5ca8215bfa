import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestK6Output, measure, type IngestResult } from '../../harness/results/index.ts';
import { closeTo } from './fixture.ts';

// Reference: k6's own end-of-test summary of a full `saleready run scenarios/smoke.ts`
// (the generated journey library against the reference shop), fixtures/results/README.md.
// Every metric and submetric k6 reports must agree: counts exactly, Trend percentiles within 1%.
const raw = fileURLToPath(new URL('../../fixtures/results/journey-smoke.json.gz', import.meta.url));
const k6 = (
  JSON.parse(
    readFileSync(new URL('../../fixtures/results/journey-smoke.k6-summary.json', import.meta.url), 'utf8'),
  ) as {
    metrics: Record<string, { type: string; values: Record<string, number> }>;
  }
).metrics;

let ingest: IngestResult;
beforeAll(async () => {
  ingest = await ingestK6Output(raw);
});

describe('ingest of the journey library’s real output', () => {
  it('reads every line with no warning', () => {
    expect(ingest.badLines).toBe(0);
    expect(ingest.warnings).toEqual([]);
  });

  it.each(Object.entries(k6))('%s agrees with k6', (selector, { type, values }) => {
    if (type === 'trend') {
      expect(measure(ingest, selector, 'count')?.value).toBe(values.count);
      for (const [stat, key] of [
        ['p50', 'med'],
        ['p90', 'p(90)'],
        ['p95', 'p(95)'],
        ['p99', 'p(99)'],
        ['max', 'max'],
        ['min', 'min'],
      ] as const) {
        const value = measure(ingest, selector, stat)?.value ?? null;
        expect(closeTo(value, values[key] as number), `${stat}: ${value} vs k6 ${values[key]}`).toBe(true);
      }
    } else if (type === 'counter') {
      expect(measure(ingest, selector, 'count')?.value).toBe(values.count);
    } else if (type === 'rate') {
      expect(measure(ingest, selector, 'count')?.value).toBe(values.passes);
      expect(measure(ingest, selector, 'rate')?.samples).toBe((values.passes as number) + (values.fails as number));
    } else if (type === 'gauge') {
      expect(measure(ingest, selector, 'max')?.value).toBe(values.max);
    }
  });
});
