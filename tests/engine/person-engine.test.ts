/**
 * The person engine measured against the truth: a 10-s sale run for real through Artillery
 * against the reference shop. Request counts equal the shop's own; every percentile read off
 * the merged histograms is within 1% of the exact type-7 percentile over the raw durations
 * (the engine's `rawSamples` check aid writes them); Artillery's own report counts the same
 * requests; and a run stopped half-way keeps what it measured.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestEngineRecords, measure } from '../../harness/results/index.ts';
import type { ScenarioInput } from '../../harness/scenario/index.ts';
import { percentile } from '../../harness/stats/index.ts';
import { countOf, runScenarioWithEngine, type EngineRun } from '../helpers/engine-run.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const work = useTempDir('engine');

/** 150 people for 40 units at k = 1 over 10 s, a waiting room admitting 600 a minute. */
const SALE: ScenarioInput = {
  name: 'engine-truth',
  target: { shop: { admissionRatePerMinute: 600, sessionTtlMs: 4_000 } },
  sale: { stock: 40, perPersonLimit: 1, durationMinutes: 12 / 60 },
  crowd: {
    people: 150,
    arrivals: {
      early: { share: 0.2, windowMinutes: 2 / 60 },
      burst: { share: 0.5, durationMinutes: 2 / 60 },
      tail: { durationMinutes: 6 / 60 },
    },
    patience: { kind: 'exponential', meanMinutes: 6 / 60 },
  },
  behaviour: { pollIntervalSeconds: 0.3, thinkSeconds: 0.05, secondTabChance: 0.2, refreshChance: 0.05 },
  timeScale: 1,
};

interface RawSample {
  readonly step: string;
  readonly ms: number;
}

function rawSamples(run: EngineRun): RawSample[] {
  const dir = join(run.dir, 'records');
  return readdirSync(dir).flatMap((name) =>
    readFileSync(join(dir, name), 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('{"type":"sample"'))
      .map((line) => JSON.parse(line) as RawSample),
  );
}

describe('the person engine against the truth', () => {
  let run: EngineRun;
  beforeAll(async () => {
    run = await runScenarioWithEngine(work, SALE, { engineSettings: { rawSamples: true } });
  }, 90_000);

  it('brings exactly the planned crowd, and counts every request the shop answered', () => {
    expect(run.result.interrupted).toBe(false);
    expect(countOf(run.ingest, 'sr_arrivals')).toBe(150);
    expect(run.result.ingest.people.length).toBe(150);
    expect(countOf(run.ingest, 'http_reqs')).toBe(run.stats.requestsTotal);
    expect(countOf(run.ingest, 'http_reqs{step:checkout,status:200}')).toBe(run.stats.ordersTotal);
    expect(countOf(run.ingest, 'sr_units_bought')).toBe(run.stats.unitsSold);
    expect(countOf(run.ingest, 'sr_admitted')).toBeLessThanOrEqual(run.stats.admittedTotal);
  });

  it('reads percentiles off merged histograms within 1% of the exact values over the raw samples', () => {
    const samples = rawSamples(run);
    expect(samples.length).toBe(run.stats.requestsTotal);
    const sorted = samples.map((sample) => sample.ms).sort((a, b) => a - b);
    for (const p of [0.5, 0.9, 0.95, 0.99]) {
      const exact = percentile(sorted, p);
      const merged = measure(run.ingest, 'http_req_duration', `p${Math.round(p * 100)}` as 'p50')!.value!;
      expect(Math.abs(merged / exact - 1), `p${p * 100}: ${merged} vs ${exact}`).toBeLessThan(0.01);
    }
    const polls = samples
      .filter((sample) => sample.step === 'poll')
      .map((sample) => sample.ms)
      .sort((a, b) => a - b);
    const exactPoll = percentile(polls, 0.95);
    expect(Math.abs(measure(run.ingest, 'http_req_duration{step:poll}', 'p95')!.value! / exactPoll - 1)).toBeLessThan(
      0.01,
    );
  });

  it('agrees with Artillery’s own report on the request count', () => {
    const report = JSON.parse(readFileSync(join(run.dir, 'artillery-report.json'), 'utf8')) as {
      aggregate: { counters: Record<string, number> };
    };
    expect(report.aggregate.counters['http.requests']).toBe(run.stats.requestsTotal);
    expect(report.aggregate.counters['saleready.person.arrivals']).toBe(150);
    // Artillery's virtual users are the engine's wake-ups: the start phase's, then each phase's arrivals
    const plan = JSON.parse(readFileSync(join(run.dir, 'plan.json'), 'utf8')) as {
      arrivalSegments: { people: number; wakeups: number }[];
    };
    const wakeups = 1 + plan.arrivalSegments.reduce((sum, segment) => sum + segment.wakeups, 0);
    expect(wakeups).toBeLessThan(150);
    expect(report.aggregate.counters['vusers.created']).toBe(wakeups);
    expect(report.aggregate.counters['vusers.completed']).toBe(wakeups);
  });

  it('reads the same figures back from the compressed files as it saw live', async () => {
    const again = await ingestEngineRecords(
      readdirSync(join(run.dir, 'records')).map((name) => join(run.dir, 'records', name)),
    );
    expect(countOf(again.result, 'http_reqs')).toBe(countOf(run.ingest, 'http_reqs'));
    expect(measure(again.result, 'http_req_duration', 'p95')?.value).toBe(
      measure(run.ingest, 'http_req_duration', 'p95')?.value,
    );
    expect(again.filesEnded).toBe(again.files);
  });
});

describe('a run stopped half-way', () => {
  it('stops Artillery, says so, and keeps what was measured until then', async () => {
    // stopped once 20 people have arrived (Artillery's start takes 2–4 s on a busy machine)
    const controller = new AbortController();
    const run = await runScenarioWithEngine(work, SALE, {
      signal: controller.signal,
      onProgress: (ingest) => {
        if (countOf(ingest, 'sr_arrivals') >= 20) controller.abort();
      },
    });
    expect(run.result.interrupted).toBe(true);
    expect(run.result.interruption).toMatch(/interrupted \(Ctrl-C\)/);
    const arrived = countOf(run.ingest, 'sr_arrivals');
    expect(arrived).toBeGreaterThanOrEqual(20);
    expect(arrived).toBeLessThan(150);
    // every person still in the journey when it stopped has no record: fewer records than arrivals
    expect(run.result.ingest.people.length).toBeLessThan(arrived);
    // what the engine wrote covers the shop's requests up to the last flush (every 0.5 s)
    const recorded = countOf(run.ingest, 'http_reqs');
    expect(recorded).toBeGreaterThan(0);
    expect(recorded).toBeLessThanOrEqual(run.stats.requestsTotal);
  });
});
