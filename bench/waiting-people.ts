/**
 * Benchmark: how many waiting people the person engine holds per GB of generator memory.
 * Goal: ≥ 20,000 people waiting at once per GB of the Artillery process's resident memory.
 *
 * A sale where nobody gets through: people arrive at 1,000 a second, log in, join the queue
 * and poll their place every 10 s, each on their own keep-alive connection (one undici
 * Client per person, as in every run); the waiting room admits 1 a minute and patience,
 * tickets and sessions last an hour, so everyone who arrived is still waiting. Once the shop
 * has issued a ticket to every person, the bench samples the Artillery process's RSS (VmRSS
 * of /proc/<pid>/status, the process and any descendants, every 100 ms) for 3 s, takes the
 * highest value, and stops Artillery. It does this for a small and a large crowd, so it can
 * give both the whole-process figure (people ÷ RSS, Artillery's own ~300 MB included) and the
 * marginal cost of one more waiting person (ΔRSS ÷ Δpeople). The baseline of the same run is
 * Artillery with the small crowd.
 *
 *   npx tsx bench/waiting-people.ts [--small 9000] [--large 18000]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { compileTest, writeCompiledTest } from '../harness/engine/index.ts';
import { parseScenario, planRun } from '../harness/scenario/index.ts';
import { rssBytesOf, sleep, spawnArtillery, startShopChild, waitFor } from './engine-bench-kit.ts';

const { values } = parseArgs({
  options: { small: { type: 'string', default: '9000' }, large: { type: 'string', default: '18000' } },
});
const ARRIVALS_PER_SECOND = 1000;
const POLL_INTERVAL_S = 10;
const HOLD_MS = 3000;
const MB = 2 ** 20;

const SHOP = {
  admissionRatePerMinute: 1,
  ticketTtlMs: 3_600_000,
  sessionTtlMs: 3_600_000,
  stock: 1_000_000,
};

async function waitingRss(people: number): Promise<{ rssBytes: number; waiting: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'saleready-bench-waiting-'));
  const shop = await startShopChild(SHOP);
  try {
    const scenario = parseScenario({
      name: 'bench-waiting',
      sale: { stock: people, durationMinutes: 60 },
      crowd: {
        people,
        arrivals: {
          burst: { share: 1, durationMinutes: people / ARRIVALS_PER_SECOND / 60 },
          tail: { durationMinutes: 0 },
        },
        patience: { kind: 'fixed', minutes: 60 },
      },
      behaviour: { pollIntervalSeconds: POLL_INTERVAL_S, thinkSeconds: 0 },
    });
    const { testPath } = writeCompiledTest(compileTest(planRun(scenario, { targetUrl: shop.url })), dir);
    const artillery = await spawnArtillery(testPath, dir, shop.url);
    try {
      await waitFor(
        `${people} people waiting`,
        async () => (await shop.stats()).ticketsIssued >= people,
        60_000 + (people / ARRIVALS_PER_SECOND) * 3000,
      );
      let rssBytes = 0;
      for (const until = Date.now() + HOLD_MS; Date.now() < until; await sleep(100))
        rssBytes = Math.max(rssBytes, rssBytesOf(artillery.pid));
      const stats = await shop.stats();
      return { rssBytes, waiting: stats.queueLength };
    } finally {
      await artillery.stop();
    }
  } finally {
    shop.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const small = Number(values.small);
const large = Number(values.large);
console.log(
  `people arriving at ${ARRIVALS_PER_SECOND}/s, polling every ${POLL_INTERVAL_S} s, nobody admitted; RSS of the Artillery process once all wait`,
);
const atSmall = await waitingRss(small);
console.log(
  `${small} people: ${atSmall.waiting} waiting in the shop's queue, Artillery RSS ${(atSmall.rssBytes / MB).toFixed(0)} MB`,
);
const atLarge = await waitingRss(large);
console.log(
  `${large} people: ${atLarge.waiting} waiting in the shop's queue, Artillery RSS ${(atLarge.rssBytes / MB).toFixed(0)} MB`,
);
const perPersonBytes = (atLarge.rssBytes - atSmall.rssBytes) / (large - small);
const GB = 2 ** 30;
console.log(
  `people waiting per GB of Artillery RSS: ${((atLarge.waiting / atLarge.rssBytes) * GB).toFixed(0)} whole process at ${large} ` +
    `(goal ≥ 20000); marginal ${(perPersonBytes / 1024).toFixed(1)} KB per person = ${(GB / perPersonBytes).toFixed(0)} people per GB above Artillery's base`,
);
