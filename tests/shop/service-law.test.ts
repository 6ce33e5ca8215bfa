import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServiceStation } from '../../harness/shop/service-law.ts';
import { startShop, type RunningShop } from '../../harness/shop/index.ts';
import { call, login } from './shop-client.ts';

const LAW = { s0Ms: 200, sigma: 0.05, kappa: 0.001 };
/** S(N) = s0·(1 + σ(N−1) + κN(N−1)), the law of docs/SHOP-API.md, computed here independently. */
const serviceTimeMs = (inFlight: number): number =>
  LAW.s0Ms * (1 + LAW.sigma * (inFlight - 1) + LAW.kappa * inFlight * (inFlight - 1));

describe('ServiceStation', () => {
  it('computes S(N) from the law: S(1) = s0, S(4) = 232.4, S(16) = 398, S(32) = 708.4 ms', () => {
    const station = new ServiceStation({ ...LAW, workers: 64, backlog: 0 }, () => 1);
    // Closed form: 200·(1 + 0.05·3 + 0.001·12) = 232.4; 200·(1 + 0.75 + 0.24) = 398; 200·(1 + 1.55 + 0.992) = 708.4
    expect(station.serviceTimeMs(1)).toBeCloseTo(200, 10);
    expect(station.serviceTimeMs(4)).toBeCloseTo(232.4, 10);
    expect(station.serviceTimeMs(16)).toBeCloseTo(398, 10);
    expect(station.serviceTimeMs(32)).toBeCloseTo(708.4, 10);
  });

  it('runs a job synchronously, with no timer, when s0Ms is 0', () => {
    const station = new ServiceStation({ s0Ms: 0, sigma: 0.5, kappa: 0.5, workers: 1, backlog: 0 }, () => 3);
    let ran = 0;
    for (let index = 0; index < 5; index += 1) expect(station.submit(() => (ran += 1))).toBe(true);
    expect(ran).toBe(5);
    expect(station.inFlight).toBe(0);
  });
});

describe('the service-time law over HTTP (closed loop)', () => {
  let shop: RunningShop;
  let session: string;
  beforeAll(async () => {
    shop = await startShop({
      defences: { requireAdmissionToken: false },
      service: { ...LAW, workers: 64, backlog: 64 },
    });
    session = await login(shop, 'load');
  });
  afterAll(() => shop.close());

  /**
   * N loops, each sending GET /api/product again as soon as the last answer came back. The
   * first `warmUpMs` are left out (the loops start together, so their first requests see
   * 1, 2, …, N in flight, not N). Each loop's rate is (answers − 1) over the time from its
   * first to its last answer after the warm-up, a whole number of cycles; the shop's
   * throughput is the sum over loops.
   */
  async function closedLoopThroughput(inFlight: number, warmUpMs: number, measureMs: number): Promise<number> {
    const started = performance.now();
    const rates = await Promise.all(
      Array.from({ length: inFlight }, async () => {
        const answeredAt: number[] = [];
        while (performance.now() - started < warmUpMs + measureMs) {
          const answer = await call(shop.url, 'GET', '/api/product', { session });
          if (answer.status !== 200) throw new Error(`unexpected ${answer.status}`);
          const now = performance.now();
          if (now - started >= warmUpMs) answeredAt.push(now);
        }
        const first = answeredAt[0] ?? 0;
        const last = answeredAt[answeredAt.length - 1] ?? 0;
        return answeredAt.length < 2 ? 0 : ((answeredAt.length - 1) / (last - first)) * 1000;
      }),
    );
    return rates.reduce((sum, rate) => sum + rate, 0);
  }

  // Expected X(N) = N / S(N) per second. Measured throughput is slightly lower: each request
  // also spends ~0.5–3 ms in HTTP and the client between two services, and Node timers fire
  // ~0.2 ms late; on a 2-core machine starved by other work that grows to 10–30 ms a cycle.
  // With s0 = 200 ms that stays under ~7% of S(N) (measured 0.95–1.00 of the law with two extra
  // busy-loop processes on the shared machine), inside the ±10% asked; a wrong law is
  // caught: ignoring σ is off by 60% at N = 16, ignoring κ by 39% at N = 32.
  it.each([1, 4, 16, 32])(
    'serves N / S(N) requests per second, within 10 percent, with N = %i in flight',
    async (inFlight) => {
      const expected = (inFlight / serviceTimeMs(inFlight)) * 1000;
      const measured = await closedLoopThroughput(inFlight, serviceTimeMs(inFlight) + 100, 2200);
      const ratio = measured / expected;
      const measuredVsLaw = `measured ${measured.toFixed(1)}/s, law ${expected.toFixed(1)}/s`;
      expect(ratio, measuredVsLaw).toBeGreaterThan(0.9);
      expect(ratio, measuredVsLaw).toBeLessThan(1.1);
    },
  );

  it('answers 503 overloaded at once beyond workers + backlog, and serves the rest', async () => {
    shop.reset({ defences: { requireAdmissionToken: false }, service: { s0Ms: 300, workers: 2, backlog: 3 } });
    const fresh = await login(shop, 'burst');
    const started = performance.now();
    const answers = await Promise.all(
      Array.from({ length: 10 }, async () => {
        const answer = await call(shop.url, 'GET', '/api/product', { session: fresh });
        return { status: answer.status, error: answer.body.error, ms: performance.now() - started };
      }),
    );
    const refused = answers.filter((answer) => answer.status === 503);
    const served = answers.filter((answer) => answer.status === 200);
    expect(refused).toHaveLength(5);
    expect(served).toHaveLength(5);
    expect(refused.every((answer) => answer.error === 'overloaded')).toBe(true);
    // Refused without waiting for a worker (a service takes 300 ms).
    expect(Math.max(...refused.map((answer) => answer.ms))).toBeLessThan(250);
    // Two served at once, then the three from the backlog: the last ends after three rounds.
    expect(Math.max(...served.map((answer) => answer.ms))).toBeGreaterThanOrEqual(3 * 300 - 5);
    expect(shop.stats().rejections.overloaded).toBe(5);
  });

  it('does not apply the law to /healthz, pages and /admin/stats', async () => {
    shop.reset({ service: { s0Ms: 500 } });
    const started = performance.now();
    const answers = await Promise.all([
      fetch(`${shop.url}/healthz`),
      fetch(`${shop.url}/queue`),
      fetch(`${shop.url}/admin/stats`),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
    expect(performance.now() - started).toBeLessThan(250);
  });
});
