/**
 * Real k6 runs of a tiny scenario with bot rings (about 2 s each) against the real reference
 * shop: rings buy more than the per-address limit to one address exactly when that defence is
 * off; the per-actor counts of k6 add up and agree with the shop's own per-actor counts; and
 * attempts to skip the queue are refused by the shop's defences, let through without them.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startShop, type RunningShop } from '../../fixtures/shop/index.ts';
import { compileScenario, requireK6, runK6, writeCompiledScenario, type K6Binary } from '../../harness/k6/index.ts';
import { parseScenario, planRun, type ScenarioInput } from '../../harness/scenario/index.ts';

let k6: K6Binary;
const dirs: string[] = [];
beforeAll(async () => {
  k6 = await requireK6();
});
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

type Summary = { metrics: Record<string, { values: Record<string, number> }> };
const count = (summary: Summary, metric: string): number => summary.metrics[metric]?.values.count ?? 0;
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

interface Sample {
  metric: string;
  value: number;
  tags: Record<string, string>;
}

interface BotRun {
  stats: Awaited<ReturnType<RunningShop['stats']>>;
  summary: Summary;
  samples: Sample[];
  durationMs: number;
}

async function runBots(input: ScenarioInput): Promise<BotRun> {
  const shop = await startShop(planRun(parseScenario(input)).shop);
  try {
    const plan = planRun(parseScenario(input), { targetUrl: shop.url });
    const dir = mkdtempSync(join(tmpdir(), 'saleready-bots-'));
    dirs.push(dir);
    const { scriptPath } = writeCompiledScenario(compileScenario(plan), dir);
    const result = await runK6({ k6, scriptPath, runDir: dir, rawOutputPath: join(dir, 'k6-raw.json.gz') });
    const summary = JSON.parse(readFileSync(result.summaryPath, 'utf8')) as Summary;
    const samples = gunzipSync(readFileSync(result.rawOutputPath))
      .toString('utf8')
      .split('\n')
      .filter((line) => line.includes('"type":"Point"'))
      .map((line) => {
        const point = JSON.parse(line) as { metric: string; data: { value: number; tags: Record<string, string> } };
        return { metric: point.metric, value: point.data.value, tags: point.data.tags };
      });
    return { stats: await shop.stats(), summary, samples, durationMs: result.durationMs };
  } finally {
    await shop.close();
  }
}

/** Units per ring (= per delivery address), summed from the raw sr_units_bought samples of bots. */
function unitsByRing(samples: readonly Sample[]): Map<string, number> {
  const byRing = new Map<string, number>();
  for (const sample of samples) {
    if (sample.metric !== 'sr_units_bought' || sample.tags.actor !== 'bot') continue;
    const ring = sample.tags.ring ?? '(none)';
    byRing.set(ring, (byRing.get(ring) ?? 0) + sample.value);
  }
  return byRing;
}

describe('bots against the reference shop, defences on (the default shop)', () => {
  let run: BotRun;
  beforeAll(async () => {
    run = await runBots(tinyBots());
  }, 30_000);

  it('runs within 20 s', () => {
    expect(run.durationMs).toBeLessThan(20_000);
  });

  it('refuses every attempt to skip the queue', () => {
    for (const kind of KINDS) {
      expect(count(run.summary, `sr_bypass_attempts{kind:${kind},result:refused}`), kind).toBe(RINGS * RING_SIZE);
      expect(count(run.summary, `sr_bypass_attempts{kind:${kind},result:let_through}`), kind).toBe(0);
    }
    expect(run.stats.rejections.no_admission).toBe(RINGS * RING_SIZE);
    expect(run.stats.rejections.token_invalid).toBe(RINGS * RING_SIZE);
    expect(run.stats.rejections.token_session_mismatch).toBe(RINGS * RING_SIZE);
  });

  it('keeps every ring to the per-address limit: the other accounts of a ring end limit_reached', () => {
    expect(run.stats.ordersByAddress.addressesOverLimit).toBe(0);
    expect(count(run.summary, 'sr_units_bought{actor:bot}')).toBe(RINGS * PER_ADDRESS_LIMIT);
    expect(count(run.summary, 'sr_outcome{actor:bot,outcome:limit_reached}')).toBe(RINGS * (RING_SIZE - PER_ADDRESS_LIMIT));
    expect([...unitsByRing(run.samples).values()]).toEqual([PER_ADDRESS_LIMIT, PER_ADDRESS_LIMIT]);
  });

  it('ends every person and every bot with one outcome, and agrees with the shop per actor', () => {
    for (const actor of ['person', 'bot']) {
      const outcomes = OUTCOMES.reduce((sum, outcome) => sum + count(run.summary, `sr_outcome{actor:${actor},outcome:${outcome}}`), 0);
      expect(outcomes, actor).toBe(count(run.summary, `sr_arrivals{actor:${actor}}`));
    }
    expect(count(run.summary, 'sr_arrivals{actor:bot}')).toBe(RINGS * RING_SIZE);
    expect(count(run.summary, 'sr_arrivals{actor:person}')).toBeGreaterThanOrEqual(3); // 4 planned; k6 may start one fewer at the end
    expect(run.stats.byActor.bot?.orders).toBe(count(run.summary, 'http_reqs{actor:bot,step:checkout,status:200}'));
    expect(run.stats.byActor.bot?.units).toBe(count(run.summary, 'sr_units_bought{actor:bot}'));
    expect(run.stats.byActor.person?.units).toBe(count(run.summary, 'sr_units_bought{actor:person}'));
    expect(run.stats.byActor.bot?.requests).toBe(count(run.summary, 'http_reqs') - (run.stats.byActor.person?.requests ?? 0) - 1); // 1: the harness's probe
  });

  it('tags every bot request and metric sample with actor=bot, and bots take several tickets each', () => {
    const botRequests = run.samples.filter((sample) => sample.metric === 'http_reqs' && sample.tags.scenario === 'bots');
    expect(botRequests.length).toBeGreaterThan(0);
    expect(botRequests.every((sample) => sample.tags.actor === 'bot')).toBe(true);
    const botSrSamples = run.samples.filter((sample) => sample.metric.startsWith('sr_') && sample.tags.scenario === 'bots');
    expect(botSrSamples.every((sample) => sample.tags.actor === 'bot')).toBe(true);
    const botJoins = botRequests.filter((sample) => sample.tags.step === 'join').length;
    expect(botJoins).toBeGreaterThanOrEqual(RINGS * RING_SIZE * 3);
    // bots never skip the queue in the people's metrics: refusals are expected answers, not failures
    expect(run.summary.metrics.http_req_failed?.values.rate).toBe(0);
  });
});

describe('bots against a shop with a defence off', () => {
  it('without the per-address limit, a ring buys more than the limit to its one address', async () => {
    const run = await runBots(tinyBots({ defences: { perAddressLimit: false } }));
    expect(run.durationMs).toBeLessThan(20_000);
    expect(count(run.summary, 'sr_units_bought{actor:bot}')).toBeGreaterThan(RINGS * PER_ADDRESS_LIMIT);
    expect(run.stats.ordersByAddress.addressesOverLimit).toBeGreaterThan(0);
    // every account of every ring bought its one unit, to its ring's address
    expect([...unitsByRing(run.samples).values()]).toEqual([RING_SIZE, RING_SIZE]);
    expect(run.stats.ordersByAddress.max).toBe(RING_SIZE);
    expect(run.stats.byActor.bot?.orders).toBe(count(run.summary, 'http_reqs{actor:bot,step:checkout,status:200}'));
  });

  it('without admission tokens, checking out with no token goes straight through', async () => {
    const run = await runBots(tinyBots({ defences: { requireAdmissionToken: false } }));
    expect(run.durationMs).toBeLessThan(20_000);
    // the first attempt (no token) buys the account's one unit, so it never needs the others
    expect(count(run.summary, 'sr_bypass_attempts{kind:no_token,result:let_through}')).toBe(RINGS * RING_SIZE);
    expect(count(run.summary, 'sr_bypass_attempts{kind:no_token,result:refused}')).toBe(0);
    // the per-address limit still holds: 2 accounts per ring buy without ever queueing, the
    // other two got past the access check only to be stopped by the limit (409 address_limit)
    const skippedAndBought = run.samples.filter((sample) => sample.metric === 'http_reqs' && sample.tags.bypass === 'no_token' && sample.tags.status === '200');
    expect(skippedAndBought.length).toBe(RINGS * PER_ADDRESS_LIMIT);
    expect(count(run.summary, 'sr_units_bought{actor:bot}')).toBe(RINGS * PER_ADDRESS_LIMIT);
    expect(run.stats.byActor.bot?.orders).toBe(count(run.summary, 'http_reqs{actor:bot,step:checkout,status:200}'));
    expect(run.stats.ordersByAddress.addressesOverLimit).toBe(0);
  });

  it('without binding tokens to sessions, a token replayed from another session goes through', async () => {
    const run = await runBots(tinyBots({ defences: { bindTokenToSession: false, perAddressLimit: false } }));
    expect(count(run.summary, 'sr_bypass_attempts{kind:replayed_token,result:let_through}')).toBe(RINGS * RING_SIZE);
    expect(count(run.summary, 'sr_bypass_attempts{kind:no_token,result:let_through}')).toBe(0);
    expect(count(run.summary, 'sr_bypass_attempts{kind:forged_token,result:let_through}')).toBe(0);
    expect(count(run.summary, 'sr_outcome{actor:bot,outcome:bought}')).toBe(RINGS * RING_SIZE);
  });
});
