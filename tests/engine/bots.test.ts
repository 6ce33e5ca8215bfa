/**
 * Real Artillery runs of a tiny scenario with bot rings (a few seconds each) on the person
 * engine against the real reference shop: rings buy more than the per-address limit to one
 * address exactly when that defence is off; the engine's per-actor counts add up and agree with
 * the shop's own; attempts to skip the queue are refused by the shop's defences, let through
 * without them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { measure } from '../../harness/results/index.ts';
import type { ScenarioInput } from '../../harness/scenario/index.ts';
import { countOf, runScenarioWithEngine, type EngineRun } from '../helpers/engine-run.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const work = useTempDir('engine');

const OUTCOMES = ['bought', 'sold_out', 'limit_reached', 'gave_up', 'lost_place', 'error'];
const KINDS = ['no_token', 'forged_token', 'replayed_token'];
const PER_ADDRESS_LIMIT = 2;
const RINGS = 2;
const RING_SIZE = 4;

/**
 * 12 entries at k = 1, 8 of them bots in 2 rings of 4 (one address per ring), every bot trying
 * every way to skip the queue; 100 units, 1 per person, 2 per address; all within ~3 s.
 */
function tinyBots(shop: Record<string, unknown> = {}): ScenarioInput {
  return {
    name: 'tiny-bots',
    target: { shop: { admissionRatePerMinute: 1200, ...shop } },
    sale: { stock: 100, perPersonLimit: 1, perAddressLimit: PER_ADDRESS_LIMIT, durationMinutes: 5 / 60 },
    crowd: {
      people: 12,
      arrivals: { burst: { share: 1, durationMinutes: 1 / 60 }, tail: { durationMinutes: 0 } },
      patience: { kind: 'fixed', minutes: 4 / 60 },
    },
    behaviour: { pollIntervalSeconds: 0.1, thinkSeconds: 0.02 },
    bots: {
      count: RINGS * RING_SIZE,
      rings: { size: RING_SIZE },
      burstSeconds: 0.3,
      pollIntervalSeconds: 0.05,
      ticketsPerBot: 3,
      skipQueue: { checkoutWithoutToken: 1, replayToken: 1, forgedToken: 1 },
    },
    timeScale: 1,
  };
}

/** Units per ring (= per delivery address), from the bots' records. */
function unitsByRing(run: EngineRun): number[] {
  const byRing = new Map<string, number>();
  for (const person of run.result.ingest.people) {
    if (person.actor === 'bot' && (person.units ?? 0) > 0)
      byRing.set(String(person.ring), (byRing.get(String(person.ring)) ?? 0) + (person.units ?? 0));
  }
  return [...byRing.values()];
}

describe('bots against the reference shop, defences on (the default shop)', () => {
  let run: EngineRun;
  beforeAll(async () => {
    run = await runScenarioWithEngine(work, tinyBots());
  }, 60_000);

  it('runs to its end within 20 s', () => {
    expect(run.result.interrupted).toBe(false);
    expect(run.result.durationMs).toBeLessThan(20_000);
  });

  it('refuses every attempt to skip the queue', () => {
    for (const kind of KINDS) {
      expect(countOf(run.ingest, `sr_bypass_attempts{kind:${kind},result:refused}`), kind).toBe(RINGS * RING_SIZE);
      expect(countOf(run.ingest, `sr_bypass_attempts{kind:${kind},result:let_through}`), kind).toBe(0);
    }
    expect(run.stats.rejections.no_admission).toBe(RINGS * RING_SIZE);
    expect(run.stats.rejections.token_invalid).toBe(RINGS * RING_SIZE);
    expect(run.stats.rejections.token_session_mismatch).toBe(RINGS * RING_SIZE);
  });

  it('keeps every ring to the per-address limit: the other accounts of a ring end limit_reached', () => {
    expect(run.stats.ordersByAddress.addressesOverLimit).toBe(0);
    expect(countOf(run.ingest, 'sr_units_bought{actor:bot}')).toBe(RINGS * PER_ADDRESS_LIMIT);
    expect(countOf(run.ingest, 'sr_outcome{actor:bot,outcome:limit_reached}')).toBe(
      RINGS * (RING_SIZE - PER_ADDRESS_LIMIT),
    );
    expect(unitsByRing(run)).toEqual([PER_ADDRESS_LIMIT, PER_ADDRESS_LIMIT]);
  });

  it('brings exactly the planned people and bots, each ending with one outcome, and agrees with the shop per actor', () => {
    for (const actor of ['person', 'bot']) {
      const outcomes = OUTCOMES.reduce(
        (sum, outcome) => sum + countOf(run.ingest, `sr_outcome{actor:${actor},outcome:${outcome}}`),
        0,
      );
      expect(outcomes, actor).toBe(countOf(run.ingest, `sr_arrivals{actor:${actor}}`));
    }
    expect(countOf(run.ingest, 'sr_arrivals{actor:bot}')).toBe(RINGS * RING_SIZE);
    expect(countOf(run.ingest, 'sr_arrivals{actor:person}')).toBe(run.plan.people);
    expect(run.result.ingest.people.length).toBe(RINGS * RING_SIZE + run.plan.people);
    expect(run.stats.byActor.bot?.orders).toBe(countOf(run.ingest, 'http_reqs{actor:bot,step:checkout,status:200}'));
    expect(run.stats.byActor.bot?.units).toBe(countOf(run.ingest, 'sr_units_bought{actor:bot}'));
    expect(run.stats.byActor.person?.units).toBe(countOf(run.ingest, 'sr_units_bought{actor:person}'));
    expect(run.stats.byActor.bot?.requests).toBe(countOf(run.ingest, 'http_reqs{actor:bot}'));
    expect(run.stats.byActor.person?.requests).toBe(countOf(run.ingest, 'http_reqs{actor:person}'));
    expect(run.stats.requestsTotal).toBe(countOf(run.ingest, 'http_reqs'));
  });

  it('bots take several tickets each, and their refused attempts are expected answers, not failures', () => {
    expect(countOf(run.ingest, 'http_reqs{actor:bot,step:join}')).toBeGreaterThanOrEqual(RINGS * RING_SIZE * 3);
    expect(measure(run.ingest, 'http_req_failed', 'rate')?.value).toBe(0);
  });
});

describe('bots against a shop with a defence off', () => {
  it('without the per-address limit, a ring buys more than the limit to its one address', async () => {
    const run = await runScenarioWithEngine(work, tinyBots({ defences: { perAddressLimit: false } }));
    expect(countOf(run.ingest, 'sr_units_bought{actor:bot}')).toBeGreaterThan(RINGS * PER_ADDRESS_LIMIT);
    expect(run.stats.ordersByAddress.addressesOverLimit).toBeGreaterThan(0);
    // every account of every ring bought its one unit, to its ring's address
    expect(unitsByRing(run)).toEqual([RING_SIZE, RING_SIZE]);
    expect(run.stats.ordersByAddress.max).toBe(RING_SIZE);
    expect(run.stats.byActor.bot?.orders).toBe(countOf(run.ingest, 'http_reqs{actor:bot,step:checkout,status:200}'));
  });

  it('without admission tokens, checking out with no token goes straight through', async () => {
    const run = await runScenarioWithEngine(work, tinyBots({ defences: { requireAdmissionToken: false } }));
    expect(countOf(run.ingest, 'sr_bypass_attempts{kind:no_token,result:let_through}')).toBe(RINGS * RING_SIZE);
    expect(countOf(run.ingest, 'sr_bypass_attempts{kind:no_token,result:refused}')).toBe(0);
    // 2 accounts per ring buy without ever queueing; the other two pass the access check only
    // to be stopped by the per-address limit (409 address_limit)
    expect(countOf(run.ingest, 'http_reqs{bypass:no_token,status:200}')).toBe(RINGS * PER_ADDRESS_LIMIT);
    expect(countOf(run.ingest, 'sr_units_bought{actor:bot}')).toBe(RINGS * PER_ADDRESS_LIMIT);
    expect(run.stats.ordersByAddress.addressesOverLimit).toBe(0);
  });

  it('without binding tokens to sessions, a token replayed from another session goes through', async () => {
    const run = await runScenarioWithEngine(
      work,
      tinyBots({ defences: { bindTokenToSession: false, perAddressLimit: false } }),
    );
    expect(countOf(run.ingest, 'sr_bypass_attempts{kind:replayed_token,result:let_through}')).toBe(RINGS * RING_SIZE);
    expect(countOf(run.ingest, 'sr_bypass_attempts{kind:no_token,result:let_through}')).toBe(0);
    expect(countOf(run.ingest, 'sr_bypass_attempts{kind:forged_token,result:let_through}')).toBe(0);
    expect(countOf(run.ingest, 'sr_outcome{actor:bot,outcome:bought}')).toBe(RINGS * RING_SIZE);
  });
});
