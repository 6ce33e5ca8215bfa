import { describe, expect, it } from 'vitest';
import { evaluateTarget } from '../../harness/stats/evaluate-target.ts';
import type { TargetSpec } from '../../harness/stats/target-spec.ts';

const P95_CHECKOUT: TargetSpec = {
  id: 'latency.checkout.p95',
  metric: 'http_req_duration{step:checkout}',
  stat: 'p95',
  op: '<',
  threshold: 800,
  unit: 'ms',
  subject: { en: 'checkouts', ko: '결제 요청' },
};

describe('evaluateTarget', () => {
  it('passes when the value meets the target and the whole interval does too (no note)', () => {
    const v = evaluateTarget(P95_CHECKOUT, { value: 620, interval: [600, 650], samples: 5000 });
    expect(v.verdict).toBe('pass');
    expect(v.note).toBeUndefined();
    expect(v.reason).toBeUndefined();
    expect(v).toMatchObject({
      id: 'latency.checkout.p95',
      description: '95% of checkouts under 800 ms',
      measured: 620,
      interval: [600, 650],
      confidence: 0.95,
      samples: 5000,
      minSamples: 20,
      threshold: 800,
      op: '<',
      unit: 'ms',
    });
  });

  it('fails when the value misses, with reason "missed" and the numbers in the note', () => {
    const v = evaluateTarget(P95_CHECKOUT, { value: 950, interval: [900, 1000], samples: 5000 });
    expect(v.verdict).toBe('fail');
    expect(v.reason).toBe('missed');
    expect(v.note).toBe('measured 950 ms, target < 800 ms');
  });

  it('passes on the point estimate but flags an interval that crosses the threshold', () => {
    const v = evaluateTarget(P95_CHECKOUT, { value: 790, interval: [760, 830], samples: 400 });
    expect(v.verdict).toBe('pass');
    expect(v.reason).toBe('interval-crosses-threshold');
    expect(v.note).toMatch(/95% interval \[760 ms, 830 ms\] crosses 800 ms: a rerun may miss it/);
  });

  it('fails on the point estimate and flags an interval that crosses the threshold', () => {
    const v = evaluateTarget(P95_CHECKOUT, { value: 810, interval: [780, 840], samples: 400 });
    expect(v.verdict).toBe('fail');
    expect(v.reason).toBe('interval-crosses-threshold');
    expect(v.note).toMatch(/^measured 810 ms, target < 800 ms; .*a rerun may meet it$/);
  });

  it('judges on the point estimate alone when there is no interval', () => {
    expect(evaluateTarget(P95_CHECKOUT, { value: 799, interval: null, samples: 100 }).verdict).toBe('pass');
    expect(evaluateTarget(P95_CHECKOUT, { value: 800, interval: null, samples: 100 }).verdict).toBe('fail');
  });

  it('is inconclusive with "no samples recorded for <metric>" when nothing was measured', () => {
    for (const m of [null, { value: 0, interval: null, samples: 0 }]) {
      const v = evaluateTarget(P95_CHECKOUT, m);
      expect(v.verdict).toBe('inconclusive');
      expect(v.reason).toBe('no-samples');
      expect(v.note).toBe('no samples recorded for http_req_duration{step:checkout}');
      expect(v.measured).toBeNull();
      expect(v.samples).toBe(0);
    }
  });

  it('is inconclusive with too few samples (default 20 for p95, 100 for p99), keeping the value', () => {
    const v = evaluateTarget(P95_CHECKOUT, { value: 100, interval: [90, 700], samples: 12 });
    expect(v.verdict).toBe('inconclusive');
    expect(v.reason).toBe('too-few-samples');
    expect(v.note).toBe('too few samples to judge: 12, at least 20 needed for p95');
    expect(v.measured).toBe(100);
    const p99 = evaluateTarget({ ...P95_CHECKOUT, stat: 'p99' }, { value: 100, interval: null, samples: 99 });
    expect(p99.verdict).toBe('inconclusive');
    expect(p99.minSamples).toBe(100);
    expect(evaluateTarget({ ...P95_CHECKOUT, stat: 'p99' }, { value: 100, interval: null, samples: 100 }).verdict).toBe(
      'pass',
    );
  });

  it('uses the spec minSamples when given', () => {
    const spec = { ...P95_CHECKOUT, minSamples: 1000 };
    expect(evaluateTarget(spec, { value: 100, interval: null, samples: 999 }).verdict).toBe('inconclusive');
    expect(evaluateTarget(spec, { value: 100, interval: null, samples: 1000 }).verdict).toBe('pass');
  });

  it('is inconclusive when the value is NaN', () => {
    const v = evaluateTarget(P95_CHECKOUT, { value: Number.NaN, interval: null, samples: 100 });
    expect(v.verdict).toBe('inconclusive');
    expect(v.reason).toBe('not-a-number');
    expect(v.measured).toBeNull();
  });

  it('judges rates shown as percentages: error rate 2.5% vs < 1% fails', () => {
    const spec: TargetSpec = {
      id: 'errors.checkout',
      metric: 'http_req_failed',
      stat: 'rate',
      op: '<',
      threshold: 0.01,
      unit: 'ratio',
    };
    const v = evaluateTarget(spec, { value: 0.025, interval: [0.02, 0.031], samples: 2000 });
    expect(v.verdict).toBe('fail');
    expect(v.note).toBe('measured 2.5%, target < 1%');
  });

  it('judges ">=" (throughput at least 500 rps) both ways', () => {
    const spec: TargetSpec = {
      id: 'throughput',
      metric: 'http_reqs',
      stat: 'rate',
      op: '>=',
      threshold: 500,
      unit: 'rps',
    };
    expect(evaluateTarget(spec, { value: 500, interval: [480, 520], samples: 30000 }).reason).toBe(
      'interval-crosses-threshold',
    );
    expect(evaluateTarget(spec, { value: 520, interval: [510, 530], samples: 30000 }).verdict).toBe('pass');
    expect(evaluateTarget(spec, { value: 400, interval: [390, 410], samples: 30000 }).verdict).toBe('fail');
  });

  it('judges "==" exactly: oversold orders must be 0 (count needs only 1 sample)', () => {
    const spec: TargetSpec = {
      id: 'oversold',
      metric: 'oversold_orders',
      stat: 'count',
      op: '==',
      threshold: 0,
      unit: 'count',
    };
    const ok = evaluateTarget(spec, { value: 0, interval: [0, 0], samples: 1 });
    expect(ok.verdict).toBe('pass');
    expect(ok.note).toBeUndefined();
    expect(ok.description).toBe('No oversold_orders');
    const bad = evaluateTarget(spec, { value: 3, interval: null, samples: 800 });
    expect(bad.verdict).toBe('fail');
    expect(bad.note).toBe('measured 3, target == 0');
    expect(evaluateTarget(spec, { value: 0, interval: [0, 2], samples: 50 }).reason).toBe('interval-crosses-threshold');
  });

  it('keeps a given description and confidence', () => {
    const v = evaluateTarget(
      { ...P95_CHECKOUT, description: 'checkout fast enough' },
      { value: 100, interval: [90, 110], samples: 100, confidence: 0.99 },
    );
    expect(v.description).toBe('checkout fast enough');
    expect(v.confidence).toBe(0.99);
  });

  it('throws on a non-finite threshold (a bad spec, not a bad run)', () => {
    expect(() => evaluateTarget({ ...P95_CHECKOUT, threshold: Number.NaN }, null)).toThrow(RangeError);
  });
});
