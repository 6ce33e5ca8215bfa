/**
 * A RunSummary built from the real k6 run recorded in fixtures/results (a k6 output saleready
 * still reads, as `saleready analyze` does), with a failing target.
 */
import { fileURLToPath } from 'node:url';
import { buildRunSummary, type RunSummary } from '../../harness/report/index.ts';
import { evaluateTargets, ingestK6Output } from '../../harness/results/index.ts';
import type { TargetSpec } from '../../harness/stats/index.ts';

const rawJsonGz = fileURLToPath(new URL('../../fixtures/results/small-sale.json.gz', import.meta.url));

export const fixtureTargets: TargetSpec[] = [
  {
    id: 'latency.checkout.p95',
    metric: 'http_req_duration{step:checkout}',
    stat: 'p95',
    op: '<',
    threshold: 800,
    unit: 'ms',
  },
  {
    id: 'errors.checkout',
    metric: 'http_req_failed{step:checkout}',
    stat: 'rate',
    op: '<',
    threshold: 0.01,
    unit: 'ratio',
  },
  {
    id: 'wait.person.p95',
    metric: 'sr_queue_wait{actor:person}',
    stat: 'p95',
    op: '<=',
    threshold: 20,
    unit: 'min',
    scale: 30 / 60_000,
  },
  {
    id: 'latency.probe.p99',
    metric: 'http_req_duration{step:probe}',
    stat: 'p99',
    op: '<',
    threshold: 500,
    unit: 'ms',
  },
];

export async function buildFixtureSummary(overrides: { complete?: boolean } = {}): Promise<RunSummary> {
  const ingest = await ingestK6Output(rawJsonGz);
  return buildRunSummary({
    ingest,
    verdicts: evaluateTargets(ingest, fixtureTargets),
    toolVersion: '0.1.0-test',
    scenario: { name: 'small-sale', timeScale: 30, people: 262, stock: 150, description: 'recorded fixture' },
    target: { url: 'http://127.0.0.1:40709', embedded: true },
    startedAt: new Date(ingest.firstSampleMs ?? 0),
    endedAt: new Date(ingest.lastSampleMs ?? 0),
    complete: overrides.complete ?? true,
    interruption: overrides.complete === false ? 'stopped by Ctrl-C' : null,
    shopStats: {
      unitsSold: 150,
      ordersTotal: 150,
      queueLength: 0,
      byActor: { person: { orders: 120 }, bot: { orders: 30 } },
    },
    engine: { name: 'k6', version: 'v2.2.0', exitCode: 0, personEngine: null },
  });
}
