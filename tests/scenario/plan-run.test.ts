import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadScenario, parseScenario, planRun } from '../../harness/scenario/index.ts';
import { parseShopConfig } from '../../harness/shop/index.ts';

const mini = fileURLToPath(new URL('./fixtures/mini.yaml', import.meta.url));

// Hand-computed for mini.yaml (k = 20): 2400 people / 20 = 120; 120 units / 20 = 6;
// early 25% = 30 people over 10 min / 20 = 30 s; burst 50% = 60 people over 2 min / 20 = 6 s;
// tail 30 people over 18 min / 20 = 54 s.
describe('planRun', () => {
  it('divides people, stock and every duration by the time scale', async () => {
    const plan = planRun(await loadScenario(mini));
    expect(plan.timeScale).toBe(20);
    expect(plan.people).toBe(120);
    expect(plan.stock).toBe(6);
    expect(plan.opensAtMs).toBe(30_000);
    expect(plan.arrivalEndMs).toBe(90_000);
    expect(plan.behaviour.pollIntervalMs).toBe(1_000); // 20 s / 20
    expect(plan.behaviour.thinkMs).toBe(150); // default 3 s / 20
    expect(plan.patience).toEqual({ kind: 'exponential', meanMs: 45_000 }); // 15 min / 20
    // p99 of an exponential is mean · ln 100; the sale closes then after the last arrival
    expect(plan.patienceP99Ms).toBeCloseTo(45_000 * Math.log(100), 6);
    expect(plan.saleClosesAtMs).toBeCloseTo(90_000 + 207_232.658, 2);
  });

  it('scales the shop: TTLs and active users divide by k, the admission rate stays', async () => {
    const scenario = parseScenario({
      ...(await loadScenario(mini)),
      target: {
        shop: {
          admissionRatePerMinute: 300,
          ticketTtlMs: 120_000,
          faults: { slowdowns: [{ fromMs: 60_000, toMs: 120_000, factor: 3 }] },
        },
      },
    });
    const plan = planRun(scenario);
    expect(plan.shop).toEqual({
      admissionRatePerMinute: 300, // a rate: unchanged
      sessionTtlMs: 90_000, // default 30 min / 20
      ticketTtlMs: 6_000, // 2 min / 20
      admissionTtlMs: 30_000, // default 10 min / 20
      maxActiveUsers: 25, // default 500 / 20
      stock: 6,
      perPersonLimit: 1,
      perAddressLimit: 2,
      faults: { slowdowns: [{ fromMs: 3_000, toMs: 6_000, factor: 3 }] },
    });
    expect(plan.behaviour.sleepMs).toBe(9_000); // 1.5 × the scaled ticket validity
  });

  it('keeps a slowdown window at least 1 ms long when the time scale shrinks it to nothing, so the shop takes it', async () => {
    const scenario = parseScenario({
      ...(await loadScenario(mini)),
      target: { shop: { faults: { slowdowns: [{ fromMs: 100, toMs: 110, factor: 2 }] } } },
    });
    const plan = planRun(scenario); // k = 20: 100 ms → 5 ms, 110 ms → 5.5 ms, rounded to 6 ms
    expect(plan.shop.faults?.slowdowns).toEqual([{ fromMs: 5, toMs: 6, factor: 2 }]);
    // 101 ms → 5.05 ms would round to 5 ms, a window that ends where it starts: it gets 1 ms
    const tiny = planRun(
      parseScenario({
        ...(await loadScenario(mini)),
        target: { shop: { faults: { slowdowns: [{ fromMs: 100, toMs: 101, factor: 2 }] } } },
      }),
    );
    expect(tiny.shop.faults?.slowdowns).toEqual([{ fromMs: 5, toMs: 6, factor: 2 }]);
    expect(() => parseShopConfig(tiny.shop)).not.toThrow();
  });

  it('splits the crowd into arrival phases whose rates are people per run second', async () => {
    const plan = planRun(await loadScenario(mini));
    expect(
      plan.arrivals.map(({ phase, people, startMs, durationMs }) => ({ phase, people, startMs, durationMs })),
    ).toEqual([
      { phase: 'early', people: 30, startMs: 0, durationMs: 30_000 },
      { phase: 'burst', people: 60, startMs: 30_000, durationMs: 6_000 },
      { phase: 'tail', people: 30, startMs: 36_000, durationMs: 54_000 },
    ]);
    expect(plan.arrivals.map((phase) => phase.ratePerSecond)).toEqual([1, 10, 30 / 54]);
  });

  it("uses the target URL given, else the scenario's, else the embedded shop", async () => {
    const scenario = await loadScenario(mini);
    expect(planRun(scenario).embeddedShop).toBe(true);
    expect(planRun(scenario).targetUrl).toBeNull();
    expect(planRun(scenario, { targetUrl: 'http://127.0.0.1:9999' }).targetUrl).toBe('http://127.0.0.1:9999');
    const withUrl = parseScenario({ ...scenario, target: { url: 'http://127.0.0.1:8080' } });
    expect(planRun(withUrl).targetUrl).toBe('http://127.0.0.1:8080');
  });

  it('warns when the time scale is above 60 and when polls are slower than the ticket validity', async () => {
    const scenario = await loadScenario(mini);
    expect(planRun(scenario).warnings).toEqual([]);
    const fast = planRun(parseScenario({ ...scenario, timeScale: 120 }));
    expect(fast.warnings[0]).toMatch(/^time scale 120 is above 60/);
    const slowPolls = planRun(parseScenario({ ...scenario, behaviour: { pollIntervalSeconds: 90 } }));
    expect(slowPolls.warnings).toContain(
      'people poll every 90 s but tickets expire after 60 s without a poll: every waiting person will lose their place',
    );
  });
});
