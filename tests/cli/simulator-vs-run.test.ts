// The sale-day simulator against reality: a sale run for real on Artillery with saleready's person
// engine against the reference shop, and the simulator given the same plan and the shop's
// measured capacity, must agree on the p50 and p95 queue wait and the sell-out time within ±15%.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulateSale, type CapacityProfile } from '../../harness/capacity/index.ts';
import type { RunSummary } from '../../harness/report/index.ts';
import { startShop, type RunningShop } from '../../harness/shop/index.ts';
import { runCli } from '../helpers/run-cli.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const work = useTempDir('sim-vs-run');

// The plan, in sale time = run time (k = 1): 600 people rush in within 6 s of the opening for
// 300 units; the waiting room admits 1,200 a minute; each person thinks 0.3 s before each of
// product, cart and checkout (a 0.9 s journey) and polls every 0.25 s.
const PEOPLE = 600;
const STOCK = 300;
const ADMISSION_PER_MINUTE = 1200;
const BURST_MINUTES = 0.1;
const THINK_SECONDS = 0.3;

describe('the simulator predicts a real run', () => {
  let shop: RunningShop;
  let profile: CapacityProfile;
  let summary: RunSummary;

  beforeAll(async () => {
    // The shop's capacity, measured the way a planner would: closed-loop steps of the purchase journey.
    shop = await startShop({
      admissionRatePerMinute: 1_000_000,
      maxActiveUsers: 1_000_000,
      stock: 1_000_000_000,
      perPersonLimit: 1_000_000_000,
    });
    const capacity = await runCli(
      ['capacity', '--target', shop.url, '--loads', '1,4,16', '--step-seconds', '3', '--out', join(work, 'capacity')],
      { timeoutMs: 120_000 },
    );
    expect(capacity.code, capacity.stderr).toBe(0);
    const profilePath = /profile: (.+capacity-profile\.json)/.exec(capacity.stdout)![1]!;
    profile = JSON.parse(readFileSync(profilePath, 'utf8')) as CapacityProfile;

    const scenario = join(work, 'sale.yaml');
    writeFileSync(
      scenario,
      `name: sim-check
target:
  shop: { admissionRatePerMinute: ${ADMISSION_PER_MINUTE}, maxActiveUsers: 100000 }
sale: { stock: ${STOCK}, perPersonLimit: 1, durationMinutes: 1.5 }
crowd:
  people: ${PEOPLE}
  arrivals:
    early: { share: 0, windowMinutes: 0 }
    burst: { share: 1, durationMinutes: ${BURST_MINUTES} }
    tail: { durationMinutes: 0 }
  patience: { kind: fixed, minutes: 60 }
behaviour: { pollIntervalSeconds: 0.25, thinkSeconds: ${THINK_SECONDS} }
timeScale: 1
targets: { oversold: 0 }
`,
    );
    const out = join(work, 'run');
    const run = await runCli(['run', scenario, '--out', out], { timeoutMs: 180_000 });
    expect(run.code, run.stderr).toBe(0);
    summary = JSON.parse(readFileSync(join(out, readdirSync(out)[0]!, 'summary.json'), 'utf8')) as RunSummary;
  }, 300_000);

  afterAll(async () => {
    await shop?.close();
  });

  it('agrees on the p50 and p95 queue wait and the sell-out time within ±15%', () => {
    const simulated = simulateSale({
      people: PEOPLE,
      stock: STOCK,
      arrivals: {
        kind: 'crowd',
        earlyShare: 0,
        earlyMinutes: 0,
        burstShare: 1,
        burstMinutes: BURST_MINUTES,
        tailMinutes: 0,
      },
      shop: { peoplePerMinute: profile.peoplePerMinute!, journeyMinutes: (3 * THINK_SECONDS) / 60, journey: 'fixed' },
      waitingRoom: { admissionRatePerMinute: ADMISSION_PER_MINUTE, maxActiveUsers: 100_000 },
      patience: { kind: 'infinite' },
      seed: 1,
    });
    const measured = summary.queueWait.runTime;
    // Everyone queued and was let in (patience of an hour), and the stock sold out.
    expect(measured.count).toBe(PEOPLE);
    expect(summary.stock.unitsSold).toBe(STOCK);
    const within15 = (predicted: number, actual: number): void => {
      expect(
        Math.abs(predicted - actual) / actual,
        `predicted ${predicted.toFixed(0)} ms, measured ${actual.toFixed(0)} ms`,
      ).toBeLessThan(0.15);
    };
    within15(simulated.waits.everyone.p50 * 60_000, measured.p50!);
    within15(simulated.waits.everyone.p95 * 60_000, measured.p95!);
    const shopStats = summary.shop!;
    const soldOutMs = shopStats.soldOutAtMs! - shopStats.firstLoginAtMs!;
    // the shop stamps sold out at the last checkout: the simulator's lastCheckoutAtMinutes
    within15(simulated.lastCheckoutAtMinutes! * 60_000, soldOutMs);
    // The shop is far from its capacity here: the waiting room sets the pace.
    expect(profile.peoplePerMinute!).toBeGreaterThan(ADMISSION_PER_MINUTE * 5);
  });
});
