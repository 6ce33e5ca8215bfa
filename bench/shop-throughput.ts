/**
 * Reference shop throughput: requests/s of the shop's checkout path (logged in, admitted,
 * huge stock and limits, POST /api/checkout, service.s0Ms = 0) against a bare node:http
 * server answering the same JSON, with the same load (autocannon, same connections and
 * duration), alternated: bare, shop, bare, shop. Goal: shop / bare ≥ 0.5.
 *
 * Each server runs in its own child process (this file, forked with `--serve shop|bare`), so
 * the load generator in this process does not share an event loop with the server measured.
 * Besides requests/s, the server process's CPU time per request (process.cpuUsage, user +
 * system) is reported: on a machine shared with other work it varies much less than
 * requests/s, which also depend on how much CPU the load generator got.
 *
 *   npx tsx bench/shop-throughput.ts [--connections 50] [--duration 5] [--rounds 2]
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startShop } from '../harness/shop/index.ts';

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}
type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  method: 'POST';
  headers: Record<string, string>;
  body: string;
}) => Promise<AutocannonResult>;

const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const ORDER_BODY = JSON.stringify({ quantity: 1, address: '1 Bench-ro, Seoul' });
const ORDER_ANSWER = JSON.stringify({ orderId: 'o-1', quantity: 1 });

type ServerKind = 'shop' | 'bare';

/** Child process: start one server on 127.0.0.1 and report its URL to the parent. */
async function serve(kind: ServerKind): Promise<void> {
  let url: string;
  if (kind === 'shop') {
    const shop = await startShop({
      stock: 2_000_000_000,
      perPersonLimit: 2_000_000_000,
      perAddressLimit: 2_000_000_000,
      admissionRatePerMinute: 60_000,
      service: { s0Ms: 0 },
    });
    url = shop.url;
  } else {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        JSON.parse(Buffer.concat(chunks).toString('utf8'));
        res.writeHead(200, {
          'content-type': 'application/json; charset=utf-8',
          'content-length': Buffer.byteLength(ORDER_ANSWER),
          'cache-control': 'no-store',
        });
        res.end(ORDER_ANSWER);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }
  process.on('message', () => process.send?.({ cpu: process.cpuUsage() }));
  process.send?.({ url });
}

/** The child's CPU time so far, µs (user + system). */
function childCpuMicros(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    child.once('message', (message: { cpu: NodeJS.CpuUsage }) => resolve(message.cpu.user + message.cpu.system));
    child.send('cpu');
  });
}

async function startChild(kind: ServerKind): Promise<{ child: ChildProcess; url: string }> {
  const child = fork(fileURLToPath(import.meta.url), ['--serve', kind], { execArgv: ['--import', 'tsx'] });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${kind} server did not start within 30 s`)), 30_000);
    child.once('message', (message: { url: string }) => {
      clearTimeout(timer);
      resolve(message.url);
    });
    child.once('exit', (code) => reject(new Error(`${kind} server exited with ${code}`)));
  });
  return { child, url };
}

/** Logs a person in and waits (≤ 10 s) for admission; returns the headers of an admitted buyer. */
async function admittedBuyer(url: string): Promise<Record<string, string>> {
  const post = (path: string, headers: Record<string, string>, body?: unknown) =>
    fetch(url + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body ?? {}),
    });
  const login = (await (await post('/api/login', {}, { userId: 'bench-buyer' })).json()) as { sessionId: string };
  const session = { 'x-session': login.sessionId };
  const joined = (await (await post('/api/queue/join', session)).json()) as { ticketId: string };
  const deadline = performance.now() + 10_000;
  while (performance.now() < deadline) {
    const res = await fetch(`${url}/api/queue/status?ticket=${joined.ticketId}`, { headers: session });
    const status = (await res.json()) as { admissionToken?: string };
    if (status.admissionToken) return { ...session, 'x-admission-token': status.admissionToken };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the bench buyer was not admitted within 10 s');
}

interface Measurement {
  result: AutocannonResult;
  /** Server CPU time per answered request, µs. */
  cpuMicrosPerRequest: number;
}

async function measure(kind: ServerKind, connections: number, durationS: number): Promise<Measurement> {
  const { child, url } = await startChild(kind);
  try {
    const headers = { 'content-type': 'application/json', ...(kind === 'shop' ? await admittedBuyer(url) : {}) };
    const cpuBefore = await childCpuMicros(child);
    const result = await autocannon({
      url: `${url}/api/checkout`,
      connections,
      duration: durationS,
      method: 'POST',
      headers,
      body: ORDER_BODY,
    });
    if (result.non2xx > 0 || result.errors > 0) {
      throw new Error(`${kind}: ${result.non2xx} non-2xx answers and ${result.errors} errors; the comparison is void`);
    }
    const cpuAfter = await childCpuMicros(child);
    return { result, cpuMicrosPerRequest: (cpuAfter - cpuBefore) / result.requests.total };
  } finally {
    child.kill();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      serve: { type: 'string' },
      connections: { type: 'string', default: '50' },
      duration: { type: 'string', default: '5' },
      rounds: { type: 'string', default: '2' },
    },
  });
  if (values.serve === 'shop' || values.serve === 'bare') return serve(values.serve);

  const connections = Number(values.connections);
  const durationS = Number(values.duration);
  const rounds = Number(values.rounds);
  const rates: Record<ServerKind, number[]> = { bare: [], shop: [] };
  const cpu: Record<ServerKind, number[]> = { bare: [], shop: [] };
  console.log(
    `POST /api/checkout, ${connections} connections, ${durationS} s per run, ${rounds} rounds (bare, shop alternated)`,
  );
  for (let round = 1; round <= rounds; round += 1) {
    for (const kind of ['bare', 'shop'] as const) {
      const { result, cpuMicrosPerRequest } = await measure(kind, connections, durationS);
      rates[kind].push(result.requests.average);
      cpu[kind].push(cpuMicrosPerRequest);
      console.log(
        `round ${round} ${kind.padEnd(4)} ${result.requests.average.toFixed(0).padStart(7)} req/s` +
          `  p50 ${result.latency.p50} ms  p99 ${result.latency.p99} ms` +
          `  server CPU ${cpuMicrosPerRequest.toFixed(1)} µs/request  (${result.requests.total} requests)`,
      );
    }
  }
  const mean = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  const bare = mean(rates.bare);
  const shop = mean(rates.shop);
  console.log(
    `requests/s: bare node:http ${bare.toFixed(0)} · shop checkout ${shop.toFixed(0)} · ratio ${(shop / bare).toFixed(2)} (goal ≥ 0.50)`,
  );
  const bareCpu = mean(cpu.bare);
  const shopCpu = mean(cpu.shop);
  console.log(
    `server CPU per request: bare ${bareCpu.toFixed(1)} µs · shop ${shopCpu.toFixed(1)} µs · ` +
      `CPU-bound ratio bare/shop ${(bareCpu / shopCpu).toFixed(2)}`,
  );
}

await main();
