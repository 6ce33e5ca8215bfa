import { describe, expect, it } from 'vitest';
import { ExitCode, SalereadyError } from '../../harness/errors.ts';
import { MissingMetricError, assertMeasured } from '../../harness/stats/missing-metric-error.ts';

const spec = { id: 'latency.checkout.p95', metric: 'http_req_duration{step:checkout}' };

describe('MissingMetricError / assertMeasured', () => {
  it('throws a typed error with code STATS_NO_SAMPLES and exit code 1 for null or 0 samples', () => {
    for (const m of [null, { value: 1, interval: null, samples: 0 }]) {
      try {
        assertMeasured(spec, m);
        expect.unreachable('assertMeasured should throw');
      } catch (error) {
        expect(error).toBeInstanceOf(MissingMetricError);
        expect(error).toBeInstanceOf(SalereadyError);
        const e = error as MissingMetricError;
        expect(e.code).toBe('stats.no-samples');
        expect(e.exitCode).toBe(ExitCode.targetMissed);
        expect(e.message).toBe('target latency.checkout.p95: no samples recorded for http_req_duration{step:checkout}');
        expect(e.metric).toBe(spec.metric);
        expect(e.hints.length).toBeGreaterThan(0);
      }
    }
  });

  it('lets a measurement with samples through', () => {
    expect(() => assertMeasured(spec, { value: 1, interval: null, samples: 1 })).not.toThrow();
  });
});
