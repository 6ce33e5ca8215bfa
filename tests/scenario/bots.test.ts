/**
 * The `bots` section, `browsers` and `probes`: defaults, errors that name the field, and the
 * run-time numbers planRun derives at a time scale (counts and durations ÷ k).
 */
import { describe, expect, it } from 'vitest';
import {
  compileTargets,
  loadScenario,
  parseScenario,
  planRun,
  type ScenarioInput,
} from '../../harness/scenario/index.ts';

const base: ScenarioInput = {
  name: 'bots',
  sale: { stock: 1_000, perPersonLimit: 2 },
  crowd: {
    people: 10_000,
    arrivals: { burst: { share: 0.5, durationMinutes: 5 }, tail: { durationMinutes: 30 } },
    patience: { kind: 'fixed', minutes: 20 },
  },
  timeScale: 10,
};

const withBots = (bots: Record<string, unknown>, extra: Partial<ScenarioInput> = {}): ScenarioInput =>
  ({ ...base, ...extra, bots }) as ScenarioInput;

describe('scenario bots', () => {
  it('fills in defaults: rings of 5, a 10 s burst, 1 s polls, 3 tickets, half try each way to skip the queue', () => {
    const scenario = parseScenario(withBots({ share: 0.2 }));
    expect(scenario.bots).toEqual({
      share: 0.2,
      rings: { size: 5 },
      burstSeconds: 10,
      pollIntervalSeconds: 1,
      ticketsPerBot: 3,
      skipQueue: { checkoutWithoutToken: 0.5, replayToken: 0.5, forgedToken: 0.5 },
    });
    expect(scenario.browsers).toBe(0);
    expect(scenario.probes).toBe(false);
  });

  it('plans bots as part of the crowd: counts and durations divide by k, rings group accounts', () => {
    const plan = planRun(
      parseScenario(
        withBots({ share: 0.2, rings: { size: 4 }, burstSeconds: 20, pollIntervalSeconds: 2, ticketsPerBot: 5 }),
      ),
    );
    // 10 000 entries, 2 000 of them bots: 8 000 people and 2 000 bots, ÷ 10
    expect(plan.people).toBe(800);
    expect(plan.arrivals.reduce((sum, phase) => sum + phase.people, 0)).toBe(800);
    expect(plan.bots).toEqual({
      count: 200,
      saleCount: 2_000,
      ringSize: 4,
      rings: 50,
      startMs: 0, // no early window: the sale opens at the start of the run
      burstMs: 2_000, // 20 s / 10
      pollIntervalMs: 200, // 2 s / 10
      ticketsPerBot: 5,
      quantity: 2, // the per-person limit
      skipQueue: { checkoutWithoutToken: 0.5, replayToken: 0.5, forgedToken: 0.5 },
    });
    expect(plan.warnings).toEqual([]);
  });

  it('takes a count instead of a share, starts the bots at the opening, and ends the last ring short', () => {
    const plan = planRun(
      parseScenario(
        withBots(
          { count: 130, rings: { size: 4 } },
          {
            crowd: {
              ...base.crowd,
              arrivals: {
                early: { share: 0.1, windowMinutes: 10 },
                burst: { share: 0.5, durationMinutes: 5 },
                tail: { durationMinutes: 30 },
              },
            },
          },
        ),
      ),
    );
    expect(plan.bots?.count).toBe(13); // 130 / 10
    expect(plan.bots?.rings).toBe(4); // 4 + 4 + 4 + 1
    expect(plan.bots?.startMs).toBe(60_000); // 10 min early window / 10
    expect(plan.people).toBe(987); // (10 000 − 130) / 10, rounded
  });

  it('has no bots without the section, or with a share of 0', () => {
    expect(planRun(parseScenario(base)).bots).toBeNull();
    expect(planRun(parseScenario(withBots({ share: 0 }))).bots).toBeNull();
    expect(planRun(parseScenario(base)).people).toBe(1_000);
  });

  it('refuses bad bots with the field, the value and what is allowed', () => {
    const message = (input: ScenarioInput): string => {
      try {
        parseScenario(input, 'bad.yaml');
        return '';
      } catch (error) {
        return (error as Error).message;
      }
    };
    expect(message(withBots({ share: 1.5 }))).toContain('✖ must be a share between 0 and 1 (got 1.5) → at bots.share');
    expect(message(withBots({ share: 0.1, count: 5 }))).toContain(
      '✖ give either share (of crowd.people) or count, not both or neither → at bots.share',
    );
    expect(message(withBots({}))).toContain('→ at bots.share');
    expect(message(withBots({ count: 10_000 }))).toContain(
      '✖ bots are part of crowd.people (10000) and must leave at least one person, got 10000 bots → at bots.count',
    );
    expect(message(withBots({ share: 0.2, ticketsPerBot: 0 }))).toContain('→ at bots.ticketsPerBot');
    expect(message(withBots({ share: 0.2, skipQueue: { replayToken: 2 } }))).toContain(
      '✖ must be a chance between 0 and 1 (got 2) → at bots.skipQueue.replayToken',
    );
    expect(message(withBots({ share: 0.2, skipQueue: { replay: 1 } }))).toMatch(/replay.*→ at bots\.skipQueue/);
    expect(message(withBots({ share: 0.2, pollIntervalSeconds: 0 }))).toContain('→ at bots.pollIntervalSeconds');
    expect(message({ ...base, browsers: -1 })).toContain('✖ must be 0 or more (got -1) → at browsers');
    expect(message({ ...base, probes: 'yes' } as unknown as ScenarioInput)).toContain('→ at probes');
  });

  it('warns when bots poll slower than tickets live', () => {
    const plan = planRun(parseScenario(withBots({ share: 0.1, pollIntervalSeconds: 90 })));
    expect(plan.warnings).toContain(
      'bots poll every 90 s but tickets expire after 60 s without a poll: bots will keep losing their places',
    );
  });

  it('passes browsers and probes through to the plan, unscaled', () => {
    const plan = planRun(parseScenario({ ...base, browsers: 3, probes: true }));
    expect(plan.browsers).toBe(3);
    expect(plan.probes).toBe(true);
  });

  it('compiles a bots target to a count of the units bots bought', () => {
    const scenario = parseScenario({ ...base, targets: { bots: { maxStockShare: 0.25 } } });
    expect(compileTargets(scenario)).toEqual([
      {
        id: 'bots.stock-share',
        description: 'At most 25% of the stock is bought by bots (25 of 100 units in this run)',
        descriptionKo: '재고의 25% 이하가 봇에게 판매 (이번 실행에서 100개 중 25개)',
        metric: 'sr_units_bought{actor:bot}',
        stat: 'count',
        op: '<=',
        threshold: 25,
        unit: 'count',
      },
    ]);
  });
});

describe('behaviour choices as shares', () => {
  it('reads rejoin/relogin as all, none, or a share of people', () => {
    expect(planRun(parseScenario(base)).behaviour).toMatchObject({ rejoinChance: 1, reloginChance: 1 });
    const leave = planRun(
      parseScenario({ ...base, behaviour: { onTicketExpired: 'leave', onSessionExpired: 'leave' } }),
    );
    expect(leave.behaviour).toMatchObject({ rejoinChance: 0, reloginChance: 0 });
    const some = planRun(
      parseScenario({ ...base, behaviour: { onTicketExpired: { rejoin: 0.7 }, onSessionExpired: { relogin: 0.4 } } }),
    );
    expect(some.behaviour).toMatchObject({ rejoinChance: 0.7, reloginChance: 0.4 });
    expect(() => parseScenario({ ...base, behaviour: { onSessionExpired: { relogin: 2 } } })).toThrow(
      /behaviour\.onSessionExpired/,
    );
  });
});

describe('scenarios/bot-storm.ts', () => {
  it('plans a fifth of the entries as bots in rings of 5, without warnings', async () => {
    const plan = planRun(await loadScenario('scenarios/bot-storm.ts'));
    expect(plan.people).toBe(120); // 4 800 people / 40
    expect(plan.bots).toMatchObject({
      count: 30,
      rings: 6,
      ringSize: 5,
      startMs: 4_500,
      burstMs: 250,
      pollIntervalMs: 50,
    });
    expect(plan.stock).toBe(25);
    expect(plan.warnings).toEqual([]);
    // the run lasts under 45 s: opening at 4.5 s (3 min ÷ 40), the sale closes 30 s later
    expect(plan.expectedDurationMs).toBeLessThan(45_000);
    expect(plan.targets.map((target) => target.id)).toContain('bots.stock-share');
  });
});
