/**
 * A plan split into N worker shares (harness/engine/split-plan.ts): the shares add up to the
 * plan exactly per segment, bot rings stay whole, arrivals per segment are divided by N within
 * one, accounts are disjoint, stock is not split, and N = 1 is the plan itself. The person
 * engine's crowd, given a share, hands out exactly that share's accounts.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { buildArrivalSegments, sharePlanJson, splitPlan, type PlanSplit } from '../../harness/engine/index.ts';
import {
  loadScenario,
  parseScenario,
  planRun,
  type RunPlan,
  type ScenarioInput,
} from '../../harness/scenario/index.ts';
import { generatePeoplePool } from '../../harness/people/index.ts';

const require = createRequire(import.meta.url);
const { createCrowd } = require('../../harness/engine/artillery-engine-saleready/crowd.js');

/** The ring of every bot in bots.json order, as `saleready run` writes the pool (seed 1, ko). */
function poolBotRings(plan: RunPlan): number[] {
  const bots = plan.bots?.count ?? 0;
  const total = plan.people + bots;
  const pool = generatePeoplePool({
    people: total,
    seed: 1,
    botShare: bots / total,
    ringSize: plan.bots?.ringSize ?? 5,
    locale: 'ko',
  });
  const rings: number[] = [];
  for (const person of pool) if (person.actor === 'bot') rings.push(person.ring as number);
  return rings;
}

function expectExactSums(plan: RunPlan, split: PlanSplit): void {
  const segments = buildArrivalSegments(plan);
  segments.forEach((segment, s) => {
    expect(
      split.shares.reduce((sum, share) => sum + share.segments[s]!.people, 0),
      `people of segment ${s + 1}`,
    ).toBe(segment.people);
    expect(
      split.shares.reduce((sum, share) => sum + share.segments[s]!.bots, 0),
      `bots of segment ${s + 1}`,
    ).toBe(segment.bots);
    for (const share of split.shares) {
      expect(share.segments[s]!.startMs).toBe(segment.startMs);
      expect(share.segments[s]!.durationMs).toBe(segment.durationMs);
      expect(share.segments[s]!.people + share.segments[s]!.bots).toBeLessThanOrEqual(split.slots[s]!);
    }
  });
  expect(split.shares.reduce((sum, share) => sum + share.people, 0)).toBe(plan.people);
  expect(split.shares.reduce((sum, share) => sum + share.bots, 0)).toBe(plan.bots?.count ?? 0);
  // people: contiguous, disjoint blocks of the pool; bots: every bot index exactly once
  let next = 0;
  for (const share of split.shares) {
    expect(share.peopleOffset).toBe(next);
    next += share.people;
    expect(share.botIndices).toHaveLength(share.bots);
  }
  const bots = split.shares.flatMap((share) => share.botIndices).sort((a, b) => a - b);
  expect(bots).toEqual(Array.from({ length: plan.bots?.count ?? 0 }, (_, i) => i));
}

/** Per segment, every share's arrivals are ⌊a/N⌋ or ⌈a/N⌉ (within one of a ÷ N). */
function expectArrivalsDivided(split: PlanSplit, s: number): void {
  const arrivals = split.segments[s]!.people + split.segments[s]!.bots;
  for (const share of split.shares) {
    const mine = share.segments[s]!.people + share.segments[s]!.bots;
    expect(
      mine,
      `share ${share.index}, segment ${s + 1}: ${mine} of ${arrivals} ÷ ${split.count}`,
    ).toBeGreaterThanOrEqual(Math.floor(arrivals / split.count));
    expect(mine).toBeLessThanOrEqual(Math.ceil(arrivals / split.count));
  }
}

describe('splitting the flash sale (3,333 people at k = 60, no bots) over 4 workers', async () => {
  const plan = planRun(await loadScenario('scenarios/flash-sale.ts'));
  const split = splitPlan(plan, 4);

  it('adds up to exactly the plan’s people per segment, in disjoint blocks of the pool', () => {
    expectExactSums(plan, split);
  });

  it('divides every segment’s arrivals by 4 within one, and the phases need no spare slot beyond ⌈a/4⌉', () => {
    split.segments.forEach((segment, s) => {
      expectArrivalsDivided(split, s);
      expect(split.slots[s]).toBe(Math.ceil((segment.people + segment.bots) / 4));
    });
    // totals level too: 833 or 834 each (3,333 ÷ 4 = 833.25)
    for (const share of split.shares) expect([833, 834]).toContain(share.people);
  });

  it('keeps the whole stock and the shop in every share’s plan file', () => {
    const { targets: _targets, ...planForEngine } = plan;
    for (const share of split.shares) {
      const json = sharePlanJson(planForEngine, split, share) as {
        stock: number;
        shop: unknown;
        people: number;
        share: { index: number; of: number };
      };
      expect(json.stock).toBe(plan.stock);
      expect(json.shop).toEqual(plan.shop);
      expect(json.people).toBe(share.people);
      expect(json.share).toMatchObject({ index: share.index, of: 4 });
    }
  });
});

describe('splitting the bot storm (120 people, 30 bots in rings of 5) with the pool’s real rings', async () => {
  const plan = planRun(await loadScenario('scenarios/bot-storm.ts'));
  const botRings = poolBotRings(plan);

  for (const workers of [2, 3, 4, 7]) {
    it(`over ${workers} workers: exact sums, every ring whole on one worker`, () => {
      const split = splitPlan(plan, workers, { botRings });
      expectExactSums(plan, split);
      const workerOfRing = new Map<number, number>();
      for (const share of split.shares) {
        for (const bot of share.botIndices) {
          const ring = botRings[bot] as number;
          expect(workerOfRing.get(ring) ?? share.index, `ring ${ring}`).toBe(share.index);
          workerOfRing.set(ring, share.index);
        }
        expect(share.rings).toBe(new Set(share.botIndices.map((bot) => botRings[bot])).size);
      }
      expect(workerOfRing.size).toBe(plan.bots!.rings);
    });
  }

  it('divides arrivals by N within one in every segment the rings do not crowd (people level around the bots)', () => {
    const split = splitPlan(plan, 4, { botRings });
    split.segments.forEach((segment, s) => {
      const mostBots = Math.max(...split.shares.map((share) => share.segments[s]!.bots));
      if (mostBots <= Math.floor((segment.people + segment.bots) / 4)) expectArrivalsDivided(split, s);
      // where rings crowd a segment, the ringless workers take the people: none above the most bots
      else
        for (const share of split.shares)
          expect(share.segments[s]!.people + share.segments[s]!.bots).toBeLessThanOrEqual(
            Math.max(mostBots, Math.ceil((segment.people + segment.bots) / 4)),
          );
    });
  });
});

describe('splits of many shapes', () => {
  const shapes: { people: number; bots: number; ring: number; burst: number; workers: number }[] = [
    { people: 1000, bots: 0, ring: 5, burst: 0.5, workers: 3 },
    { people: 997, bots: 103, ring: 7, burst: 0.9, workers: 5 },
    { people: 50, bots: 200, ring: 4, burst: 0.7, workers: 6 },
    { people: 10, bots: 0, ring: 5, burst: 1, workers: 16 },
    { people: 12345, bots: 2345, ring: 10, burst: 0.6, workers: 40 },
  ];
  for (const shape of shapes) {
    it(`${shape.people} people, ${shape.bots} bots in rings of ${shape.ring}, ${shape.workers} workers: exact and level`, () => {
      const input: ScenarioInput = {
        name: 'shape',
        sale: { stock: 100, perPersonLimit: 1, durationMinutes: 60 },
        crowd: {
          people: shape.people + shape.bots,
          arrivals: {
            early: { share: 0.2, windowMinutes: 10 },
            burst: { share: shape.burst - 0.2 > 0 ? shape.burst - 0.2 : 0.1, durationMinutes: 3 },
            tail: { durationMinutes: 20 },
          },
          patience: { kind: 'fixed', minutes: 30 },
        },
        ...(shape.bots > 0 ? { bots: { count: shape.bots, rings: { size: shape.ring }, burstSeconds: 30 } } : {}),
        timeScale: 1,
      };
      const plan = planRun(parseScenario(input));
      const split = splitPlan(plan, shape.workers);
      expectExactSums(plan, split);
      split.segments.forEach((segment, s) => {
        if (segment.bots === 0) expectArrivalsDivided(split, s);
      });
      // the spare slots all workers run: at most N − 1 per segment when bots do not crowd it
      const spare = split.segments.reduce(
        (sum, segment, s) => sum + split.slots[s]! * shape.workers - segment.people - segment.bots,
        0,
      );
      if (shape.bots === 0) expect(spare).toBeLessThanOrEqual(split.segments.length * (shape.workers - 1));
    });
  }

  it('refuses a worker count that is not a whole number ≥ 1', () => {
    const plan = planRun(
      parseScenario({
        name: 'x',
        sale: { stock: 1, perPersonLimit: 1 },
        crowd: {
          people: 10,
          arrivals: { burst: { share: 1, durationMinutes: 1 }, tail: { durationMinutes: 0 } },
          patience: { kind: 'fixed', minutes: 1 },
        },
        timeScale: 1,
      }),
    );
    expect(() => splitPlan(plan, 0)).toThrow(/whole number ≥ 1/);
    expect(() => splitPlan(plan, 2.5)).toThrow(/whole number ≥ 1/);
    expect(splitPlan(plan, 20).warnings.join(' ')).toMatch(/20 workers for 10 arrivals/);
  });
});

describe('N = 1', () => {
  it('is the plan itself: its segments, every slot used, people from 0, bots in pool order', async () => {
    const plan = planRun(await loadScenario('scenarios/bot-storm.ts'));
    const split = splitPlan(plan, 1, { botRings: poolBotRings(plan) });
    const segments = buildArrivalSegments(plan);
    expect(split.shares).toHaveLength(1);
    const share = split.shares[0]!;
    expect(share.segments).toEqual(segments.map((segment) => ({ ...segment, slots: segment.people + segment.bots })));
    expect(share.peopleOffset).toBe(0);
    expect(share.botIndices).toEqual(Array.from({ length: plan.bots!.count }, (_, i) => i));
    expect(split.slots).toEqual(segments.map((segment) => segment.people + segment.bots));
  });

  it('gives the engine’s crowd the same arrivals as the unsplit plan', async () => {
    const plan = planRun(await loadScenario('scenarios/bot-storm.ts'));
    const split = splitPlan(plan, 1);
    const plain = createCrowd(buildArrivalSegments(plan));
    const shared = createCrowd(split.shares[0]!.segments, { peopleOffset: 0, botIndices: split.shares[0]!.botIndices });
    for (let n = 0; n < plan.people + plan.bots!.count + 3; n++) expect(shared.actorOf(n)).toEqual(plain.actorOf(n));
  });
});

describe('the engine’s crowd given a share', () => {
  it('hands out every account of the plan exactly once across 3 workers, and leaves the spare slots idle', async () => {
    const plan = planRun(await loadScenario('scenarios/bot-storm.ts'));
    const botRings = poolBotRings(plan);
    const split = splitPlan(plan, 3, { botRings });
    const seen = { person: new Set<number>(), bot: new Set<number>() };
    const slotsPerWorker = split.slots.reduce((sum, slots) => sum + slots, 0);
    let idle = 0;
    for (const share of split.shares) {
      const crowd = createCrowd(share.segments, { peopleOffset: share.peopleOffset, botIndices: share.botIndices });
      for (let n = 0; n < slotsPerWorker; n++) {
        const { actor, index } = crowd.actorOf(n) as { actor: 'person' | 'bot' | 'idle'; index: number };
        if (actor === 'idle') {
          idle++;
          continue;
        }
        expect(seen[actor].has(index), `${actor} ${index} twice`).toBe(false);
        seen[actor].add(index);
        if (actor === 'bot') expect(share.botIndices).toContain(index);
      }
    }
    expect(seen.person.size).toBe(plan.people);
    expect([...seen.person].sort((a, b) => a - b)).toEqual(Array.from({ length: plan.people }, (_, i) => i));
    expect(seen.bot.size).toBe(plan.bots!.count);
    expect(idle).toBe(slotsPerWorker * 3 - plan.people - plan.bots!.count);
  });
});
