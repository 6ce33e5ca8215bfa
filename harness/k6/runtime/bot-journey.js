// saleready bot journey — runs inside k6 (plain JS, k6 APIs only).
//
// One iteration of the k6 scenario `bots` is one bot account `b-<ring>-<member>`. It arrives
// in the burst after opening, logs in, tries to skip the queue (check out with no admission
// token, then with a forged one), opens several tickets (one login session each: the ticket
// cap is per session), polls all of them fast, and once one is admitted replays that token
// from another of its sessions and then buys up to the per-person limit, to its ring's single
// delivery address. Every request carries `X-Actor: bot` and the tags step and actor=bot;
// every metric carries actor=bot (docs/METRICS.md). Identity goes in headers only: each
// request uses an empty cookie jar, so the shop's `adm` cookie never sneaks a token into an
// attempt that is meant to have none.

import http from 'k6/http';
import { check, sleep } from 'k6';
import exec from 'k6/execution';
import encoding from 'k6/encoding';
import crypto from 'k6/crypto';
import { errorCode, field } from './journey.js';

const ACTOR = 'bot';
const JSON_HEADERS = { 'Content-Type': 'application/json' };

/** Bypass attempts are meant to be refused: a 401/403 is the shop defending itself, not a failure. */
const BYPASS_EXPECTED = http.expectedStatuses({ min: 200, max: 399 }, 400, 401, 403, 409);

/** The delivery address every account of a ring buys to. */
export function ringAddress(ring) {
  return `Ring ${ring}, 1 Bulk Depot Road`;
}

/** The bot journey bound to a plan (with `plan.bots`), a target URL and the metrics. */
export function createBotJourney(plan, targetUrl, metrics, pool = null) {
  const bots = plan.bots;
  const retries = plan.behaviour.retryOnError;
  const base = String(targetUrl || '').replace(/\/+$/, '');
  const tags = { actor: ACTOR };

  function pause(ms) {
    if (ms > 0) sleep(ms / 1000);
  }

  function bot(index) {
    // From the pool when there is one (its rings share one address), else ring n of ringSize.
    const account = pool && index < pool.length ? pool[index] : null;
    const ring = account ? account.ring : Math.floor(index / bots.ringSize);
    const me = {
      userId: account ? account.userId : `b-${ring}-${index % bots.ringSize}`,
      address: account ? account.address : ringAddress(ring),
      ring: String(ring),
      units: 0,
      firstJoinAt: 0,
    };
    // the bots scenario starts at the opening; the sale closes saleClosesAtMs after the test start
    const closesAt = exec.scenario.startTime - bots.startMs + plan.saleClosesAtMs;
    metrics.arrivals.add(1, tags);

    function end(outcome) {
      const final = me.units > 0 ? 'bought' : outcome;
      metrics.outcome.add(1, { actor: ACTOR, outcome: final });
      return final;
    }

    /** One request with its tags; 5xx and no-answer are retried like a person's. */
    function send(step, method, path, body, session, token, name) {
      const headers = Object.assign({ 'X-Actor': ACTOR }, body === null ? {} : JSON_HEADERS);
      if (session) headers['X-Session'] = session;
      if (token) headers['X-Admission-Token'] = token;
      const params = { headers, tags: { step, actor: ACTOR }, redirects: 0, jar: new http.CookieJar() };
      if (name) params.tags.name = name;
      let res;
      for (let attempt = 0; attempt <= retries; attempt++) {
        res = http.request(method, `${base}${path}`, body === null ? null : JSON.stringify(body), params);
        if (res.status !== 0 && res.status < 500) return res;
        if (attempt < retries) pause(Math.min(bots.pollIntervalMs, 1000) * (attempt + 1));
      }
      return res;
    }

    /** A new login session of this account, or null. */
    function login() {
      const res = send('login', 'POST', '/api/login', { userId: me.userId }, null, null, null);
      if (!check(res, { 'bot can log in': (r) => r.status === 200 })) return null;
      return field(res, 'sessionId') || null;
    }

    function bought(res, quantity) {
      const units = field(res, 'quantity') || quantity;
      me.units += units;
      metrics.unitsBought.add(units, { actor: ACTOR, ring: me.ring });
    }

    /** A token of the right shape, for this session, whose signature is made up. */
    function forgeToken(session) {
      const claims = { g: 0, t: 't-1', s: session, u: me.userId, e: Date.now() + 3_600_000 };
      return `${encoding.b64encode(JSON.stringify(claims), 'rawurl')}.${encoding.b64encode(crypto.randomBytes(32), 'rawurl')}`;
    }

    /** Tries to check out without a valid admission: kind ∈ no_token, forged_token, replayed_token. */
    function bypass(kind, session, token) {
      const quantity = bots.quantity - me.units;
      if (quantity <= 0 || !session) return;
      const headers = Object.assign({ 'X-Actor': ACTOR, 'X-Session': session }, JSON_HEADERS);
      if (token) headers['X-Admission-Token'] = token;
      const res = http.post(`${base}/api/checkout`, JSON.stringify({ quantity, address: me.address }), {
        headers,
        tags: { step: 'checkout', actor: ACTOR, bypass: kind },
        redirects: 0,
        jar: new http.CookieJar(),
        responseCallback: BYPASS_EXPECTED,
      });
      // past the access check (an order, or a refusal for stock or limits) is let through
      let result = 'let_through';
      if (res.status === 0 || res.status >= 500) result = 'error';
      else if (res.status === 401 || res.status === 403) result = 'refused';
      metrics.bypassAttempts.add(1, { actor: ACTOR, kind, result });
      if (res.status === 200) bought(res, quantity);
    }

    /** Takes a ticket with this session; returns its id, or null. */
    function join(session, reentry) {
      const res = send('join', 'POST', '/api/queue/join', null, session, null, null);
      check(res, { 'queue gives a bot a ticket': (r) => r.status === 200 || r.status === 429 });
      const ticketId = res.status === 200 ? field(res, 'ticketId') : null;
      if (!ticketId) return null;
      if (field(res, 'reused') !== true) metrics.queueJoins.add(1, { actor: ACTOR, reentry: reentry ? 'true' : 'false' });
      return ticketId;
    }

    /** Polls every ticket each poll interval; returns { session, token } or an outcome. */
    function waitInQueue(slots) {
      for (;;) {
        if (Date.now() + bots.pollIntervalMs >= closesAt) {
          pause(closesAt - Date.now());
          return 'gave_up';
        }
        pause(bots.pollIntervalMs);
        for (const slot of slots) {
          if (!slot.ticket) continue;
          const path = `/api/queue/status?ticket=${encodeURIComponent(slot.ticket)}`;
          const res = send('poll', 'GET', path, null, slot.session, null, '/api/queue/status');
          check(res, { 'queue tells a bot its place': (r) => r.status === 200 || r.status === 401 || r.status === 410 });
          if (res.status === 200) {
            if (field(res, 'state') !== 'admitted') continue;
            metrics.admitted.add(1, tags);
            metrics.queueWait.add(Date.now() - me.firstJoinAt, tags);
            return { session: slot.session, token: field(res, 'admissionToken') || null };
          }
          if (res.status === 401) {
            // logged out: a new session of the same account may poll the same ticket
            metrics.sessionExpiries.add(1, tags);
            slot.session = login();
            if (!slot.session) slot.ticket = null;
          } else if (res.status === 410 || res.status === 404) {
            const reason = errorCode(res) === 'ticket_invalidated' ? 'relogin_requeue' : 'ticket_expired';
            metrics.lostAfterWait.add(Date.now() - me.firstJoinAt, tags);
            metrics.reentries.add(1, { actor: ACTOR, reason });
            slot.ticket = join(slot.session, true);
          } else {
            slot.ticket = null;
          }
        }
        if (slots.every((slot) => !slot.ticket)) return 'lost_place';
      }
    }

    /** Product → cart → checkout to the ring's address, no think time. */
    function buy(admission) {
      const quantity = bots.quantity - me.units;
      if (quantity <= 0) return 'bought';
      const steps = [
        ['product', 'GET', '/api/product', null],
        ['cart', 'POST', '/api/cart', { quantity }],
        ['checkout', 'POST', '/api/checkout', { quantity, address: me.address }],
      ];
      for (const [step, method, path, body] of steps) {
        const res = send(step, method, path, body, admission.session, admission.token, null);
        check(res, { [`bot ${step} answers`]: (r) => r.status === 200 || r.status === 409 });
        if (res.status === 409) return errorCode(res) === 'sold_out' ? 'sold_out' : 'limit_reached';
        if (res.status === 401) metrics.sessionExpiries.add(1, tags);
        if (res.status !== 200) return 'error';
        if (step === 'product' && field(res, 'stockLeft') === 0) return 'sold_out';
        if (step === 'checkout') bought(res, quantity);
      }
      return 'bought';
    }

    pause(Math.random() * bots.burstMs); // arrive somewhere in the burst after opening
    const main = login();
    if (!main) return end('error');
    // skip the queue before joining it
    if (Math.random() < bots.skipQueue.checkoutWithoutToken) bypass('no_token', main, null);
    if (Math.random() < bots.skipQueue.forgedToken) bypass('forged_token', main, forgeToken(main));
    if (me.units >= bots.quantity) return end('bought');
    // many tickets: each from its own login session, so a per-session ticket cap does not stop it
    const slots = [];
    for (let i = 0; i < bots.ticketsPerBot; i++) {
      const session = i === 0 ? main : login();
      const ticket = session ? join(session, false) : null;
      if (ticket) slots.push({ session, ticket });
    }
    if (slots.length === 0) return end('error');
    me.firstJoinAt = Date.now();
    const admission = waitInQueue(slots);
    if (typeof admission === 'string') return end(admission);
    if (Math.random() < bots.skipQueue.replayToken) {
      // the token admitted on one session, replayed from another session of the ring account
      const other = slots.find((slot) => slot.session && slot.session !== admission.session);
      bypass('replayed_token', other ? other.session : login(), admission.token);
    }
    return end(buy(admission));
  }

  return { bot };
}
