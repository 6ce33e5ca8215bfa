/**
 * One step of a capacity run as a k6 script a person can read and rerun: N people in a
 * closed loop (constant VUs), each repeating the chosen journey steps with no think time,
 * so the shop holds about N requests in flight (the load N of the Universal Scalability Law).
 */

/** Journey steps a capacity run can repeat; each VU logs in (and is admitted) once first. */
export const CAPACITY_STEPS = ['login', 'join', 'poll', 'product', 'cart', 'checkout'] as const;
export type CapacityStep = (typeof CAPACITY_STEPS)[number];

export interface CapacityStepOptions {
  readonly load: number;
  readonly seconds: number;
  readonly journey: readonly CapacityStep[];
}

const REQUESTS: Record<CapacityStep, string> = {
  login: "send('login', 'POST', '/api/login', { userId: `cap-${__VU}-${exec.vu.iterationInInstance}` }, false)",
  join: "send('join', 'POST', '/api/queue/join', null, true)",
  poll: "send('poll', 'GET', `/api/queue/status?ticket=${state.ticket}`, null, true)",
  product: "send('product', 'GET', '/api/product', null, true)",
  cart: "send('cart', 'POST', '/api/cart', { quantity: 1 }, true)",
  checkout: "send('checkout', 'POST', '/api/checkout', { quantity: 1, address: `${__VU} Capacity Street` }, true)",
};

export function compileCapacityStep(options: CapacityStepOptions): string {
  const { load, seconds, journey } = options;
  return `// saleready — capacity step: ${load} people in a closed loop for ${seconds} s, each repeating ${journey.join(' → ')}.
// Rerun by hand: k6 run -e SALEREADY_TARGET_URL=http://127.0.0.1:PORT ${'<this file>'}
import http from 'k6/http';
import exec from 'k6/execution';
import { sleep } from 'k6';

const BASE = (__ENV.SALEREADY_TARGET_URL || '').replace(/\\/+$/, '');
const JSON_HEADERS = { 'Content-Type': 'application/json' };

export const options = {
  scenarios: {
    // ${load} people, each with one request in flight at a time: load N = ${load}
    step: { executor: 'constant-vus', vus: ${load}, duration: '${seconds}s', gracefulStop: '10s', tags: { load: '${load}' } },
  },
  // A sold-out 409 or an expired-ticket 410 is the shop answering, not failing.
  summaryTrendStats: ['avg', 'med', 'p(95)', 'p(99)', 'max', 'count'],
};
http.setResponseCallback(http.expectedStatuses({ min: 200, max: 399 }, 409, 410, 429));

let state = null;

function send(step, method, path, body, withIdentity) {
  const headers = Object.assign({ 'X-Actor': 'capacity' }, body === null ? {} : JSON_HEADERS);
  if (withIdentity && state) {
    headers['X-Session'] = state.session;
    if (state.token) headers['X-Admission-Token'] = state.token;
  }
  return http.request(method, BASE + path, body === null ? null : JSON.stringify(body), { headers, tags: { step, phase: 'measure' } });
}

// Once per person, untimed by the step: log in, join, and wait until admitted.
function enter() {
  const headers = Object.assign({ 'X-Actor': 'capacity' }, JSON_HEADERS);
  const tags = { step: 'setup', phase: 'setup' };
  const login = http.post(BASE + '/api/login', JSON.stringify({ userId: 'cap-' + __VU + '-' + Date.now() }), { headers, tags });
  if (login.status !== 200) exec.test.abort('capacity run: login failed with ' + login.status + ' ' + login.body);
  state = { session: login.json('sessionId'), ticket: null, token: null };
  const join = http.post(BASE + '/api/queue/join', null, { headers: { 'X-Session': state.session, 'X-Actor': 'capacity' }, tags });
  state.ticket = join.json('ticketId');
  for (let i = 0; i < 600 && !state.token; i++) {
    const status = http.get(BASE + '/api/queue/status?ticket=' + state.ticket, { headers: { 'X-Session': state.session, 'X-Actor': 'capacity' }, tags });
    if (status.status === 200 && status.json('state') === 'admitted') state.token = status.json('admissionToken');
    else sleep(0.1);
  }
}

export default function () {
  if (state === null) enter();
${journey.map((step) => `  ${REQUESTS[step]};`).join('\n')}
}
`;
}
