/**
 * Benchmark: the generated journey library against a minimal hand-written k6 script that
 * sends the same requests (login, join, poll, product, cart, checkout) to the same shop,
 * same VUs, same duration, in the same run, alternated. Prints requests/s and the ratio
 * (goal: the journey reaches ≥ 80% of the minimal script's rate).
 *
 *   npx tsx bench/journey-throughput.ts [--vus 20] [--seconds 8] [--rounds 2]
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { startShop } from '../fixtures/shop/index.ts';
import { requireK6 } from '../harness/k6/index.ts';
import { parseScenario, planRun } from '../harness/scenario/index.ts';

const execFileAsync = promisify(execFile);
const { values } = parseArgs({ options: { vus: { type: 'string', default: '20' }, seconds: { type: 'string', default: '8' }, rounds: { type: 'string', default: '2' } } });
const vus = Number(values.vus);
const seconds = Number(values.seconds);
const rounds = Number(values.rounds);

const dir = mkdtempSync(join(tmpdir(), 'saleready-bench-journey-'));
copyFileSync(new URL('../harness/k6/runtime/journey.js', import.meta.url), join(dir, 'journey.js'));

// A plan whose people never wait: the sale is open from the start, admission is instant,
// no think time, polls back to back. What is left is the library's cost per request.
const scenario = parseScenario({
  name: 'bench',
  sale: { stock: 1_000_000_000, perPersonLimit: 1 },
  crowd: { people: 1_000_000, arrivals: { early: { share: 0, windowMinutes: 0 }, burst: { share: 1, durationMinutes: 1 }, tail: { durationMinutes: 0 } }, patience: { kind: 'fixed', minutes: 600 } },
  behaviour: { pollIntervalSeconds: 0.001, thinkSeconds: 0 },
});
const base = planRun(scenario);
const plan = { ...base, opensAtMs: 0, saleClosesAtMs: 3_600_000, behaviour: { ...base.behaviour, pollIntervalMs: 0, thinkMs: 0 } };

const options = `export const options = { scenarios: { people: { executor: 'constant-vus', vus: ${vus}, duration: '${seconds}s', exec: 'person' } }, summaryTrendStats: ['avg', 'p(95)'] };`;

writeFileSync(
  join(dir, 'journey-bench.js'),
  `import http from 'k6/http';
import exec from 'k6/execution';
import { Counter, Trend } from 'k6/metrics';
import { EXPECTED_STATUSES, createJourney, createMetrics } from './journey.js';
const PLAN = ${JSON.stringify(plan)};
${options}
const metrics = createMetrics(Counter, Trend);
http.setResponseCallback(http.expectedStatuses(...EXPECTED_STATUSES));
const journey = createJourney(PLAN, __ENV.TARGET, metrics);
export function person() { journey.person(exec.scenario.iterationInTest); }
`,
);

writeFileSync(
  join(dir, 'minimal-bench.js'),
  `import http from 'k6/http';
import exec from 'k6/execution';
${options}
const JSON_HEADERS = { 'Content-Type': 'application/json' };
export function person() {
  const base = __ENV.TARGET;
  const id = 'm-' + exec.scenario.iterationInTest;
  const session = http.post(base + '/api/login', JSON.stringify({ userId: id }), { headers: JSON_HEADERS }).json('sessionId');
  const auth = { 'X-Session': session };
  const ticket = http.post(base + '/api/queue/join', null, { headers: auth }).json('ticketId');
  const token = http.get(base + '/api/queue/status?ticket=' + ticket, { headers: auth }).json('admissionToken');
  const both = Object.assign({ 'X-Admission-Token': token }, auth, JSON_HEADERS);
  http.get(base + '/api/product', { headers: both });
  http.post(base + '/api/cart', JSON.stringify({ quantity: 1 }), { headers: both });
  http.post(base + '/api/checkout', JSON.stringify({ quantity: 1, address: id + ' Street' }), { headers: both });
}
`,
);

const shop = await startShop({
  admissionRatePerMinute: 1_000_000,
  maxActiveUsers: 1_000_000,
  stock: 1_000_000_000,
  perPersonLimit: 1000,
  defences: { requireAdmissionToken: true, bindTokenToSession: true, perAddressLimit: false, ticketCap: true },
});
const k6 = await requireK6();

async function requestsPerSecond(script: string): Promise<number> {
  const summary = join(dir, `${script}.summary.json`);
  await execFileAsync(k6.path, ['run', '--quiet', '--no-color', '--summary-export', summary, '-e', `TARGET=${shop.url}`, join(dir, script)], { timeout: 120_000 });
  const metrics = (JSON.parse(readFileSync(summary, 'utf8')) as { metrics: Record<string, { rate?: number }> }).metrics;
  return metrics.http_reqs?.rate ?? 0;
}

const journeyRates: number[] = [];
const minimalRates: number[] = [];
try {
  for (let round = 0; round < rounds; round++) {
    await shop.reset();
    minimalRates.push(await requestsPerSecond('minimal-bench.js'));
    await shop.reset();
    journeyRates.push(await requestsPerSecond('journey-bench.js'));
  }
} finally {
  await shop.close();
}
const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
console.log(`k6 ${k6.version}, ${vus} VUs × ${seconds} s, ${rounds} rounds alternated`);
console.log(`minimal script   ${minimalRates.map((r) => r.toFixed(0)).join(', ')} req/s  (mean ${mean(minimalRates).toFixed(0)})`);
console.log(`journey library  ${journeyRates.map((r) => r.toFixed(0)).join(', ')} req/s  (mean ${mean(journeyRates).toFixed(0)})`);
console.log(`ratio journey/minimal: ${(mean(journeyRates) / mean(minimalRates)).toFixed(2)} (goal ≥ 0.80)`);
