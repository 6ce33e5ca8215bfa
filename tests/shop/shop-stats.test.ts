import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startShop, type RunningShop, type ShopStats } from '../../harness/shop/index.ts';
import { call, join, login, poll, sleep, stats } from './shop-client.ts';

let shop: RunningShop;
beforeAll(async () => {
  shop = await startShop();
});
afterAll(() => shop.close());

describe('GET /admin/stats', () => {
  it('counts a scripted sale exactly: queue, admissions, orders, rejections by reason and per actor', async () => {
    shop.reset({ admissionRatePerMinute: 60_000, stock: 5 });
    // A person: login, join, polls until admitted, product, checkout.
    const person = await call<{ sessionId: string }>(
      shop.url,
      'POST',
      '/api/login',
      { actor: 'person' },
      { userId: 'kim' },
    );
    const session = person.body.sessionId;
    const ticket = await call<{ ticketId: string }>(shop.url, 'POST', '/api/queue/join', { session, actor: 'person' });
    let token: string | undefined;
    let personRequests = 2;
    while (!token) {
      await sleep(60);
      const status = await call<{ admissionToken?: string }>(
        shop.url,
        'GET',
        `/api/queue/status?ticket=${ticket.body.ticketId}`,
        { session, actor: 'person' },
      );
      personRequests += 1;
      token = status.body.admissionToken;
    }
    await call(shop.url, 'GET', '/api/product', { session, token, actor: 'person' });
    await call(shop.url, 'POST', '/api/checkout', { session, token, actor: 'person' }, { quantity: 1, address: 'A' });
    personRequests += 2;
    // A bot: login, checkout without a token, then with the person's token (bound to the person's session).
    const bot = await call<{ sessionId: string }>(
      shop.url,
      'POST',
      '/api/login',
      { actor: 'bot' },
      { userId: 'bot-1' },
    );
    const botSession = bot.body.sessionId;
    await call(shop.url, 'POST', '/api/checkout', { session: botSession, actor: 'bot' }, { quantity: 1, address: 'B' });
    await call(
      shop.url,
      'POST',
      '/api/checkout',
      { session: botSession, token, actor: 'bot' },
      { quantity: 1, address: 'B' },
    );
    // Unlabelled: a page, /healthz and an unknown API path. /admin/* is never counted.
    await fetch(`${shop.url}/queue`);
    await fetch(`${shop.url}/healthz`);
    await fetch(`${shop.url}/api/nothing-here`);
    await stats(shop);

    const snapshot = await stats(shop);
    expect(snapshot).toMatchObject({
      queueLength: 0,
      activeUsers: 0, // the checkout ended the person's active admission
      admittedTotal: 1,
      stockLeft: 4,
      ordersTotal: 1,
      unitsSold: 1,
      inFlight: 0,
      requestsTotal: personRequests + 3 + 3,
      ticketsIssued: 1,
      ticketsExpired: 0,
      ticketsInvalidated: 0,
      sessionsExpired: 0,
      logins: 2,
      ordersByAddress: { max: 1, addressesOverLimit: 0 },
      ordersByPerson: { max: 1, personsOverLimit: 0 },
    });
    expect(snapshot.rejections).toEqual({ no_admission: 1, token_session_mismatch: 1, not_found: 1 });
    expect(snapshot.byActor).toEqual({
      person: { requests: personRequests, orders: 1, units: 1 },
      bot: { requests: 3, orders: 0, units: 0 },
      unlabelled: { requests: 3, orders: 0, units: 0 },
    });
    expect(snapshot.uptimeMs).toBeGreaterThan(0);
  });

  it('shows requests in service and in the backlog as inFlight', async () => {
    shop.reset({ defences: { requireAdmissionToken: false }, service: { s0Ms: 400, workers: 2, backlog: 10 } });
    const pending = Array.from({ length: 3 }, () => call(shop.url, 'GET', '/api/product'));
    await sleep(100);
    const during: ShopStats = await stats(shop);
    expect(during.inFlight).toBe(3);
    await Promise.all(pending);
    expect(shop.stats().inFlight).toBe(0);
  });

  it('folds X-Actor values to a safe key and caps the number of distinct actors at 64', async () => {
    shop.reset();
    await fetch(`${shop.url}/healthz`, { headers: { 'x-actor': 'Bot <Ring 7>' } });
    for (let index = 0; index < 70; index += 1) {
      await fetch(`${shop.url}/healthz`, { headers: { 'x-actor': `actor-${index}` } });
    }
    const byActor = shop.stats().byActor;
    expect(byActor.botring7).toEqual({ requests: 1, orders: 0, units: 0 });
    expect(Object.keys(byActor)).toHaveLength(65); // 64 names + other
    expect(byActor.other?.requests).toBe(7);
  });

  it('counts the queue as live tickets only', async () => {
    shop.reset({ admissionRatePerMinute: 1, ticketTtlMs: 300 });
    const alive = await login(shop, 'alive');
    const aliveTicket = (await join(shop, alive)).body.ticketId;
    await join(shop, await login(shop, 'gone'));
    expect(shop.stats().queueLength).toBe(2);
    for (let round = 0; round < 8; round += 1) {
      await sleep(75);
      await poll(shop, alive, aliveTicket);
    }
    expect(shop.stats()).toMatchObject({ queueLength: 1, ticketsExpired: 1, ticketsIssued: 2 });
  });
});
