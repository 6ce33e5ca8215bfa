/**
 * The person engine's own pieces (plain JS inside Artillery) against the harness they feed:
 * what its record writer writes, ingest reads back into exactly the histograms and counts
 * harness/stats makes of the same values; its outcome list is the harness's; and its crowd
 * gives every arrival exactly one identity, in the planned numbers.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { ingestEngineRecords, JOURNEY_TAG_VALUES, listRecordFiles, measure } from '../../harness/results/index.ts';
import { wakeupsFor } from '../../harness/engine/index.ts';
import {
  createHistogram,
  createMulberry32,
  histogramPercentile,
  histogramToJson,
  percentile,
  recordValue,
} from '../../harness/stats/index.ts';
import { useTempDirEach } from '../helpers/temp-dir.ts';

const require = createRequire(import.meta.url);
const { createRecorder } = require('../../harness/engine/artillery-engine-saleready/records.js');
const { OUTCOMES } = require('../../harness/engine/artillery-engine-saleready/metrics.js');
const { createCrowd } = require('../../harness/engine/artillery-engine-saleready/crowd.js');

describe('the engine’s records, read back', () => {
  const recordsDir = useTempDirEach('records');

  it('hold 20,000 latencies from 1 µs to 10 min in exactly the buckets harness/stats puts them in, over 4 seconds and 3 flushes', async () => {
    const dir = recordsDir();
    const recorder = createRecorder(dir, { engine: 'saleready', engineVersion: 'test' }, { flushMs: 3_600_000 });
    const random = createMulberry32(7);
    const ours = createHistogram();
    const perSecond: number[][] = [[], [], [], []];
    const start = Date.UTC(2026, 10, 30, 12, 0, 0);
    for (let i = 0; i < 20_000; i++) {
      const value = i % 1000 === 0 ? 0 : Math.exp(random() * Math.log(600_000_000)) / 1000;
      const second = i % 4;
      recordValue(ours, value);
      perSecond[second]!.push(value);
      recorder.trend('http_req_duration', { step: 'poll', actor: 'person' }, value, start + second * 1000 + 10);
      recorder.count('http_reqs', { step: 'poll', actor: 'person' }, 1, start + second * 1000 + 10);
      if (i % 7000 === 6999) recorder.flush();
    }
    recorder.trend('http_req_duration', { step: 'poll', actor: 'person' }, -1, start);
    recorder.close();
    const ingest = await ingestEngineRecords(await listRecordFiles(dir));
    const series = [...ingest.result.series.values()].find((s) => s.metric === 'http_req_duration')!;
    if (series.total.kind !== 'trend') throw new Error('not a trend');
    // buckets, counts, min and max exact; the sum is added in another order (floating point)
    const { sum, ...buckets } = histogramToJson(series.total.histogram);
    const { sum: expectedSum, ...expectedBuckets } = histogramToJson(ours);
    expect(buckets).toEqual(expectedBuckets);
    expect(Math.abs(sum / expectedSum - 1)).toBeLessThan(1e-12);
    expect(series.total.negative).toBe(1);
    // per-second buckets are coarser (γ 1.05): counts exact, percentiles within 3.4% (two roundings)
    perSecond.forEach((values, second) => {
      const bucket = series.perSecond.get(Math.floor(start / 1000) + second)!;
      if (bucket.kind !== 'trend') throw new Error('not a trend');
      expect(bucket.histogram.count).toBe(values.length);
      const sorted = [...values].sort((a, b) => a - b);
      for (const p of [0.5, 0.95, 0.99]) {
        const exact = percentile(sorted, p);
        expect(Math.abs(histogramPercentile(bucket.histogram, p) / exact - 1), `second ${second} p${p}`).toBeLessThan(
          0.034,
        );
      }
    });
    expect(measure(ingest.result, 'http_reqs', 'count')?.value).toBe(20_000);
    expect(ingest.result.badLines).toBe(0);
    expect(ingest.filesEnded).toBe(1);
  });

  it('counts a line it cannot read as bad, and keeps reading', async () => {
    const dir = recordsDir();
    const recorder = createRecorder(dir, { engine: 'saleready', engineVersion: 'test' });
    recorder.count('http_reqs', { step: 'login', actor: 'person' }, 1, Date.UTC(2026, 10, 30));
    recorder.close();
    const [file] = await listRecordFiles(dir);
    const { appendFileSync } = await import('node:fs');
    appendFileSync(file!, 'c 1 x 3 3\nt 99 1 1 1 1 1 0 0 0 1\nc 1 1796040000 2 2\n');
    const ingest = await ingestEngineRecords([file!]);
    expect(ingest.result.badLines).toBe(2);
    expect(measure(ingest.result, 'http_reqs', 'count')?.value).toBe(3);
  });
});

describe('the engine’s vocabulary', () => {
  it('ends people with the outcomes the harness knows', () => {
    expect(OUTCOMES).toEqual(JOURNEY_TAG_VALUES.get('outcome'));
  });
});

describe('the engine’s crowd', () => {
  it('gives each arrival one identity: 6 people and 4 bots, interleaved per segment, indices dense', () => {
    const crowd = createCrowd([
      { people: 3, bots: 1 },
      { people: 0, bots: 2 },
      { people: 3, bots: 1 },
    ]);
    const actors = Array.from({ length: 10 }, (_, n) => crowd.actorOf(n));
    expect(actors.filter((a: { actor: string }) => a.actor === 'bot').map((a: { index: number }) => a.index)).toEqual([
      0, 1, 2, 3,
    ]);
    expect(
      actors.filter((a: { actor: string }) => a.actor === 'person').map((a: { index: number }) => a.index),
    ).toEqual([0, 1, 2, 3, 4, 5]);
    expect(actors.slice(4, 6).every((a: { actor: string }) => a.actor === 'bot')).toBe(true);
    // past the plan (Artillery started one more), an extra person with the next index
    expect(crowd.actorOf(10)).toEqual({ actor: 'person', index: 6 });
  });

  it('wakes up at most twice a second and starts every slot once, at its own time, never before its wake-up', () => {
    // 600 arrivals over 3 s (200 a second: Artillery would spin a core), nobody for 1 s, then 3 over 3 s
    const segments = [
      { startMs: 0, durationMs: 3000, people: 590, bots: 10, wakeups: wakeupsFor(600, 3000) },
      { startMs: 3000, durationMs: 1000, people: 0, bots: 0, wakeups: wakeupsFor(0, 1000) },
      { startMs: 4000, durationMs: 3000, people: 3, bots: 0, wakeups: wakeupsFor(3, 3000) },
    ];
    expect(segments.map((segment) => segment.wakeups)).toEqual([6, 0, 3]);
    const crowd = createCrowd(segments);
    // the start phase's wake-up, then the phases' arrivals at start + i·D/W
    const wakeupTimes = [0, 500, 1000, 1500, 2000, 2500, 3000, 5000, 6000, 7000];
    expect(crowd.wakeups).toBe(wakeupTimes.length);
    const handed: { slot: number; atMs: number }[] = [];
    wakeupTimes.forEach((time, n) => {
      const due = crowd.wakeup(n) as { slot: number; atMs: number }[];
      for (const { atMs } of due) {
        expect(atMs).toBeGreaterThanOrEqual(time);
        if (n + 1 < wakeupTimes.length) expect(atMs).toBeLessThan(wakeupTimes[n + 1]!);
      }
      handed.push(...due);
    });
    expect(handed.map((entry) => entry.slot)).toEqual(Array.from({ length: 603 }, (_, slot) => slot));
    // Artillery's own spacing: slot s of S over D at start + (s + 1)·D/S
    expect(handed[0]!.atMs).toBeCloseTo(5, 9);
    expect(handed[599]!.atMs).toBeCloseTo(3000, 9);
    expect(handed.slice(600).map((entry) => entry.atMs)).toEqual([5000, 6000, 7000]);
    expect(crowd.wakeup(wakeupTimes.length)).toEqual([]);
  });

  it('without wake-ups in its segments, wakes up once per slot at the slot’s own time', () => {
    const crowd = createCrowd([{ startMs: 0, durationMs: 1000, people: 4, bots: 0 }]);
    expect(crowd.wakeups).toBe(5);
    expect(crowd.wakeup(0)).toEqual([]);
    expect([1, 2, 3, 4].map((n) => crowd.wakeup(n))).toEqual([
      [{ slot: 0, atMs: 250 }],
      [{ slot: 1, atMs: 500 }],
      [{ slot: 2, atMs: 750 }],
      [{ slot: 3, atMs: 1000 }],
    ]);
  });
});
