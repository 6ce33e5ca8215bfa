import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseShopConfig, startShop, type RunningShop } from '../../harness/shop/index.ts';
import { thrownBy } from '../helpers/thrown.ts';
import { call } from './shop-client.ts';

describe('parseShopConfig', () => {
  it('fills every default of docs/SHOP-API.md when given nothing', () => {
    const config = parseShopConfig({});
    expect(config).toMatchObject({
      sessionTtlMs: 1_800_000,
      ticketTtlMs: 60_000,
      admissionRatePerMinute: 600,
      maxActiveUsers: 500,
      admissionTtlMs: 600_000,
      reloginRequeues: false,
      stock: 1000,
      perPersonLimit: 1,
      perAddressLimit: 2,
      maxTicketsPerSession: 1,
      defences: { requireAdmissionToken: true, bindTokenToSession: true, perAddressLimit: true, ticketCap: true },
      service: { s0Ms: 0, sigma: 0, kappa: 0, workers: 256, backlog: 1024 },
      faults: { errorRate: 0, slowdowns: [] },
      seed: 1,
    });
    expect(config.secret.length).toBeGreaterThanOrEqual(16);
  });

  it('keeps the other defaults of a nested group when one field of it is given', () => {
    const config = parseShopConfig({ defences: { perAddressLimit: false }, service: { s0Ms: 5 } });
    expect(config.defences).toEqual({
      requireAdmissionToken: true,
      bindTokenToSession: true,
      perAddressLimit: false,
      ticketCap: true,
    });
    expect(config.service).toEqual({ s0Ms: 5, sigma: 0, kappa: 0, workers: 256, backlog: 1024 });
  });

  it('draws a different random secret for each configuration without one', () => {
    expect(parseShopConfig({}).secret).not.toBe(parseShopConfig({}).secret);
  });

  it('refuses a negative stock with a UsageError naming the field, the value and the bound', () => {
    const error = thrownBy(() => parseShopConfig({ stock: -5 }, 'sale.json'));
    expect(error.code).toBe('shop.bad-shop-config');
    expect(error.exitCode).toBe(2);
    expect(error.message).toContain('sale.json');
    expect(error.message).toMatch(/^✖ must be 0 or more \(got -5\) → at stock$/m);
  });

  it('names a nested field and the wrong type given for it', () => {
    expect(() => parseShopConfig({ service: { s0Ms: 'fast' } })).toThrow(
      /expected number, received string \(got "fast"\) → at service\.s0Ms/,
    );
  });

  it('refuses an unknown field and lists the allowed ones', () => {
    expect(() => parseShopConfig({ stok: 3 })).toThrow(/Unrecognized key: "stok".*allowed: .*stock.* → at stok/);
    expect(() => parseShopConfig({ defences: { captcha: true } })).toThrow(
      /allowed: requireAdmissionToken, bindTokenToSession, perAddressLimit, ticketCap → at defences\.captcha/,
    );
  });

  it('refuses an error rate above 1 and a slowdown window that ends before it starts', () => {
    expect(() => parseShopConfig({ faults: { errorRate: 1.5 } })).toThrow(
      /must be at most 1 \(a share\) \(got 1\.5\) → at faults\.errorRate/,
    );
    expect(() => parseShopConfig({ faults: { slowdowns: [{ fromMs: 500, toMs: 100, factor: 2 }] } })).toThrow(
      /must be greater than fromMs \(got 100\) → at faults\.slowdowns\.0\.toMs/,
    );
  });

  it('refuses a zero admission rate, zero workers and a non-integer per-person limit', () => {
    expect(() => parseShopConfig({ admissionRatePerMinute: 0 })).toThrow(/→ at admissionRatePerMinute/);
    expect(() => parseShopConfig({ service: { workers: 0 } })).toThrow(/→ at service\.workers/);
    expect(() => parseShopConfig({ perPersonLimit: 1.5 })).toThrow(
      /must be a whole number \(got 1\.5\) → at perPersonLimit/,
    );
  });
});

describe('POST /admin/reset', () => {
  let shop: RunningShop;
  beforeAll(async () => {
    shop = await startShop({ stock: 7 });
  });
  afterAll(() => shop.close());

  it('answers 400 naming the field and leaves the configuration as it was', async () => {
    const answer = await call(shop.url, 'POST', '/admin/reset', {}, { perAddressLimit: 'two' });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toBe('shop.bad-shop-config');
    expect(answer.body.message).toMatch(/expected number, received string \(got "two"\) → at perAddressLimit/);
    expect(shop.config.stock).toBe(7);
    expect(shop.config.perAddressLimit).toBe(2);
  });

  it('answers 400 bad_request to a body that is not JSON', async () => {
    const res = await fetch(`${shop.url}/admin/reset`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{stock: 3',
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toBe('bad_request');
  });

  it('applies given fields over the start configuration, clears state and hides the secret', async () => {
    await call(shop.url, 'POST', '/api/login', {}, { userId: 'before-reset' });
    expect(shop.stats().logins).toBe(1);
    const answer = await call<{ ok: boolean; config: Record<string, unknown> }>(
      shop.url,
      'POST',
      '/admin/reset',
      {},
      {
        perPersonLimit: 3,
        defences: { ticketCap: false },
      },
    );
    expect(answer.status).toBe(200);
    expect(answer.body.ok).toBe(true);
    expect(answer.body.config).toMatchObject({ stock: 7, perPersonLimit: 3, secret: '(hidden)' });
    expect(answer.body.config.defences).toEqual({
      requireAdmissionToken: true,
      bindTokenToSession: true,
      perAddressLimit: true,
      ticketCap: false,
    });
    const after = shop.stats();
    expect(after.logins).toBe(0);
    expect(after.requestsTotal).toBe(0);
    expect(after.stockLeft).toBe(7);
  });

  it('does not carry one reset’s fields into the next: each applies over the start configuration', async () => {
    shop.reset({ perPersonLimit: 3, faults: { errorRate: 0.5 } });
    const answer = await call<{ config: { perPersonLimit: number; stock: number; faults: { errorRate: number } } }>(
      shop.url,
      'POST',
      '/admin/reset',
      {},
      {},
    );
    expect(answer.body.config.perPersonLimit).toBe(1);
    expect(answer.body.config.faults.errorRate).toBe(0);
    expect(answer.body.config.stock).toBe(7);
  });

  it('restarts the clock: uptime after a reset is shorter than before it', async () => {
    await new Promise((resolve) => setTimeout(resolve, 150));
    const before = shop.stats().uptimeMs;
    expect(before).toBeGreaterThanOrEqual(140);
    shop.reset();
    expect(shop.stats().uptimeMs).toBeLessThan(50);
  });

  it('throws a UsageError from RunningShop.reset with a bad value', () => {
    expect(thrownBy(() => shop.reset({ maxActiveUsers: -1 })).code).toBe('shop.bad-shop-config');
    expect(shop.config.maxActiveUsers).toBe(500);
  });
});
