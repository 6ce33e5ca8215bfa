/**
 * The person engine's own pieces (plain JS inside Artillery) against the harness they feed:
 * its histogram puts every value in the same bucket as harness/stats (so ingest merges them
 * exactly), its outcome list is the harness's, and its crowd gives every arrival exactly one
 * identity, in the planned numbers.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { JOURNEY_TAG_VALUES } from '../../harness/results/index.ts';
import { createHistogram, histogramToJson, createMulberry32, recordValue } from '../../harness/stats/index.ts';

const require = createRequire(import.meta.url);
const engineHistogram = require('../../harness/engine/artillery-engine-saleready/histogram.js');
const { OUTCOMES } = require('../../harness/engine/artillery-engine-saleready/metrics.js');
const { createCrowd } = require('../../harness/engine/artillery-engine-saleready/crowd.js');

describe('the engine’s histogram', () => {
  it('serialises 20,000 latencies from 1 µs to 10 min exactly as harness/stats does', () => {
    const random = createMulberry32(7);
    const ours = createHistogram();
    const engine = engineHistogram.createHistogram();
    for (let i = 0; i < 20_000; i++) {
      const value = i % 1000 === 0 ? 0 : Math.exp(random() * Math.log(600_000_000)) / 1000;
      recordValue(ours, value);
      engineHistogram.recordValue(engine, value);
    }
    expect(engineHistogram.histogramToJson(engine)).toEqual(histogramToJson(ours));
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
    expect(actors.filter((a: { actor: string }) => a.actor === 'bot').map((a: { index: number }) => a.index)).toEqual([0, 1, 2, 3]);
    expect(actors.filter((a: { actor: string }) => a.actor === 'person').map((a: { index: number }) => a.index)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(actors.slice(4, 6).every((a: { actor: string }) => a.actor === 'bot')).toBe(true);
    // past the plan (Artillery started one more), an extra person with the next index
    expect(crowd.actorOf(10)).toEqual({ actor: 'person', index: 6 });
  });
});
