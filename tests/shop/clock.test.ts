import { describe, expect, it } from 'vitest';
import { createClock } from '../../harness/shop/clock.ts';
import { startShop } from '../../harness/shop/index.ts';
import { join, login, poll, waitUntil } from './shop-client.ts';

describe('createClock', () => {
  it('counts from its creation and from zero again after restart', () => {
    let source = 1000;
    const clock = createClock(() => source);
    source = 1250;
    expect(clock.now()).toBe(250);
    clock.restart();
    source = 1300;
    expect(clock.now()).toBe(50);
  });

  it('converts a time on the clock to Unix epoch milliseconds', () => {
    let source = 0;
    const clock = createClock(() => source);
    source = 400;
    const expected = Date.now() + 600; // 1000 on the clock is 600 ms from now
    expect(Math.abs(clock.toEpochMs(1000) - expected)).toBeLessThanOrEqual(5);
  });
});

describe('an injected clock', () => {
  it('lets a test run the default 30-minute session and 60-second ticket validity without waiting', async () => {
    let fakeMs = 0;
    const shop = await startShop({ admissionRatePerMinute: 1 }, { now: () => fakeMs });
    try {
      const session = await login(shop, 'kim');
      const ticket = (await join(shop, session)).body.ticketId;
      fakeMs += 59_999;
      expect((await poll(shop, session, ticket)).body).toMatchObject({ state: 'waiting', position: 1 });
      fakeMs += 60_000;
      const lapsed = await poll(shop, session, ticket);
      expect(lapsed.body.error).toBe('ticket_expired');
      fakeMs = 1_800_000 - 1;
      expect((await join(shop, session)).status).toBe(200);
      fakeMs += 1;
      expect((await join(shop, session)).body.error).toBe('session_expired');
    } finally {
      await shop.close();
    }
  });

  it('drives admission: one minute of fake time at 1 per minute admits the head of the queue', async () => {
    let fakeMs = 0;
    const shop = await startShop({ admissionRatePerMinute: 1, ticketTtlMs: 120_000 }, { now: () => fakeMs });
    try {
      await join(shop, await login(shop, 'first'));
      await join(shop, await login(shop, 'second'));
      fakeMs = 60_000;
      await waitUntil(() => shop.stats().admittedTotal === 1, 1000, 'the scheduler to admit after one fake minute');
      expect(shop.stats().queueLength).toBe(1);
    } finally {
      await shop.close();
    }
  });
});
