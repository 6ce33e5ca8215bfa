import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildRunSummary, summarySchema } from '../../harness/report/index.ts';
import { ingestK6Output } from '../../harness/results/index.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

// A hand-written raw output in k6's line layout with known counts per second, so the derived
// queue length can be checked by hand: second 0: 5 join, second 1: 1 re-joins, 2 admitted,
// 1 gives up, second 2: 2 admitted.
const dir = useTempDir('timeline');

const t0 = Date.UTC(2026, 10, 25, 10, 0, 0);
const declare = (name: string, type: string) =>
  JSON.stringify({
    type: 'Metric',
    data: { name, type, contains: 'default', thresholds: [], submetrics: null },
    metric: name,
  });
const point = (metric: string, second: number, value: number, tags: Record<string, string>) =>
  JSON.stringify({
    metric,
    type: 'Point',
    data: { time: new Date(t0 + second * 1000 + 250).toISOString(), value, tags },
  });

function writeRaw(): string {
  const lines = [
    declare('sr_arrivals', 'counter'),
    declare('sr_queue_joins', 'counter'),
    declare('sr_admitted', 'counter'),
    declare('sr_outcome', 'counter'),
    declare('sr_queue_wait', 'trend'),
    declare('sr_reentries', 'counter'),
    declare('http_reqs', 'counter'),
    // The harness's own probe request: not a person, so not an actor in the outcomes.
    point('http_reqs', 0, 1, { actor: 'harness', step: 'probe' }),
  ];
  for (let i = 0; i < 5; i++) {
    lines.push(
      point('sr_arrivals', 0, 1, { actor: 'person' }),
      point('sr_queue_joins', 0, 1, { actor: 'person', reentry: 'false' }),
    );
  }
  lines.push(point('sr_queue_joins', 1, 1, { actor: 'person', reentry: 'true' }));
  lines.push(point('sr_reentries', 1, 1, { actor: 'person', reason: 'ticket_expired' }));
  lines.push(point('sr_admitted', 1, 1, { actor: 'person' }), point('sr_admitted', 1, 1, { actor: 'person' }));
  lines.push(point('sr_queue_wait', 1, 800, { actor: 'person' }), point('sr_queue_wait', 1, 1200, { actor: 'person' }));
  lines.push(point('sr_outcome', 1, 1, { actor: 'person', outcome: 'gave_up' }));
  lines.push(point('sr_admitted', 2, 1, { actor: 'person' }), point('sr_admitted', 2, 1, { actor: 'person' }));
  const path = join(dir, 'raw.json');
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

const base = {
  verdicts: [],
  toolVersion: 'test',
  scenario: { name: 'by-hand', timeScale: 1 },
  plan: { timeScale: 10, people: 5, stock: 3 },
  target: { url: 'http://127.0.0.1:1', embedded: false },
  startedAt: new Date(t0),
  endedAt: new Date(t0 + 3000),
};

describe('buildRunSummary timeline', () => {
  it('derives the queue length as first joins − admitted − left, and takes k, people and stock from the plan', async () => {
    const ingest = await ingestK6Output(writeRaw());
    const summary = buildRunSummary({ ...base, ingest });
    expect(summarySchema.safeParse(summary).success).toBe(true);
    expect(summary.queueLengthSource).toBe('derived');
    expect(summary.timeline.map((p) => p.queueLength)).toEqual([5, 2, 0]);
    expect(summary.timeline.map((p) => p.joins)).toEqual([5, 1, 0]);
    expect(summary.scenario).toMatchObject({ timeScale: 10, people: 5, stock: 3 });
    // Waits of 800 and 1200 ms in run time are 8 and 12 s in sale time at k = 10.
    expect(summary.queueWait.saleTime.max).toBeCloseTo(12_000, 6);
    expect(summary.timeline[1]?.waitP50SaleMs).toBeGreaterThan(9_000);
    expect(summary.reentries).toEqual({ total: 1, byReason: { ticket_expired: 1 } });
    expect(summary.verdict).toBe('inconclusive'); // no targets: nothing was checked
    expect(Object.keys(summary.actors)).toEqual(['person']);
    expect(summary.actors.person?.outcomes.gave_up).toBe(1);
  });

  it('uses the shop’s own queue readings when given', async () => {
    const ingest = await ingestK6Output(writeRaw());
    const summary = buildRunSummary({
      ...base,
      ingest,
      shopQueueLength: [
        { timeMs: t0 + 500, length: 4 },
        { timeMs: t0 + 1500, length: 1 },
      ],
    });
    expect(summary.queueLengthSource).toBe('shop');
    expect(summary.timeline.map((p) => p.queueLength)).toEqual([4, 1, 1]);
  });

  it('reports overselling beyond stock', async () => {
    const ingest = await ingestK6Output(writeRaw());
    const summary = buildRunSummary({ ...base, ingest, unitsSold: 5 });
    expect(summary.stock).toEqual({ stock: 3, unitsSold: 5, unitsSoldSource: 'caller', oversold: 2 });
  });
});
