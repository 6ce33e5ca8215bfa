'use strict';
// One person of a capacity step: N of them in a closed loop (each with one request in flight
// at a time) hold the shop at load N, the N of the Universal Scalability Law. Each logs in
// and is admitted once (tagged phase=setup), waits for the common start of the measurement,
// then repeats the chosen journey steps with no think time until it ends (phase=measure):
// so all N are in the loop for the whole measured window.
const { setTimeout: sleep } = require('node:timers/promises');

/** `io`: { connection, plan: { capacity: { journey, setupMs, measureMs } }, startedAtMs, index }. */
async function runCapacityPerson(io) {
  const { connection } = io;
  const { journey, setupMs, measureMs } = io.plan.capacity;
  const measureFrom = io.startedAtMs + setupMs;
  const endsAt = measureFrom + measureMs;
  const state = { session: null, ticket: null, token: null };
  const setup = { tags: { phase: 'setup' } };
  const userId = `cap-${io.index}-${Date.now()}`;

  const login = await connection.send('setup', 'POST', '/api/login', { body: { userId }, ...setup });
  if (login.status !== 200)
    return { actor: 'capacity', index: io.index, outcome: 'error', error: `login answered ${login.status}` };
  state.session = login.field('sessionId');
  const join = await connection.send('setup', 'POST', '/api/queue/join', { session: state.session, ...setup });
  state.ticket = join.field('ticketId');
  for (let i = 0; i < 600 && !state.token && Date.now() < measureFrom; i++) {
    const status = await connection.send(
      'setup',
      'GET',
      `/api/queue/status?ticket=${encodeURIComponent(state.ticket)}`,
      { session: state.session, ...setup },
    );
    if (status.status === 200 && status.field('state') === 'admitted') state.token = status.field('admissionToken');
    else await sleep(100);
  }

  const requests = {
    login: () => ({ method: 'POST', path: '/api/login', body: { userId: `${userId}-again` }, identity: false }),
    join: () => ({ method: 'POST', path: '/api/queue/join', identity: true }),
    poll: () => ({
      method: 'GET',
      path: `/api/queue/status?ticket=${encodeURIComponent(state.ticket)}`,
      identity: true,
    }),
    product: () => ({ method: 'GET', path: '/api/product', identity: true }),
    cart: () => ({ method: 'POST', path: '/api/cart', body: { quantity: 1 }, identity: true }),
    checkout: () => ({
      method: 'POST',
      path: '/api/checkout',
      body: { quantity: 1, address: `${io.index} Capacity Street` },
      identity: true,
    }),
  };
  if (!state.token)
    return { actor: 'capacity', index: io.index, outcome: 'error', error: 'not admitted before the measurement' };
  if (Date.now() < measureFrom) await sleep(measureFrom - Date.now());
  let journeys = 0;
  while (Date.now() < endsAt) {
    for (const step of journey) {
      const request = requests[step]();
      await connection.send(step, request.method, request.path, {
        body: request.body,
        session: request.identity ? state.session : null,
        token: request.identity ? state.token : null,
        name: request.path.split('?')[0],
        tags: { phase: 'measure' },
      });
    }
    journeys++;
  }
  return { actor: 'capacity', index: io.index, outcome: 'done', journeys };
}

module.exports = { runCapacityPerson };
