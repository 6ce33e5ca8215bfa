import { beforeAll, describe, expect, it } from 'vitest';
import { parseRunSummary, summarySchema, type RunSummary } from '../../harness/report/index.ts';
import { readK6Summary } from '../results/fixture.ts';
import { buildFixtureSummary } from './fixture-summary.ts';

// Reference values: k6's own --summary-export of the recorded run (fixtures/results).
const k6 = readK6Summary();
let summary: RunSummary;
beforeAll(async () => {
  summary = await buildFixtureSummary();
});

describe('buildRunSummary', () => {
  it('validates against the summary.json schema, also after a JSON round trip', () => {
    expect(summarySchema.safeParse(summary).success).toBe(true);
    expect(summary.schemaVersion).toBe(2);
    expect(summary.engine).toEqual({ name: 'k6', version: 'v2.2.0', exitCode: 0, personEngine: null });
    expect(parseRunSummary(JSON.parse(JSON.stringify(summary)))).toEqual(summary);
  });

  it('judges the targets and sums the verdict up: one missed target makes the run fail', () => {
    expect(summary.verdict).toBe('fail');
    expect(summary.targets.map((target) => [target.id, target.verdict])).toEqual([
      ['latency.checkout.p95', 'pass'],
      ['errors.checkout', 'fail'],
      ['wait.person.p95', 'pass'],
      ['latency.probe.p99', 'inconclusive'],
    ]);
    expect(summary.targets[0]?.descriptionKo).toMatch(/95%/);
  });

  it('counts requests, errors and outcomes per actor as k6 did', () => {
    expect(summary.requests.total).toBe(k6.http_reqs?.count);
    expect(summary.requests.failed).toBe(k6.http_req_failed?.passes);
    expect(summary.requests.errorRate).toBeCloseTo(k6.http_req_failed?.value as number, 12);
    expect(Object.keys(summary.actors)).toEqual(['bot', 'person']);
    const bought = Object.values(summary.actors).reduce((sum, actor) => sum + actor.outcomes.bought, 0);
    expect(bought).toBe(k6['sr_outcome{outcome:bought}']?.count);
    const arrivals = Object.values(summary.actors).reduce((sum, actor) => sum + actor.arrivals, 0);
    expect(arrivals).toBe(k6.sr_arrivals?.count);
  });

  it('shows queue waits in sale time: run time × k', () => {
    expect(summary.queueWait.timeScale).toBe(30);
    expect(summary.queueWait.saleTime.p95).toBeCloseTo((summary.queueWait.runTime.p95 ?? NaN) * 30, 6);
    expect(summary.queueWait.runTime.count).toBe(k6.sr_queue_wait?.count);
    const binned = summary.queueWait.saleTimeBins.reduce((sum, bin) => sum + bin.count, 0);
    expect(binned).toBe(k6.sr_queue_wait?.count);
  });

  it('computes oversold from the shop’s units sold and the stock, and keeps the shop’s counts flat', () => {
    expect(summary.stock).toEqual({ stock: 150, unitsSold: 150, unitsSoldSource: 'shop', oversold: 0 });
    expect(summary.shop?.['byActor.bot.orders']).toBe(30);
  });

  it('keeps a per-second timeline whose counts add up to the totals', () => {
    expect(summary.timelineBucketSeconds).toBe(1);
    expect(summary.timeline.length).toBeGreaterThanOrEqual(4);
    expect(summary.timeline.reduce((sum, point) => sum + point.requests, 0)).toBe(k6.http_reqs?.count);
    expect(summary.timeline.reduce((sum, point) => sum + point.arrivals, 0)).toBe(k6.sr_arrivals?.count);
    expect(new Set(summary.stepLatencyTimeline.map((point) => point.step))).toEqual(new Set(['checkout', 'join']));
    expect(summary.queueLengthSource).toBe('derived');
  });

  it('marks an interrupted run and says why', async () => {
    const partial = await buildFixtureSummary({ complete: false });
    expect(partial.complete).toBe(false);
    expect(partial.interruption).toBe('stopped by Ctrl-C');
  });

  it('rejects a summary that breaks the schema, naming the field', () => {
    expect(() => parseRunSummary({ ...summary, schemaVersion: 3 })).toThrow(/schemaVersion/);
    // A version-1 summary (k6 named the load generator) is not read as version 2.
    const { engine: _engine, ...withoutEngine } = summary;
    expect(() =>
      parseRunSummary({ ...withoutEngine, schemaVersion: 1, k6: { version: 'v2.2.0', exitCode: 0 } }),
    ).toThrow(/schemaVersion/);
    expect(() =>
      parseRunSummary({ ...summary, engine: { name: 'artillery', version: '2.0.34', exitCode: 0 } }),
    ).toThrow(/engine\.personEngine/);
    expect(() => parseRunSummary({ ...summary, stock: { ...summary.stock, unitsSoldSource: 'k6' } })).toThrow(
      /stock\.unitsSoldSource/,
    );
    expect(() => parseRunSummary({ ...summary, requests: { ...summary.requests, total: -1 } })).toThrow(
      /requests\.total/,
    );
  });
});
