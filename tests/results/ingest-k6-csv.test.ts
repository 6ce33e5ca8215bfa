import { describe, expect, it } from 'vitest';
import { ingestK6Csv, measure, splitCsvLine } from '../../harness/results/index.ts';
import { closeTo, rawCsvGz, readK6Summary } from './fixture.ts';

// Reference values: k6's --summary-export of the same run that wrote the CSV
// (fixtures/results). CSV values carry 6 decimals, so Trend percentiles agree within 1%.
const k6 = readK6Summary();

describe('ingestK6Csv', () => {
  it('reads k6 CSV output to the counts and percentiles k6 reported', async () => {
    const ingest = await ingestK6Csv(rawCsvGz, { metricKinds: { sr_checkout_ok: 'rate', sr_queue_length: 'gauge' } });
    expect(ingest.badLines).toBe(0);
    expect(ingest.warnings).toEqual([]);
    expect(measure(ingest, 'http_reqs', 'count')?.value).toBe(k6.http_reqs?.count);
    expect(measure(ingest, 'sr_outcome{outcome:bought}', 'count')?.value).toBe(k6['sr_outcome{outcome:bought}']?.count);
    expect(measure(ingest, 'http_req_failed{step:checkout}', 'rate')?.value).toBeCloseTo(
      k6['http_req_failed{step:checkout}']?.value as number,
      12,
    );
    expect(measure(ingest, 'sr_checkout_ok', 'count')?.value).toBe(k6.sr_checkout_ok?.passes);
    expect(measure(ingest, 'sr_queue_length', 'max')?.value).toBe(k6.sr_queue_length?.max);
    for (const [stat, key] of [
      ['p50', 'med'],
      ['p95', 'p(95)'],
      ['p99', 'p(99)'],
    ] as const) {
      const expected = k6['http_req_duration{step:checkout}']?.[key] as number;
      expect(closeTo(measure(ingest, 'http_req_duration{step:checkout}', stat)?.value ?? null, expected), stat).toBe(
        true,
      );
    }
  });

  it('warns when it cannot know a custom metric’s type', async () => {
    const ingest = await ingestK6Csv(rawCsvGz);
    expect(ingest.warnings.join('\n')).toMatch(/sr_checkout_ok: CSV output does not say its type/);
  });

  it('splits quoted CSV fields', () => {
    expect(splitCsvLine('a,"b,c",d')).toEqual(['a', 'b,c', 'd']);
    expect(splitCsvLine('"say ""hi""",,x')).toEqual(['say "hi"', '', 'x']);
  });
});
