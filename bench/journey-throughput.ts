/**
 * Benchmark: the person engine's cost and speed against two baselines measured in the same
 * run, alternated, against the same reference shop on the same endpoints:
 *   (a) Artillery's built-in http engine, same journey: requests per generator CPU-second
 *       (goal: the person engine makes ≥ 5× as many);
 *   (b) autocannon, the raw ceiling of a Node load generator: requests per second (goal: the
 *       person engine reaches ≥ 0.6× autocannon's rate).
 *
 * The load: 50 people in a closed loop (saleready's capacity journey), each on its own
 * keep-alive connection with one request in flight: log in, join the queue and poll until
 * admitted once, then repeat login → join → poll → product → cart → checkout with no think
 * time. The person engine runs saleready's compiled capacity step (compileCapacityStep); the
 * http engine runs the same flow written by hand (capture, a `loop` with `whileTrue`, a
 * `think` between polls while waiting, then a `loop` of the six requests) with the same
 * headers and bodies; autocannon's 50 connections cycle through the same six requests as an
 * admitted buyer. The shop admits everyone at its next 50-ms tick, has stock and limits
 * nobody reaches, and no service-time timer (s0 = 0).
 *
 * Why a closed loop rather than a crowd of arrivals: Artillery's arrival phases time each
 * arrival with nanotimer, which busy-waits (setImmediate) whenever the next arrival is less
 * than 25 ms away, so during any arrival phase Artillery's worker uses most of a core whatever
 * the engine (`--arrival-cost` measures it). The closed loop's people all arrive within
 * 200 ms, so the measured window holds the engines' own work only.
 *
 * Method: the shop runs in a child process. Artillery is started as saleready starts it; once
 * the shop has seen the first request the bench waits 3.5 s (start-up, log-in and admission,
 * warm-up), then reads the Artillery process's CPU time (/proc/<pid>/stat utime + stime,
 * which covers the main thread, the worker thread and every other thread; descendants added)
 * and the shop's request count, again 5 s later, and stops Artillery. autocannon (in this
 * process) is measured the same way over 5 s after a 1-s warm-up, from the shop's count; its
 * CPU is this process's (process.cpuUsage: autocannon, and two stats requests of the bench).
 * Requests per CPU-second = requests in the window ÷ generator CPU seconds in it.
 *
 *   npx tsx bench/journey-throughput.ts [--people 50] [--rounds 2] [--arrival-cost]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CAPACITY_STEPS, compileCapacityStep } from '../harness/engine/index.ts';
import {
  cpuSecondsOf,
  median,
  sleep,
  spawnArtillery,
  startShopChild,
  waitFor,
  type ShopChild,
} from './engine-bench-kit.ts';

const { values } = parseArgs({
  options: {
    people: { type: 'string', default: '50' },
    rounds: { type: 'string', default: '2' },
    'arrival-cost': { type: 'boolean', default: false },
  },
});
const load = Number(values.people);
const rounds = Number(values.rounds);
const SETUP_AND_WARMUP_MS = 3500;
const WINDOW_MS = 5000;
const WINDOW_S = WINDOW_MS / 1000;

const SHOP = {
  admissionRatePerMinute: 6_000_000,
  maxActiveUsers: 1_000_000,
  stock: 2_000_000_000,
  perPersonLimit: 2_000_000_000,
  perAddressLimit: 2_000_000_000,
  sessionTtlMs: 3_600_000,
  admissionTtlMs: 3_600_000,
  service: { s0Ms: 0 },
};

type AutocannonRequest = { method: string; path: string; headers?: Record<string, string>; body?: string };
type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  requests: AutocannonRequest[];
}) => Promise<{
  requests: { total: number };
  non2xx: number;
  errors: number;
}>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

/** The person engine: saleready's compiled capacity step. */
function writePersonEngineTest(dir: string): string {
  const { test, plan } = compileCapacityStep({
    load,
    seconds: 60,
    journey: CAPACITY_STEPS,
    planFile: 'capacity-plan.json',
    recordsDir: 'records',
  });
  writeFileSync(join(dir, 'capacity-plan.json'), plan);
  writeFileSync(join(dir, 'person-engine.yml'), test);
  return join(dir, 'person-engine.yml');
}

/** The built-in http engine: the same people and requests, as a flow. */
function writeHttpEngineTest(dir: string): string {
  writeFileSync(
    join(dir, 'processor.cjs'),
    `let n = 0;
module.exports = {
  person(context, events, next) { context.vars.userId = 'h-' + n++ + '-' + Date.now(); next(); },
  notAdmitted(context, next) { next(context.vars.state !== 'admitted'); },
};
`,
  );
  const identity = '{ x-actor: capacity, x-session: "{{ session }}" }';
  const admitted = '{ x-actor: capacity, x-session: "{{ session }}", x-admission-token: "{{ token }}" }';
  const status = 'url: "/api/queue/status?ticket={{ ticket }}"';
  writeFileSync(
    join(dir, 'http-engine.yml'),
    `config:
  target: "http://127.0.0.1:8080"
  phases:
    - { duration: "200ms", arrivalCount: ${load} }
  processor: "./processor.cjs"
scenarios:
  - name: capacity
    beforeScenario: person
    flow:
      - post: { url: "/api/login", headers: { x-actor: capacity }, json: { userId: "{{ userId }}" }, capture: { json: "$.sessionId", as: session } }
      - post: { url: "/api/queue/join", headers: ${identity}, capture: { json: "$.ticketId", as: ticket } }
      - loop:
          - get: { ${status}, headers: ${identity}, capture: [{ json: "$.state", as: state }, { json: "$.admissionToken", as: token, strict: false }] }
          - think: 0.1
        whileTrue: notAdmitted
      - loop:
          - post: { url: "/api/login", headers: { x-actor: capacity }, json: { userId: "{{ userId }}-again" } }
          - post: { url: "/api/queue/join", headers: ${identity} }
          - get: { ${status}, headers: ${identity} }
          - get: { url: "/api/product", headers: ${admitted} }
          - post: { url: "/api/cart", headers: ${admitted}, json: { quantity: 1 } }
          - post: { url: "/api/checkout", headers: ${admitted}, json: { quantity: 1, address: "{{ userId }} Capacity Street" } }
        count: 1000000
`,
  );
  return join(dir, 'http-engine.yml');
}

/** An arrival phase and nothing else: people who arrive and leave at once (no request). */
function writeArrivalsOnlyTest(dir: string): string {
  writeFileSync(join(dir, 'noop.cjs'), 'module.exports = { noop(context, events, next) { next(); } };\n');
  writeFileSync(
    join(dir, 'arrivals-only.yml'),
    `config:
  target: "http://127.0.0.1:8080"
  phases:
    - { duration: 20, arrivalRate: 100 }
  processor: "./noop.cjs"
scenarios:
  - flow:
      - function: noop
`,
  );
  return join(dir, 'arrivals-only.yml');
}

interface Measurement {
  readonly requests: number;
  /** Generator CPU seconds in the window: Artillery's process, or this process for autocannon. */
  readonly cpuSeconds: number;
  readonly orders: number;
}

async function measureArtillery(shop: ShopChild, testPath: string, cwd: string): Promise<Measurement> {
  await shop.reset();
  const artillery = await spawnArtillery(testPath, cwd, shop.url);
  try {
    await waitFor('the first request', async () => (await shop.stats()).requestsTotal > 0);
    await sleep(SETUP_AND_WARMUP_MS);
    const before = await shop.stats();
    const cpuBefore = cpuSecondsOf(artillery.pid);
    await sleep(WINDOW_MS);
    const cpuAfter = cpuSecondsOf(artillery.pid);
    const after = await shop.stats();
    if (after.ordersTotal === before.ordersTotal) throw new Error(`no orders in the window:\n${artillery.output()}`);
    return {
      requests: after.requestsTotal - before.requestsTotal,
      cpuSeconds: cpuAfter - cpuBefore,
      orders: after.ordersTotal - before.ordersTotal,
    };
  } finally {
    await artillery.stop();
  }
}

/** Logs a buyer in and waits for admission; returns the headers of an admitted buyer and their ticket. */
async function admittedBuyer(url: string): Promise<{ headers: Record<string, string>; ticket: string }> {
  const post = (path: string, headers: Record<string, string>, body?: unknown) =>
    fetch(url + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body ?? {}),
    });
  const login = (await (await post('/api/login', {}, { userId: 'bench-buyer' })).json()) as { sessionId: string };
  const session = { 'x-actor': 'capacity', 'x-session': login.sessionId };
  const { ticketId } = (await (await post('/api/queue/join', session)).json()) as { ticketId: string };
  for (let i = 0; i < 100; i++) {
    const status = (await (await fetch(`${url}/api/queue/status?ticket=${ticketId}`, { headers: session })).json()) as {
      admissionToken?: string;
    };
    if (status.admissionToken)
      return { headers: { ...session, 'x-admission-token': status.admissionToken }, ticket: ticketId };
    await sleep(50);
  }
  throw new Error('the bench buyer was not admitted within 5 s');
}

async function measureAutocannon(shop: ShopChild): Promise<Measurement> {
  await shop.reset();
  const { headers, ticket } = await admittedBuyer(shop.url);
  const json = { 'content-type': 'application/json' };
  const session = { 'x-actor': headers['x-actor'] as string, 'x-session': headers['x-session'] as string };
  const requests: AutocannonRequest[] = [
    {
      method: 'POST',
      path: '/api/login',
      headers: { 'x-actor': 'capacity', ...json },
      body: JSON.stringify({ userId: 'bench-buyer-again' }),
    },
    { method: 'POST', path: '/api/queue/join', headers: session },
    { method: 'GET', path: `/api/queue/status?ticket=${ticket}`, headers: session },
    { method: 'GET', path: '/api/product', headers },
    { method: 'POST', path: '/api/cart', headers: { ...headers, ...json }, body: JSON.stringify({ quantity: 1 }) },
    {
      method: 'POST',
      path: '/api/checkout',
      headers: { ...headers, ...json },
      body: JSON.stringify({ quantity: 1, address: '1 Capacity Street' }),
    },
  ];
  const run = autocannon({ url: shop.url, connections: load, duration: WINDOW_S + 2, requests });
  await sleep(1000);
  const before = await shop.stats();
  const cpuBefore = process.cpuUsage();
  await sleep(WINDOW_MS);
  const cpu = process.cpuUsage(cpuBefore);
  const after = await shop.stats();
  const result = await run;
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`autocannon: ${result.non2xx} non-2xx answers, ${result.errors} errors; the comparison is void`);
  return {
    requests: after.requestsTotal - before.requestsTotal,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    orders: after.ordersTotal - before.ordersTotal,
  };
}

/** CPU of Artillery's process over 5 s of an arrival phase that brings 100 people a second who do nothing. */
async function measureArrivalCost(shop: ShopChild, testPath: string, cwd: string): Promise<number> {
  const artillery = await spawnArtillery(testPath, cwd, shop.url);
  try {
    await sleep(6000); // start-up
    const before = cpuSecondsOf(artillery.pid);
    await sleep(WINDOW_MS);
    return (cpuSecondsOf(artillery.pid) - before) / WINDOW_S;
  } finally {
    await artillery.stop();
  }
}

const dir = mkdtempSync(join(tmpdir(), 'saleready-bench-journey-'));
const shop = await startShopChild(SHOP);
const results: Record<'person' | 'http' | 'autocannon', Measurement[]> = { person: [], http: [], autocannon: [] };
const perCpu = (m: Measurement): number => m.requests / m.cpuSeconds;
try {
  if (values['arrival-cost']) {
    const cores = await measureArrivalCost(shop, writeArrivalsOnlyTest(dir), dir);
    console.log(
      `Artillery during an arrival phase of 100 people/s who send nothing: ${cores.toFixed(2)} CPU-seconds per second`,
    );
  }
  const tests = { person: writePersonEngineTest(dir), http: writeHttpEngineTest(dir) };
  console.log(
    `${load} people in a closed loop: login → join → poll → product → cart → checkout; ` +
      `${WINDOW_S} s windows; ${rounds} rounds of person engine, http engine, autocannon`,
  );
  for (let round = 1; round <= rounds; round++) {
    for (const generator of ['person', 'http', 'autocannon'] as const) {
      const m =
        generator === 'autocannon'
          ? await measureAutocannon(shop)
          : await measureArtillery(shop, tests[generator], dir);
      results[generator].push(m);
      console.log(
        `round ${round} ${generator.padEnd(10)} ${(m.requests / WINDOW_S).toFixed(0).padStart(6)} req/s ${(m.orders / WINDOW_S).toFixed(0).padStart(5)} orders/s` +
          `  CPU ${m.cpuSeconds.toFixed(2)} s  ${perCpu(m).toFixed(0).padStart(6)} req per CPU-s (${((m.cpuSeconds * 1e6) / m.requests).toFixed(0)} µs/request)`,
      );
    }
  }
} finally {
  shop.close();
  rmSync(dir, { recursive: true, force: true });
}
const personCpu = median(results.person.map(perCpu));
const httpCpu = median(results.http.map(perCpu));
const rate = (ms: Measurement[]): number => median(ms.map((m) => m.requests / WINDOW_S));
console.log(
  `(a) requests per generator CPU-second (median of rounds): person engine ${personCpu.toFixed(0)} · http engine ${httpCpu.toFixed(0)} · ` +
    `ratio ${(personCpu / httpCpu).toFixed(1)}× (goal ≥ 5×)`,
);
console.log(
  `(b) requests per second (median of rounds): person engine ${rate(results.person).toFixed(0)} · autocannon ${rate(results.autocannon).toFixed(0)} · ` +
    `ratio ${(rate(results.person) / rate(results.autocannon)).toFixed(2)} (goal ≥ 0.6); ` +
    `generator CPU per request ${(1e6 / personCpu).toFixed(0)} µs vs ${(1e6 / median(results.autocannon.map(perCpu))).toFixed(0)} µs`,
);
