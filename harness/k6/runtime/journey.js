// saleready journey library — runs inside k6 (plain JS, k6 APIs only).
//
// One iteration of the k6 scenario is one person: log in → (wait for the opening) → join
// the queue → poll the place every poll interval → admitted → product → cart → checkout,
// or give up when patience runs out. Along the way a person may refresh, open a second tab,
// let the phone fall asleep (the ticket expires), or get logged out (session expiry).
// Metric names and tags follow docs/METRICS.md. Every number comes from the plan (run time).

import http from 'k6/http';
import { check, sleep } from 'k6';
import exec from 'k6/execution';

const JSON_HEADERS = { 'Content-Type': 'application/json' };

/** Answers that are the shop working correctly, not failures (docs/METRICS.md). */
export const EXPECTED_STATUSES = [{ min: 200, max: 399 }, 409, 410, 429];

/** The metrics of docs/METRICS.md; call once in the init context. */
export function createMetrics(Counter, Trend) {
  return {
    arrivals: new Counter('sr_arrivals'),
    queueJoins: new Counter('sr_queue_joins'),
    admitted: new Counter('sr_admitted'),
    queueWait: new Trend('sr_queue_wait', true),
    reentries: new Counter('sr_reentries'),
    sessionExpiries: new Counter('sr_session_expiries'),
    outcome: new Counter('sr_outcome'),
    unitsBought: new Counter('sr_units_bought'),
    lostAfterWait: new Trend('sr_lost_after_wait', true),
    bypassAttempts: new Counter('sr_bypass_attempts'),
  };
}

/** One draw of a person's patience (ms): inverse transform / Box–Muller. */
export function drawPatienceMs(patience) {
  switch (patience.kind) {
    case 'exponential':
      return -patience.meanMs * Math.log(1 - Math.random());
    case 'lognormal': {
      const u1 = 1 - Math.random();
      const z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * Math.random());
      return patience.medianMs * Math.exp(patience.sigma * z);
    }
    default:
      return patience.ms;
  }
}

/** The `error` code of a JSON error answer, or ''. */
export function errorCode(res) {
  try {
    const body = res.json();
    return body && typeof body.error === 'string' ? body.error : '';
  } catch (_) {
    return '';
  }
}

/** A field of a JSON answer, or undefined. */
export function field(res, name) {
  try {
    const body = res.json();
    return body ? body[name] : undefined;
  } catch (_) {
    return undefined;
  }
}

/**
 * The person journey bound to a plan, a target URL and the metrics. `people` (a SharedArray
 * of `{ userId, address }`) gives iteration n its own account; past its end, or without it,
 * person n is `p-<n>` at `<n> Sale Street`.
 */
export function createJourney(plan, targetUrl, metrics, actor = 'person', people = null) {
  const b = plan.behaviour;
  const base = String(targetUrl || '').replace(/\/+$/, '');
  const tags = { actor };

  /** Checks that the target answers at all; aborts the test when it does not. */
  function probe() {
    const res = http.get(`${base}/healthz`, { headers: { 'X-Actor': 'harness' }, tags: { step: 'probe', actor: 'harness' } });
    if (res.status === 0) exec.test.abort(`target ${base} is unreachable: ${res.error}`);
  }

  function person(index) {
    const account = people && index < people.length ? people[index] : null;
    const p = {
      userId: account ? account.userId : `p-${index}`,
      address: account ? account.address : `${index} Sale Street`,
      session: null,
      ticket: null,
      token: null,
      tickets: {},
      firstJoinAt: 0,
      reloggedIn: false,
      // drawn once per person: does this person log in again / rejoin when it happens?
      relogs: Math.random() < b.reloginChance,
      rejoins: Math.random() < b.rejoinChance,
    };
    const startMs = exec.scenario.startTime;
    const opensAt = startMs + plan.opensAtMs;
    const closesAt = startMs + plan.saleClosesAtMs;
    metrics.arrivals.add(1, tags);

    function end(outcome) {
      metrics.outcome.add(1, { actor, outcome });
      return outcome;
    }

    function pause(ms) {
      if (ms > 0) sleep(ms / 1000);
    }

    /** One request with its tags; 5xx and no-answer are retried up to retryOnError times. */
    function send(step, method, path, body, name) {
      const headers = Object.assign({ 'X-Actor': actor }, body === null ? {} : JSON_HEADERS);
      if (p.session) headers['X-Session'] = p.session;
      if (p.token) headers['X-Admission-Token'] = p.token;
      const params = { headers, tags: { step, actor }, redirects: 0 };
      if (name) params.tags.name = name;
      let res;
      for (let attempt = 0; attempt <= b.retryOnError; attempt++) {
        res = http.request(method, `${base}${path}`, body === null ? null : JSON.stringify(body), params);
        if (res.status !== 0 && res.status < 500) return res;
        if (attempt < b.retryOnError) pause(Math.min(b.pollIntervalMs, 1000) * (attempt + 1));
      }
      return res;
    }

    function login() {
      const res = send('login', 'POST', '/api/login', { userId: p.userId }, null);
      const ok = check(res, { 'person can log in': (r) => r.status === 200 });
      if (!ok) return false;
      p.session = field(res, 'sessionId') || null;
      return p.session !== null;
    }

    /** Takes a ticket; `kind` is 'first', 'reentry' (back of the queue) or 'extra' (refresh/tab). */
    function join(kind) {
      const res = send('join', 'POST', '/api/queue/join', null, null);
      check(res, { 'queue gives a ticket': (r) => r.status === 200 || r.status === 429 });
      if (res.status !== 200) return res;
      const ticketId = field(res, 'ticketId');
      if (!ticketId || p.tickets[ticketId]) return res; // same ticket back: the refresh kept the place
      p.tickets[ticketId] = true;
      metrics.queueJoins.add(1, { actor, reentry: kind === 'reentry' ? 'true' : 'false' });
      if (kind !== 'extra') p.ticket = ticketId;
      return res;
    }

    /** The session expired: count it and log in again (true) or leave (false). */
    function sessionExpired() {
      metrics.sessionExpiries.add(1, tags);
      if (!p.relogs) return false;
      p.reloggedIn = true;
      return login();
    }

    /** Lost the place in the queue: rejoin at the back (true) or leave (false). */
    function lostPlace(reason) {
      metrics.lostAfterWait.add(Date.now() - p.firstJoinAt, tags);
      if (!p.rejoins) return false;
      metrics.reentries.add(1, { actor, reason });
      p.token = null;
      p.ticket = null;
      let res = join('reentry');
      if (res.status === 401) {
        if (!sessionExpired()) return false;
        res = join('reentry');
      }
      return res.status === 200 && p.ticket !== null;
    }

    /** Takes the first ticket, logging in again if the session ran out before opening. */
    function firstJoin() {
      for (let attempt = 0; attempt < 3; attempt++) {
        const res = join('first');
        if (res.status === 200 && p.ticket) return 'ok';
        if (res.status === 401) {
          if (!sessionExpired()) return 'lost_place';
          continue;
        }
        return 'error';
      }
      return 'error';
    }

    /** Polls until admitted; returns null when admitted, else the outcome. */
    function waitInQueue(giveUpAt) {
      const sleepsAtPoll = Math.random() < b.sleepChance ? 1 + Math.floor(Math.random() * 3) : -1;
      let polls = 0;
      let pollNow = false; // right after logging in again, the page shows the place at once
      for (;;) {
        if (!pollNow) {
          if (Date.now() + b.pollIntervalMs >= giveUpAt) {
            pause(giveUpAt - Date.now());
            return 'gave_up';
          }
          pause(b.pollIntervalMs);
          polls += 1;
          if (polls === sleepsAtPoll) pause(Math.min(b.sleepMs, giveUpAt - Date.now()));
          if (Math.random() < b.refreshChance) join('extra');
        }
        pollNow = false;
        const res = send('poll', 'GET', `/api/queue/status?ticket=${encodeURIComponent(p.ticket)}`, null, '/api/queue/status');
        check(res, { 'queue tells the place': (r) => r.status === 200 || r.status === 401 || r.status === 410 });
        if (res.status === 200) {
          if (field(res, 'state') !== 'admitted') continue;
          p.token = field(res, 'admissionToken') || null;
          metrics.admitted.add(1, tags);
          metrics.queueWait.add(Date.now() - p.firstJoinAt, tags);
          return null;
        }
        const code = errorCode(res);
        if (res.status === 401) {
          if (!sessionExpired()) return 'lost_place';
          pollNow = true;
        } else if (res.status === 410 || res.status === 404) {
          const reason = code === 'ticket_invalidated' ? 'relogin_requeue' : 'ticket_expired';
          if (!lostPlace(reason)) return 'lost_place';
        } else {
          return 'error';
        }
      }
    }

    /** Product → cart → checkout; returns the outcome, or 'requeued' after losing the admission. */
    function shop() {
      const steps = [
        ['product', 'GET', '/api/product', null, 'product is shown'],
        ['cart', 'POST', '/api/cart', { quantity: b.quantity }, 'cart takes the units'],
        ['checkout', 'POST', '/api/checkout', { quantity: b.quantity, address: p.address }, 'checkout answers'],
      ];
      for (const [step, method, path, body, checkName] of steps) {
        pause(b.thinkMs);
        let res = send(step, method, path, body, null);
        if (res.status === 401) {
          if (!sessionExpired()) return 'lost_place';
          res = send(step, method, path, body, null);
        }
        check(res, { [checkName]: (r) => r.status === 200 || r.status === 409 });
        const code = errorCode(res);
        if (res.status === 403) {
          if (!p.reloggedIn) return 'error';
          return lostPlace('relogin_requeue') ? 'requeued' : 'lost_place';
        }
        if (res.status === 409) return code === 'sold_out' ? 'sold_out' : 'limit_reached';
        if (res.status !== 200) return 'error';
        if (step === 'product' && field(res, 'stockLeft') === 0) return 'sold_out';
        if (step === 'checkout') {
          metrics.unitsBought.add(field(res, 'quantity') || b.quantity, tags);
          return 'bought';
        }
      }
      return 'error';
    }

    if (!login()) return end('error');
    if (Date.now() < opensAt) pause(opensAt - Date.now() + Math.random() * Math.min(b.pollIntervalMs, 500));
    const first = firstJoin();
    if (first !== 'ok') return end(first);
    p.firstJoinAt = Date.now();
    if (Math.random() < b.secondTabChance) join('extra');
    const giveUpAt = Math.min(p.firstJoinAt + drawPatienceMs(plan.patience), closesAt);
    for (;;) {
      const waited = waitInQueue(giveUpAt);
      if (waited !== null) return end(waited);
      p.reloggedIn = false;
      const outcome = shop();
      if (outcome !== 'requeued') return end(outcome);
    }
  }

  return { probe, person };
}

/** The end-of-test text: outcomes per person and the main timings (run time and sale time). */
export function formatSummary(data, plan) {
  const m = data.metrics || {};
  const count = (name) => (m[name] && m[name].values && m[name].values.count) || 0;
  const value = (name, stat) => (m[name] && m[name].values ? m[name].values[stat] : undefined);
  const ms = (v) => (v === undefined ? '—' : `${Math.round(v)} ms`);
  const k = plan.timeScale;
  // with bots in the run, the people's lines count people only (bots have their own below)
  const people = (name, tags) => count(plan.bots ? `${name}{actor:person${tags ? `,${tags}` : ''}}` : `${name}${tags ? `{${tags}}` : ''}`);
  const lines = [
    '',
    `saleready — ${plan.scenario} (time scale k = ${k}; waits are shown in run time and ×${k} in sale time)`,
    `  people arrived          ${people('sr_arrivals')}`,
    `  admitted                ${people('sr_admitted')}`,
  ];
  for (const outcome of ['bought', 'sold_out', 'limit_reached', 'gave_up', 'lost_place', 'error']) {
    lines.push(`  ${outcome.padEnd(22)}  ${people('sr_outcome', `outcome:${outcome}`)}`);
  }
  lines.push(`  units bought            ${people('sr_units_bought')} of ${plan.stock}`);
  lines.push(`  re-entries              ${count('sr_reentries')}`);
  lines.push(`  session expiries        ${count('sr_session_expiries')}`);
  const wait = value('sr_queue_wait', 'p(95)');
  lines.push(`  queue wait p95          ${ms(wait)}${wait === undefined ? '' : ` (${(wait * k / 60000).toFixed(1)} min sale time)`}`);
  lines.push(`  request time p95        ${ms(value('http_req_duration', 'p(95)'))}`);
  const failedRate = value('http_req_failed', 'rate');
  lines.push(`  failed requests         ${failedRate === undefined ? '—' : `${(failedRate * 100).toFixed(2)}%`}`);
  if (plan.bots) {
    const bot = (name) => count(`${name}{actor:bot}`);
    lines.push(`  bots (${plan.bots.count} accounts in ${plan.bots.rings} rings, one address per ring)`);
    lines.push(`    arrived               ${bot('sr_arrivals')}`);
    lines.push(`    admitted              ${bot('sr_admitted')}`);
    for (const outcome of ['bought', 'sold_out', 'limit_reached', 'gave_up', 'lost_place', 'error']) {
      lines.push(`    ${outcome.padEnd(20)}  ${count(`sr_outcome{actor:bot,outcome:${outcome}}`)}`);
    }
    const units = bot('sr_units_bought');
    const sold = count('sr_units_bought');
    lines.push(`    units bought          ${units}${sold > 0 ? ` (${((units / sold) * 100).toFixed(1)}% of units sold)` : ''}`);
    for (const kind of ['no_token', 'forged_token', 'replayed_token']) {
      const refused = count(`sr_bypass_attempts{kind:${kind},result:refused}`);
      const through = count(`sr_bypass_attempts{kind:${kind},result:let_through}`);
      lines.push(`    skip queue: ${kind.padEnd(15)}refused ${refused}, let through ${through}`);
    }
  }
  const thresholds = Object.entries(m).flatMap(([name, metric]) =>
    Object.entries(metric.thresholds || {}).filter(([, t]) => !t.ok).map(([expr]) => `${name} ${expr}`));
  lines.push(thresholds.length === 0 ? '  thresholds              all met' : `  thresholds missed       ${thresholds.join('; ')}`);
  return `${lines.join('\n')}\n`;
}
