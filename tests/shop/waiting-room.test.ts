import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startShop, type RunningShop } from '../../harness/shop/index.ts';
import { admit, call, join, login, poll, sleep, stats, waitUntil } from './shop-client.ts';

let shop: RunningShop;
beforeAll(async () => {
  shop = await startShop();
});
afterAll(() => shop.close());

/** At one admission per minute nobody is admitted during a test. */
const HOLD = { admissionRatePerMinute: 1 };

describe('joining', () => {
  it('gives 1-based places in join order and etaMs = position / rate · 60 000', async () => {
    shop.reset({ ...HOLD, admissionRatePerMinute: 2 });
    const places = [];
    for (const userId of ['p1', 'p2', 'p3']) places.push((await join(shop, await login(shop, userId))).body);
    expect(places.map((place) => place.position)).toEqual([1, 2, 3]);
    expect(places.map((place) => place.etaMs)).toEqual([30_000, 60_000, 90_000]);
    expect(places.every((place) => place.state === 'waiting' && place.reused === false)).toBe(true);
  });

  it('answers 404 unknown_ticket for a made-up ticket and for another user’s ticket', async () => {
    shop.reset(HOLD);
    const owner = await login(shop, 'owner');
    const ticket = (await join(shop, owner)).body.ticketId;
    const other = await login(shop, 'other');
    expect((await poll(shop, other, ticket)).body.error).toBe('unknown_ticket');
    const madeUp = await poll(shop, owner, 'no-such-ticket');
    expect(madeUp.status).toBe(404);
    expect(madeUp.body.error).toBe('unknown_ticket');
  });
});

describe('ticket expiry', () => {
  it('expires a ticket not polled within ticketTtlMs: 410 ticket_expired, and joining again lands at the back', async () => {
    shop.reset({ ...HOLD, ticketTtlMs: 400 });
    const sessionA = await login(shop, 'a');
    const ticketA = (await join(shop, sessionA)).body.ticketId;
    const sessionB = await login(shop, 'b');
    const ticketB = (await join(shop, sessionB)).body.ticketId;
    // b keeps polling every 100 ms; a stops (closed tab) for more than twice the validity.
    for (let round = 0; round < 9; round += 1) {
      await sleep(100);
      expect((await poll(shop, sessionB, ticketB)).status).toBe(200);
    }
    // The periodic sweep expired a's ticket without a poll from a.
    const swept = await stats(shop);
    expect(swept.queueLength).toBe(1);
    expect(swept.ticketsExpired).toBe(1);

    const expired = await poll(shop, sessionA, ticketA);
    expect(expired.status).toBe(410);
    expect(expired.body.error).toBe('ticket_expired');
    expect((await poll(shop, sessionB, ticketB)).body.position).toBe(1);
    const again = await join(shop, sessionA);
    expect(again.body.ticketId).not.toBe(ticketA);
    expect(again.body.position).toBe(2);
  });

  it('expires a stale ticket lazily when it is polled before the sweep ran', async () => {
    shop.reset({ ...HOLD, ticketTtlMs: 60 });
    const session = await login(shop, 'lazy');
    const ticket = (await join(shop, session)).body.ticketId;
    await sleep(90);
    const answer = await poll(shop, session, ticket);
    expect(answer.status).toBe(410);
    expect(answer.body.error).toBe('ticket_expired');
  });
});

describe('admission', () => {
  it('holds admissionRatePerMinute within ±5% over a 5 s window while the queue is full', async () => {
    shop.reset({ admissionRatePerMinute: 1200, maxActiveUsers: 100_000, ticketTtlMs: 120_000 });
    const people = Array.from({ length: 250 }, (_, index) => `rate-${index}`);
    for (let start = 0; start < people.length; start += 50) {
      await Promise.all(people.slice(start, start + 50).map(async (userId) => join(shop, await login(shop, userId))));
    }
    const first = await stats(shop);
    await sleep(5000);
    const last = await stats(shop);
    expect(last.queueLength).toBeGreaterThan(0); // the room never ran dry during the window
    const measuredPerMinute = ((last.admittedTotal - first.admittedTotal) / (last.uptimeMs - first.uptimeMs)) * 60_000;
    expect(measuredPerMinute).toBeGreaterThanOrEqual(1200 * 0.95);
    expect(measuredPerMinute).toBeLessThanOrEqual(1200 * 1.05);
  });

  it('admits first come, first served; a person who lost their place is admitted after everyone who joined before their re-entry', async () => {
    // One admission every 200 ms; p3 stops polling, loses its place and joins again.
    shop.reset({ admissionRatePerMinute: 300, ticketTtlMs: 400 });
    const users = ['p1', 'p2', 'p3', 'p4', 'p5'];
    const queued = [];
    for (const userId of users) {
      const session = await login(shop, userId);
      queued.push({ userId, session, ticketId: (await join(shop, session)).body.ticketId });
    }
    const admittedOrder: string[] = [];
    const deadline = performance.now() + 5000;
    let p3Returned = false;
    const started = performance.now();
    while (admittedOrder.length < users.length && performance.now() < deadline) {
      await Promise.all(
        queued.map(async (person) => {
          if (admittedOrder.includes(person.userId)) return;
          if (person.userId === 'p3' && !p3Returned) {
            if (performance.now() - started < 700) return; // p3's tab is closed for 0.7 s
            const lost = await poll(shop, person.session, person.ticketId);
            expect(lost.body.error).toBe('ticket_expired');
            person.ticketId = (await join(shop, person.session)).body.ticketId;
            p3Returned = true;
            return;
          }
          const status = await poll(shop, person.session, person.ticketId);
          expect(status.status).toBe(200);
          if (status.body.state === 'admitted') admittedOrder.push(person.userId);
        }),
      );
      await sleep(30);
    }
    expect(admittedOrder).toEqual(['p1', 'p2', 'p4', 'p5', 'p3']);
  });

  it('pauses admission at maxActiveUsers and admits the next person when a checkout or an admission expiry frees a place', async () => {
    shop.reset({ admissionRatePerMinute: 60_000, maxActiveUsers: 2, admissionTtlMs: 600, stock: 10 });
    const first = await admit(shop, 'first');
    await admit(shop, 'second');
    const sessions = await Promise.all(['third', 'fourth'].map((userId) => login(shop, userId)));
    const tickets = await Promise.all(sessions.map(async (session) => (await join(shop, session)).body.ticketId));
    await sleep(200);
    expect(shop.stats()).toMatchObject({ activeUsers: 2, admittedTotal: 2, queueLength: 2 });

    const bought = await call(shop.url, 'POST', '/api/checkout', first, { quantity: 1, address: 'A' });
    expect(bought.status).toBe(200);
    await waitUntil(() => shop.stats().admittedTotal === 3, 500, 'the third admission after a checkout');
    expect((await poll(shop, sessions[0] ?? '', tickets[0] ?? '')).body.state).toBe('admitted');
    expect(shop.stats().queueLength).toBe(1);

    // Nobody buys now; "second" and "third" stop being active when their 600 ms run out.
    await waitUntil(() => shop.stats().admittedTotal === 4, 1500, 'the fourth admission after an admission expired');
    expect((await poll(shop, sessions[1] ?? '', tickets[1] ?? '')).body.state).toBe('admitted');
  });
});

describe('ticket cap defence', () => {
  it('on: joining again from the same session returns the same ticket, so a refresh keeps one’s place', async () => {
    shop.reset({ ...HOLD, defences: { ticketCap: true } });
    await join(shop, await login(shop, 'ahead'));
    const session = await login(shop, 'refresher');
    const first = await join(shop, session);
    const second = await join(shop, session);
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ ticketId: first.body.ticketId, position: 2, reused: true });
    expect(shop.stats()).toMatchObject({ queueLength: 2, ticketsIssued: 2, ticketsReused: 1 });
  });

  it('on: allows maxTicketsPerSession live tickets, then hands back the earliest', async () => {
    shop.reset({ ...HOLD, maxTicketsPerSession: 2 });
    const session = await login(shop, 'two-tabs');
    const ids = [];
    for (let round = 0; round < 4; round += 1) ids.push((await join(shop, session)).body.ticketId);
    expect(new Set(ids).size).toBe(2);
    expect(ids[2]).toBe(ids[0]);
    expect(ids[3]).toBe(ids[0]);
  });

  it('off: every join takes a new place in the queue (a bot can hold many)', async () => {
    shop.reset({ ...HOLD, defences: { ticketCap: false } });
    const session = await login(shop, 'bot');
    const joins = [];
    for (let round = 0; round < 3; round += 1) joins.push((await join(shop, session)).body);
    expect(new Set(joins.map((answer) => answer.ticketId)).size).toBe(3);
    expect(joins.map((answer) => answer.position)).toEqual([1, 2, 3]);
    expect(shop.stats().queueLength).toBe(3);
  });
});
