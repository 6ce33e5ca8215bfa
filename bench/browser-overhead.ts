/**
 * Benchmark: what real browsers cost the k6 load. The same k6 load (constant VUs logging in,
 * joining and polling the reference shop) runs with no browser and with 5 Chromium people
 * going through the shop at the same time, alternated; prints k6's request rate for each and
 * the ratio. Machines are noisy: compare the ratio, not the absolute rates.
 *
 *   npx tsx bench/browser-overhead.ts [--vus 20] [--seconds 10] [--rounds 2] [--browsers 5]
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { startShop } from '../fixtures/shop/index.ts';
import { runBrowsers } from '../harness/browser/index.ts';
import { requireK6 } from '../harness/k6/index.ts';

const execFileAsync = promisify(execFile);
const { values } = parseArgs({
  options: {
    vus: { type: 'string', default: '20' },
    seconds: { type: 'string', default: '10' },
    rounds: { type: 'string', default: '2' },
    browsers: { type: 'string', default: '5' },
  },
});
const seconds = Number(values.seconds);
const browsers = Number(values.browsers);
const dir = mkdtempSync(join(tmpdir(), 'saleready-bench-browsers-'));
const script = join(dir, 'load.js');
writeFileSync(
  script,
  `import http from 'k6/http';
import exec from 'k6/execution';
export const options = { vus: ${Number(values.vus)}, duration: '${seconds}s' };
export default function () {
  const base = __ENV.TARGET;
  const session = http.post(base + '/api/login', JSON.stringify({ userId: 'k-' + exec.scenario.iterationInTest }), { headers: { 'Content-Type': 'application/json' } }).json('sessionId');
  const headers = { 'X-Session': session };
  const ticket = http.post(base + '/api/queue/join', null, { headers }).json('ticketId');
  for (let i = 0; i < 10; i++) http.get(base + '/api/queue/status?ticket=' + ticket, { headers });
}
`,
);

const shop = await startShop({ admissionRatePerMinute: 600, maxActiveUsers: 100, stock: 1_000_000, perPersonLimit: 10 });
const k6 = await requireK6();

async function k6Rate(withBrowsers: boolean): Promise<number> {
  shop.reset();
  const summary = join(dir, `summary-${withBrowsers}.json`);
  // The browsers join first (as early arrivals), so they are admitted and buy while k6 loads the shop.
  const people = withBrowsers ? runBrowsers({ targetUrl: shop.url, people: browsers, runDir: dir, maxQueueMs: seconds * 1000, startDelayMs: 100 }) : Promise.resolve([]);
  await new Promise((resolve) => setTimeout(resolve, withBrowsers ? 1500 : 0));
  const load = execFileAsync(k6.path, ['run', '--quiet', '--summary-export', summary, '-e', `TARGET=${shop.url}`, script], { timeout: 120_000 });
  const [, journeys] = await Promise.all([load, people]);
  if (withBrowsers) console.log(`  browsers: ${journeys.map((journey) => journey.outcome).join(', ')}`);
  return (JSON.parse(readFileSync(summary, 'utf8')) as { metrics: { http_reqs: { rate: number } } }).metrics.http_reqs.rate;
}

const without: number[] = [];
const withB: number[] = [];
try {
  for (let round = 0; round < Number(values.rounds); round++) {
    without.push(await k6Rate(false));
    withB.push(await k6Rate(true));
  }
} finally {
  await shop.close();
}
const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
console.log(`k6 ${k6.version}, ${values.vus} VUs × ${seconds} s, ${values.rounds} rounds alternated, ${browsers} browsers`);
console.log(`k6 alone          ${without.map((r) => r.toFixed(0)).join(', ')} req/s (mean ${mean(without).toFixed(0)})`);
console.log(`k6 + ${browsers} browsers  ${withB.map((r) => r.toFixed(0)).join(', ')} req/s (mean ${mean(withB).toFixed(0)})`);
console.log(`ratio with/without: ${(mean(withB) / mean(without)).toFixed(2)}`);
