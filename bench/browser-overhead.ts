/**
 * Benchmark: what real browsers cost the load. The same autocannon load (a separate process,
 * 50 connections polling one queued person's place at the reference shop) runs with no browser
 * and with N Chromium people beside it (their own Artillery process, as in a run: browsers.yml
 * with Artillery's Playwright engine), alternated; prints the shop's request rate under the
 * load in each case and the ratio, and the browsers' journey times. The load starts when the
 * first browser person arrives. Machines are noisy: compare the ratio, not the absolute rates.
 *
 *   npx tsx bench/browser-overhead.ts [--connections 50] [--seconds 10] [--rounds 2] [--browsers 5]
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { startShop } from '../harness/shop/index.ts';
import { BROWSER_RESULTS_FILE, runBrowsers, type BrowserJourneyResult } from '../harness/browser/index.ts';

const execFileAsync = promisify(execFile);
const { values } = parseArgs({
  options: {
    connections: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '10' },
    rounds: { type: 'string', default: '2' },
    browsers: { type: 'string', default: '5' },
  },
});
const seconds = Number(values.seconds);
const browsers = Number(values.browsers);
const autocannonCli = join(import.meta.dirname, '..', 'node_modules', 'autocannon', 'autocannon.js');

const shop = await startShop({
  admissionRatePerMinute: 600,
  maxActiveUsers: 100,
  stock: 1_000_000,
  perPersonLimit: 10,
});

/** One queued person for the load to poll: a session and a ticket. */
async function queuedPerson(): Promise<{ session: string; ticket: string }> {
  const login = (await (
    await fetch(`${shop.url}/api/login`, { method: 'POST', body: JSON.stringify({ userId: 'load-1' }) })
  ).json()) as { sessionId: string };
  const join = (await (
    await fetch(`${shop.url}/api/queue/join`, { method: 'POST', headers: { 'X-Session': login.sessionId } })
  ).json()) as { ticketId: string };
  return { session: login.sessionId, ticket: join.ticketId };
}

async function waitForFile(path: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!existsSync(path) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
}

async function loadRate(withBrowsers: boolean): Promise<{ rate: number; journeys: BrowserJourneyResult[] }> {
  shop.reset();
  const person = await queuedPerson();
  const runDir = mkdtempSync(join(tmpdir(), 'saleready-bench-browsers-'));
  const people = withBrowsers
    ? runBrowsers({ targetUrl: shop.url, people: browsers, runDir, maxQueueMs: seconds * 1000 })
    : Promise.resolve([]);
  // The load starts when the first person arrives (Artillery and Chromium take a few seconds to start).
  if (withBrowsers) await waitForFile(join(runDir, BROWSER_RESULTS_FILE), 60_000);
  const url = `${shop.url}/api/queue/status?ticket=${person.ticket}`;
  const load = execFileAsync(
    process.execPath,
    [
      autocannonCli,
      '--json',
      '-c',
      values.connections,
      '-d',
      String(seconds),
      '-H',
      `X-Session=${person.session}`,
      url,
    ],
    {
      timeout: (seconds + 60) * 1000,
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  const [{ stdout }, journeys] = await Promise.all([load, people]);
  return { rate: (JSON.parse(stdout) as { requests: { average: number } }).requests.average, journeys };
}

const without: number[] = [];
const withB: number[] = [];
const journeyMs: number[] = [];
try {
  for (let round = 0; round < Number(values.rounds); round++) {
    without.push((await loadRate(false)).rate);
    const run = await loadRate(true);
    withB.push(run.rate);
    console.log(
      `  browsers: ${run.journeys.map((journey) => `${journey.outcome} in ${journey.confirmationMs ?? '–'} ms`).join(', ')}`,
    );
    for (const journey of run.journeys) if (journey.confirmationMs !== null) journeyMs.push(journey.confirmationMs);
  }
} finally {
  await shop.close();
}
const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
console.log(
  `autocannon ${values.connections} connections × ${seconds} s, ${values.rounds} rounds alternated, ${browsers} browsers (Artillery + Playwright engine)`,
);
console.log(
  `load alone          ${without.map((r) => r.toFixed(0)).join(', ')} req/s (mean ${mean(without).toFixed(0)})`,
);
console.log(
  `load + ${browsers} browsers  ${withB.map((r) => r.toFixed(0)).join(', ')} req/s (mean ${mean(withB).toFixed(0)})`,
);
console.log(`ratio with/without: ${(mean(withB) / mean(without)).toFixed(2)}`);
if (journeyMs.length > 0)
  console.log(
    `browser journey to the order confirmation: mean ${mean(journeyMs).toFixed(0)} ms (${journeyMs.length} people)`,
  );
