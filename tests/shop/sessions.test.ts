import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startShop, type RunningShop } from '../../harness/shop/index.ts';
import { call, join, login, poll, sleep } from './shop-client.ts';

let shop: RunningShop;
beforeAll(async () => {
  shop = await startShop();
});
afterAll(() => shop.close());

describe('login', () => {
  it('answers a session id, its absolute expiry and an HttpOnly sid cookie', async () => {
    shop.reset({ sessionTtlMs: 60_000 });
    const before = Date.now();
    const answer = await call<{ sessionId: string; userId: string; expiresAt: number }>(
      shop.url,
      'POST',
      '/api/login',
      {},
      { userId: 'kim' },
    );
    expect(answer.status).toBe(200);
    expect(answer.body.userId).toBe('kim');
    expect(answer.body.sessionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(answer.body.expiresAt).toBeGreaterThanOrEqual(before + 60_000 - 50);
    expect(answer.body.expiresAt).toBeLessThanOrEqual(Date.now() + 60_000 + 50);
    expect(answer.headers.get('set-cookie')).toBe(`sid=${answer.body.sessionId}; Path=/; HttpOnly; SameSite=Lax`);
  });

  it('answers 400 bad_request without a userId', async () => {
    const answer = await call(shop.url, 'POST', '/api/login', {}, { password: 'x' });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toBe('bad_request');
  });

  it('accepts the session from the sid cookie as well as the X-Session header', async () => {
    shop.reset();
    const session = await login(shop, 'lee');
    const res = await fetch(`${shop.url}/api/queue/join`, {
      method: 'POST',
      headers: { cookie: `other=1; sid=${session}` },
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { position: number }).position).toBe(1);
  });

  it('answers 401 no_session without a session or with an unknown one', async () => {
    expect((await call(shop.url, 'POST', '/api/queue/join')).body.error).toBe('no_session');
    const unknown = await call(shop.url, 'POST', '/api/queue/join', { session: 'not-a-session' });
    expect(unknown.status).toBe(401);
    expect(unknown.body.error).toBe('no_session');
  });
});

describe('session expiry while waiting', () => {
  // Nobody is admitted during these tests: at 1 person per minute the first admission
  // would come after 60 s.
  const waitingRoom = { sessionTtlMs: 300, ticketTtlMs: 60_000, admissionRatePerMinute: 1 };

  async function queueThreePeople(): Promise<{ ticketA: string }> {
    const sessionA = await login(shop, 'a');
    const ticketA = (await join(shop, sessionA)).body.ticketId;
    await join(shop, await login(shop, 'b'));
    await join(shop, await login(shop, 'c'));
    await sleep(400);
    const expired = await poll(shop, sessionA, ticketA);
    expect(expired.status).toBe(401);
    expect(expired.body.error).toBe('session_expired');
    return { ticketA };
  }

  it('keeps the ticket after re-login when reloginRequeues is off: same place, still polled', async () => {
    shop.reset({ ...waitingRoom, reloginRequeues: false });
    const { ticketA } = await queueThreePeople();
    const again = await login(shop, 'a');
    const status = await poll(shop, again, ticketA);
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({ state: 'waiting', position: 1 });
    const stats = shop.stats();
    // a's expiry was seen at its poll; b's and c's are counted when the sweep (~1 s) runs.
    expect(stats.sessionsExpired).toBeGreaterThanOrEqual(1);
    expect(stats.sessionsExpired).toBeLessThanOrEqual(3);
    expect(stats.ticketsInvalidated).toBe(0);
    expect(stats.queueLength).toBe(3);
  });

  it('invalidates the ticket at re-login when reloginRequeues is on: 410, then a new place at the back', async () => {
    shop.reset({ ...waitingRoom, reloginRequeues: true });
    const { ticketA } = await queueThreePeople();
    const again = await login(shop, 'a');
    const status = await poll(shop, again, ticketA);
    expect(status.status).toBe(410);
    expect(status.body.error).toBe('ticket_invalidated');
    const rejoined = await join(shop, again);
    expect(rejoined.status).toBe(200);
    expect(rejoined.body.ticketId).not.toBe(ticketA);
    // b and c keep their places although their sessions expired too: they did not log in again.
    expect(rejoined.body.position).toBe(3);
    const stats = shop.stats();
    expect(stats.ticketsInvalidated).toBe(1);
    expect(stats.queueLength).toBe(3);
  });

  it('does not invalidate a ticket when the user logs in again before the session expired', async () => {
    shop.reset({ ...waitingRoom, sessionTtlMs: 60_000, reloginRequeues: true });
    const first = await login(shop, 'a');
    const ticket = (await join(shop, first)).body.ticketId;
    const second = await login(shop, 'a');
    const status = await poll(shop, second, ticket);
    expect(status.status).toBe(200);
    expect(status.body.position).toBe(1);
  });

  it('counts expired sessions nobody used again in sessionsExpired', async () => {
    shop.reset({ ...waitingRoom, sessionTtlMs: 100 });
    await login(shop, 'x');
    await login(shop, 'y');
    await sleep(1400); // the session sweep runs about once a second
    expect(shop.stats().sessionsExpired).toBe(2);
  });
});
