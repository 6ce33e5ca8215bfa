import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaultInjector } from '../../harness/shop/faults.ts';
import { startShop, type RunningShop } from '../../harness/shop/index.ts';
import { call, login, sleep } from './shop-client.ts';

describe('FaultInjector', () => {
  it('multiplies the factors of overlapping slowdown windows and is 1 outside them', () => {
    const faults = new FaultInjector(
      {
        errorRate: 0,
        slowdowns: [
          { fromMs: 0, toMs: 1000, factor: 2 },
          { fromMs: 500, toMs: 1500, factor: 3 },
        ],
      },
      1,
    );
    expect(faults.slowdownFactor(100)).toBe(2);
    expect(faults.slowdownFactor(700)).toBe(6);
    expect(faults.slowdownFactor(1000)).toBe(3); // windows are [fromMs, toMs)
    expect(faults.slowdownFactor(1500)).toBe(1);
  });

  it('never fails with errorRate 0 and always fails with errorRate 1', () => {
    const never = new FaultInjector({ errorRate: 0, slowdowns: [] }, 1);
    const always = new FaultInjector({ errorRate: 1, slowdowns: [] }, 1);
    const draws = Array.from({ length: 100 }, () => [never.shouldFail(), always.shouldFail()]);
    expect(draws.every(([no, yes]) => no === false && yes === true)).toBe(true);
  });
});

describe('fault injection over HTTP', () => {
  let shop: RunningShop;
  beforeAll(async () => {
    shop = await startShop();
  });
  afterAll(() => shop.close());

  /** 'x' for an injected 500, '.' for the shop's own answer (401: no session was sent). */
  async function failurePattern(requests: number): Promise<string> {
    let pattern = '';
    for (let index = 0; index < requests; index += 1) {
      const answer = await call(shop.url, 'GET', '/api/product');
      if (answer.status === 500) expect(answer.body.error).toBe('injected_fault');
      pattern += answer.status === 500 ? 'x' : answer.status === 401 ? '.' : '?';
    }
    return pattern;
  }

  it('answers about errorRate of API requests with 500 injected_fault, the same ones again with the same seed', async () => {
    const faulty = { faults: { errorRate: 0.3 }, seed: 7 };
    shop.reset(faulty);
    const first = await failurePattern(400);
    const failures = [...first].filter((mark) => mark === 'x').length;
    // Binomial(400, 0.3): mean 120, sd 9.2; the seeded stream is fixed, so this is exact run to run.
    expect(failures).toBeGreaterThanOrEqual(100);
    expect(failures).toBeLessThanOrEqual(140);
    expect(first).not.toContain('?');
    expect(shop.stats().rejections).toMatchObject({ injected_fault: failures, no_session: 400 - failures });

    shop.reset(faulty);
    expect(await failurePattern(400)).toBe(first);
    shop.reset({ ...faulty, seed: 8 });
    expect(await failurePattern(400)).not.toBe(first);
  });

  it('multiplies the service time by the slowdown factor inside its window only', async () => {
    shop.reset({
      defences: { requireAdmissionToken: false },
      service: { s0Ms: 30 },
      faults: { slowdowns: [{ fromMs: 0, toMs: 700, factor: 4 }] },
    });
    const session = await login(shop, 'timer'); // served at 4 × 30 ms
    const inside = performance.now();
    await call(shop.url, 'GET', '/api/product', { session });
    const insideMs = performance.now() - inside;
    await sleep(Math.max(0, 750 - shop.stats().uptimeMs));
    const outside = performance.now();
    await call(shop.url, 'GET', '/api/product', { session });
    const outsideMs = performance.now() - outside;
    expect(insideMs).toBeGreaterThanOrEqual(4 * 30 - 2);
    expect(outsideMs).toBeGreaterThanOrEqual(30 - 2);
    expect(outsideMs).toBeLessThan(80);
  });
});
