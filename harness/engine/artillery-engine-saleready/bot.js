'use strict';
// One bot account's journey (DESIGN.md, "A bot"): it arrives in the burst after opening,
// logs in, tries to skip the queue (check out with no admission token, then with a forged
// one), opens several tickets (one login session each: the ticket cap is per session),
// polls all of them fast, and once one is admitted replays that token from another of its
// sessions and buys up to the per-person limit to its ring's single delivery address.
// Identity goes in headers only, so no cookie sneaks a token into an attempt meant to have none.
const { randomBytes } = require('node:crypto');
const { setTimeout: sleep } = require('node:timers/promises');

/** The delivery address every account of a ring buys to (without a people pool). */
function ringAddress(ring) {
  return `Ring ${ring}, 1 Bulk Depot Road`;
}

/**
 * Runs one bot account and returns its record.
 * `io`: { connection, metrics, plan, startedAtMs, account: { userId, address, ring }, index }.
 */
async function runBot(io) {
  const { connection, metrics, plan } = io;
  const bots = plan.bots;
  const retries = plan.behaviour.retryOnError;
  const actor = 'bot';
  const tags = { actor };
  const arrivedAtMs = Date.now();
  const me = {
    ...io.account,
    ring: String(io.account.ring),
    units: 0,
    firstJoinAt: 0,
    admittedAt: 0,
    reentries: 0,
    sessionExpiries: 0,
  };
  const closesAt = io.startedAtMs + plan.saleClosesAtMs;
  metrics.count('sr_arrivals', tags);

  const pause = (ms) => (ms > 0 ? sleep(ms) : undefined);

  function end(outcome) {
    const final = me.units > 0 ? 'bought' : outcome;
    metrics.count('sr_outcome', { actor, outcome: final });
    return {
      actor,
      index: io.index,
      userId: me.userId,
      ring: me.ring,
      outcome: final,
      arrivedAtMs,
      joinedAtMs: me.firstJoinAt || null,
      admittedAtMs: me.admittedAt || null,
      leftAtMs: Date.now(),
      reentries: me.reentries,
      sessionExpiries: me.sessionExpiries,
      units: me.units,
    };
  }

  /** One request; 5xx and no answer are retried like a person's. */
  async function send(step, method, path, body, session, token, name) {
    let res;
    for (let attempt = 0; attempt <= retries; attempt++) {
      res = await connection.send(step, method, path, { body, session, token, name });
      if (res.status !== 0 && res.status < 500) return res;
      if (attempt < retries) await pause(Math.min(bots.pollIntervalMs, 1000) * (attempt + 1));
    }
    return res;
  }

  /** A new login session of this account, or null. */
  async function login() {
    const res = await send('login', 'POST', '/api/login', { userId: me.userId });
    return res.status === 200 ? res.field('sessionId') || null : null;
  }

  function bought(res, quantity) {
    const units = res.field('quantity') || quantity;
    me.units += units;
    metrics.count('sr_units_bought', { actor, ring: me.ring }, units);
  }

  /** A token of the right shape, for this session, whose signature is made up. */
  function forgeToken(session) {
    const claims = { g: 0, t: 't-1', s: session, u: me.userId, e: Date.now() + 3_600_000 };
    return `${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${randomBytes(32).toString('base64url')}`;
  }

  /** Tries to check out without a valid admission: kind ∈ no_token, forged_token, replayed_token. */
  async function bypass(kind, session, token) {
    const quantity = bots.quantity - me.units;
    if (quantity <= 0 || !session) return;
    const res = await connection.send('checkout', 'POST', '/api/checkout', {
      body: { quantity, address: me.address },
      session,
      token,
      bypass: kind,
    });
    // past the access check (an order, or a refusal for stock or limits) is let through
    let result = 'let_through';
    if (res.status === 0 || res.status >= 500) result = 'error';
    else if (res.status === 401 || res.status === 403) result = 'refused';
    metrics.count('sr_bypass_attempts', { actor, kind, result });
    if (res.status === 200) bought(res, quantity);
  }

  /** Takes a ticket with this session; returns its id, or null. */
  async function join(session, reentry) {
    const res = await send('join', 'POST', '/api/queue/join', undefined, session, null);
    const ticketId = res.status === 200 ? res.field('ticketId') : null;
    if (!ticketId) return null;
    if (res.field('reused') !== true) metrics.count('sr_queue_joins', { actor, reentry: reentry ? 'true' : 'false' });
    return ticketId;
  }

  /** Polls every ticket each poll interval; returns { session, token } or an outcome. */
  async function waitInQueue(slots) {
    for (;;) {
      if (Date.now() + bots.pollIntervalMs >= closesAt) {
        await pause(closesAt - Date.now());
        return 'gave_up';
      }
      await pause(bots.pollIntervalMs);
      for (const slot of slots) {
        if (!slot.ticket) continue;
        const path = `/api/queue/status?ticket=${encodeURIComponent(slot.ticket)}`;
        const res = await send('poll', 'GET', path, undefined, slot.session, null, '/api/queue/status');
        if (res.status === 200) {
          if (res.field('state') !== 'admitted') continue;
          me.admittedAt = Date.now();
          metrics.count('sr_admitted', tags);
          metrics.trend('sr_queue_wait', tags, me.admittedAt - me.firstJoinAt);
          return { session: slot.session, token: res.field('admissionToken') || null };
        }
        if (res.status === 401) {
          // logged out: a new session of the same account may poll the same ticket
          me.sessionExpiries++;
          metrics.count('sr_session_expiries', tags);
          slot.session = await login();
          if (!slot.session) slot.ticket = null;
        } else if (res.status === 410 || res.status === 404) {
          const reason = res.errorCode() === 'ticket_invalidated' ? 'relogin_requeue' : 'ticket_expired';
          metrics.trend('sr_lost_after_wait', tags, Date.now() - me.firstJoinAt);
          me.reentries++;
          metrics.count('sr_reentries', { actor, reason });
          slot.ticket = await join(slot.session, true);
        } else {
          slot.ticket = null;
        }
      }
      if (slots.every((slot) => !slot.ticket)) return 'lost_place';
    }
  }

  /** Product → cart → checkout to the ring's address, no think time. */
  async function buy(admission) {
    const quantity = bots.quantity - me.units;
    if (quantity <= 0) return 'bought';
    const steps = [
      ['product', 'GET', '/api/product', undefined],
      ['cart', 'POST', '/api/cart', { quantity }],
      ['checkout', 'POST', '/api/checkout', { quantity, address: me.address }],
    ];
    for (const [step, method, path, body] of steps) {
      const res = await send(step, method, path, body, admission.session, admission.token);
      if (res.status === 409) return res.errorCode() === 'sold_out' ? 'sold_out' : 'limit_reached';
      if (res.status === 401) {
        me.sessionExpiries++;
        metrics.count('sr_session_expiries', tags);
      }
      if (res.status !== 200) return 'error';
      if (step === 'product' && res.field('stockLeft') === 0) return 'sold_out';
      if (step === 'checkout') bought(res, quantity);
    }
    return 'bought';
  }

  const main = await login();
  if (!main) return end('error');
  // skip the queue before joining it
  if (Math.random() < bots.skipQueue.checkoutWithoutToken) await bypass('no_token', main, null);
  if (Math.random() < bots.skipQueue.forgedToken) await bypass('forged_token', main, forgeToken(main));
  if (me.units >= bots.quantity) return end('bought');
  // many tickets: each from its own login session, so a per-session ticket cap does not stop it
  const slots = [];
  for (let i = 0; i < bots.ticketsPerBot; i++) {
    const session = i === 0 ? main : await login();
    const ticket = session ? await join(session, false) : null;
    if (ticket) slots.push({ session, ticket });
  }
  if (slots.length === 0) return end('error');
  me.firstJoinAt = Date.now();
  const admission = await waitInQueue(slots);
  if (typeof admission === 'string') return end(admission);
  if (Math.random() < bots.skipQueue.replayToken) {
    // the token admitted on one session, replayed from another session of the ring account
    const other = slots.find((slot) => slot.session && slot.session !== admission.session);
    await bypass('replayed_token', other ? other.session : await login(), admission.token);
  }
  return end(await buy(admission));
}

module.exports = { runBot, ringAddress };
