'use strict';
// One person's sale-day journey (DESIGN.md, "The person model"): log in → wait for the
// opening → join the queue → poll the place every poll interval → admitted → product →
// cart → checkout, or give up when patience runs out. On the way a person may refresh or
// open a second tab, let the phone fall asleep (the ticket expires: back of the queue), or
// be logged out (session expiry: log in again, which some shops answer by sending them to
// the back). Every number comes from the run plan (run time, ms).
const { setTimeout: sleep } = require('node:timers/promises');
const { drawPatienceMs } = require('./patience.js');

/**
 * Runs one person to the end of their journey and returns their record.
 * `io`: { connection, metrics, plan, startedAtMs, account: { userId, address }, index }.
 */
async function runPerson(io) {
  const { connection, metrics, plan } = io;
  const b = plan.behaviour;
  const actor = 'person';
  const tags = { actor };
  const arrivedAtMs = Date.now();
  const p = {
    session: null,
    ticket: null,
    token: null,
    tickets: new Set(),
    firstJoinAt: 0,
    admittedAt: 0,
    reloggedIn: false,
    reentries: 0,
    sessionExpiries: 0,
    units: 0,
    // drawn once per person: do they log in again / rejoin when it happens?
    relogs: Math.random() < b.reloginChance,
    rejoins: Math.random() < b.rejoinChance,
  };
  const opensAt = io.startedAtMs + plan.opensAtMs;
  const closesAt = io.startedAtMs + plan.saleClosesAtMs;
  metrics.count('sr_arrivals', tags);

  const pause = (ms) => (ms > 0 ? sleep(ms) : undefined);

  function end(outcome) {
    metrics.count('sr_outcome', { actor, outcome });
    return {
      actor,
      index: io.index,
      userId: io.account.userId,
      outcome,
      arrivedAtMs,
      joinedAtMs: p.firstJoinAt || null,
      admittedAtMs: p.admittedAt || null,
      leftAtMs: Date.now(),
      reentries: p.reentries,
      sessionExpiries: p.sessionExpiries,
      units: p.units,
    };
  }

  /** One request; 5xx and no answer are retried up to retryOnError times. */
  async function send(step, method, path, body, name) {
    let res;
    for (let attempt = 0; attempt <= b.retryOnError; attempt++) {
      res = await connection.send(step, method, path, { body, session: p.session, token: p.token, name });
      if (res.status !== 0 && res.status < 500) return res;
      if (attempt < b.retryOnError) await pause(Math.min(b.pollIntervalMs, 1000) * (attempt + 1));
    }
    return res;
  }

  async function login() {
    const res = await send('login', 'POST', '/api/login', { userId: io.account.userId });
    if (res.status !== 200) return false;
    p.session = res.field('sessionId') || null;
    return p.session !== null;
  }

  /** Takes a ticket; `kind` is 'first', 'reentry' (back of the queue) or 'extra' (refresh/tab). */
  async function join(kind) {
    const res = await send('join', 'POST', '/api/queue/join');
    if (res.status !== 200) return res;
    const ticketId = res.field('ticketId');
    if (!ticketId || p.tickets.has(ticketId)) return res; // same ticket back: the refresh kept the place
    p.tickets.add(ticketId);
    metrics.count('sr_queue_joins', { actor, reentry: kind === 'reentry' ? 'true' : 'false' });
    if (kind !== 'extra') p.ticket = ticketId;
    return res;
  }

  /** The session expired: count it and log in again (true) or leave (false). */
  async function sessionExpired() {
    p.sessionExpiries++;
    metrics.count('sr_session_expiries', tags);
    if (!p.relogs) return false;
    p.reloggedIn = true;
    return login();
  }

  /** Lost the place in the queue: rejoin at the back (true) or leave (false). */
  async function lostPlace(reason) {
    metrics.trend('sr_lost_after_wait', tags, Date.now() - p.firstJoinAt);
    if (!p.rejoins) return false;
    p.reentries++;
    metrics.count('sr_reentries', { actor, reason });
    p.token = null;
    p.ticket = null;
    let res = await join('reentry');
    if (res.status === 401) {
      if (!(await sessionExpired())) return false;
      res = await join('reentry');
    }
    return res.status === 200 && p.ticket !== null;
  }

  /** Takes the first ticket, logging in again if the session ran out before opening. */
  async function firstJoin() {
    for (let attempt = 0; attempt < 3; attempt++) {
      const res = await join('first');
      if (res.status === 200 && p.ticket) return 'ok';
      if (res.status === 401) {
        if (!(await sessionExpired())) return 'lost_place';
        continue;
      }
      return 'error';
    }
    return 'error';
  }

  /** Polls until admitted; returns null when admitted, else the outcome. */
  async function waitInQueue(giveUpAt) {
    const sleepsAtPoll = Math.random() < b.sleepChance ? 1 + Math.floor(Math.random() * 3) : -1;
    let polls = 0;
    let pollNow = false; // right after logging in again, the page shows the place at once
    for (;;) {
      if (!pollNow) {
        if (Date.now() + b.pollIntervalMs >= giveUpAt) {
          await pause(giveUpAt - Date.now());
          return 'gave_up';
        }
        await pause(b.pollIntervalMs);
        polls += 1;
        if (polls === sleepsAtPoll) await pause(Math.min(b.sleepMs, giveUpAt - Date.now()));
        if (Math.random() < b.refreshChance) await join('extra');
      }
      pollNow = false;
      const res = await send(
        'poll',
        'GET',
        `/api/queue/status?ticket=${encodeURIComponent(p.ticket)}`,
        undefined,
        '/api/queue/status',
      );
      if (res.status === 200) {
        if (res.field('state') !== 'admitted') continue;
        p.token = res.field('admissionToken') || null;
        p.admittedAt = Date.now();
        metrics.count('sr_admitted', tags);
        metrics.trend('sr_queue_wait', tags, p.admittedAt - p.firstJoinAt);
        return null;
      }
      if (res.status === 401) {
        if (!(await sessionExpired())) return 'lost_place';
        pollNow = true;
      } else if (res.status === 410 || res.status === 404) {
        const reason = res.errorCode() === 'ticket_invalidated' ? 'relogin_requeue' : 'ticket_expired';
        if (!(await lostPlace(reason))) return 'lost_place';
      } else {
        return 'error';
      }
    }
  }

  /** Product → cart → checkout; returns the outcome, or 'requeued' after losing the admission. */
  async function shop() {
    const steps = [
      ['product', 'GET', '/api/product', undefined],
      ['cart', 'POST', '/api/cart', { quantity: b.quantity }],
      ['checkout', 'POST', '/api/checkout', { quantity: b.quantity, address: io.account.address }],
    ];
    for (const [step, method, path, body] of steps) {
      await pause(b.thinkMs);
      let res = await send(step, method, path, body);
      if (res.status === 401) {
        if (!(await sessionExpired())) return 'lost_place';
        res = await send(step, method, path, body);
      }
      if (res.status === 403) {
        if (!p.reloggedIn) return 'error';
        return (await lostPlace('relogin_requeue')) ? 'requeued' : 'lost_place';
      }
      if (res.status === 409) return res.errorCode() === 'sold_out' ? 'sold_out' : 'limit_reached';
      if (res.status !== 200) return 'error';
      if (step === 'product' && res.field('stockLeft') === 0) return 'sold_out';
      if (step === 'checkout') {
        p.units += res.field('quantity') || b.quantity;
        metrics.count('sr_units_bought', tags, res.field('quantity') || b.quantity);
        return 'bought';
      }
    }
    return 'error';
  }

  if (!(await login())) return end('error');
  // people who came early join within a moment of the opening: up to one poll interval, at most
  // 30 s of sale time (so the spread scales with k like every other duration)
  if (Date.now() < opensAt)
    await pause(opensAt - Date.now() + Math.random() * Math.min(b.pollIntervalMs, 30_000 / plan.timeScale));
  const first = await firstJoin();
  if (first !== 'ok') return end(first);
  p.firstJoinAt = Date.now();
  if (Math.random() < b.secondTabChance) await join('extra');
  const giveUpAt = Math.min(p.firstJoinAt + drawPatienceMs(plan.patience), closesAt);
  for (;;) {
    const waited = await waitInQueue(giveUpAt);
    if (waited !== null) return end(waited);
    p.reloggedIn = false;
    const outcome = await shop();
    if (outcome !== 'requeued') return end(outcome);
  }
}

module.exports = { runPerson };
