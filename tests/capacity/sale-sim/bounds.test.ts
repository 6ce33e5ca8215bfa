/**
 * The simulator always ends (issue 12, High 3): people who never give up must not circle the
 * queue for ever. Sold out is checked before a session expiry sends anyone back; every account
 * re-enters a bounded number of times; simulated time stops at a horizon. Each hostile case
 * runs in a child process with a time limit, so a regression fails the test instead of
 * hanging the suite.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulateSale } from '../../../harness/capacity/sale-sim/simulator.ts';
import type { SimulateSaleOptions } from '../../../harness/capacity/sale-sim/types.ts';

const simulator = join(import.meta.dirname, '..', '..', '..', 'harness', 'capacity', 'sale-sim', 'simulator.ts');

/** Runs simulateSale(options) in a child Node with a time limit; null when it did not end in time. */
function simulateWithin(options: SimulateSaleOptions, timeoutMs: number): ReturnType<typeof simulateSale> | null {
  const code = `import { simulateSale } from ${JSON.stringify(simulator)};
const options = JSON.parse(process.argv[1], (key, value) => (value === 'Infinity' ? Infinity : value));
process.stdout.write(JSON.stringify(simulateSale(options)));`;
  const encoded = JSON.stringify(options, (_, value) => (value === Infinity ? 'Infinity' : value));
  const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code, encoded], {
    timeout: timeoutMs,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  if (child.error || child.status !== 0) return null;
  return JSON.parse(child.stdout) as ReturnType<typeof simulateSale>;
}

/**
 * The 2021 failure in small: a queue far longer than a session (20,000 people at 200 a minute
 * take 100 min; sessions last 20), and logging in again sends people to the back. The first
 * few thousand get through and buy the stock; everyone behind them is logged out at their turn.
 */
function relogin(patience: SimulateSaleOptions['patience']): SimulateSaleOptions {
  return {
    people: 20_000,
    stock: 2_000,
    arrivals: { kind: 'crowd', earlyShare: 0, earlyMinutes: 0, burstShare: 0.6, burstMinutes: 5, tailMinutes: 60 },
    shop: { peoplePerMinute: 150, journeyMinutes: 3 },
    waitingRoom: { admissionRatePerMinute: 200, maxActiveUsers: Infinity },
    sessionTtlMinutes: 20,
    reloginRequeues: true,
    patience,
    seed: 7,
  };
}

describe('simulateSale ends on plans where people never give up', () => {
  it('infinite patience with reloginRequeues: ends in seconds, sells the stock, and nobody re-enters after it is gone', () => {
    const result = simulateWithin(relogin({ kind: 'infinite' }), 30_000);
    expect(result, 'the simulation did not end within 30 s').not.toBeNull();
    expect(result!.stockSold).toBe(2_000);
    // Everyone still queued once the stock is gone meets "sold out" at their turn, session or not.
    expect(result!.outcomes.human.sold_out).toBeGreaterThan(10_000);
    // Sold out ends every trip: no bound was needed.
    expect(result!.limits).toMatchObject({ reEntryCapped: 0, cutAtHorizon: 0 });
  });

  it('lognormal patience with σ 5 (a few people wait for centuries): ends in seconds', () => {
    const result = simulateWithin(relogin({ kind: 'lognormal', medianMinutes: 90, sigma: 5 }), 30_000);
    expect(result, 'the simulation did not end within 30 s').not.toBeNull();
    expect(result!.endMinutes).toBeLessThanOrEqual(result!.limits.horizonMinutes + 60);
  });

  it('bounds re-entries: an account sent to the back more than maxReEntries times gives up', () => {
    const options: SimulateSaleOptions = { ...relogin({ kind: 'infinite' }), stock: 1_000_000, maxReEntries: 3 };
    const result = simulateSale(options);
    expect(result.limits.maxReEntries).toBe(3);
    expect(result.limits.reEntryCapped).toBeGreaterThan(0);
    expect(result.reEntries.afterRelogin).toBeLessThanOrEqual(3 * result.accounts);
    expect(result.outcomes.human.gave_up).toBeGreaterThanOrEqual(result.limits.reEntryCapped);
  });

  it('bounds simulated time: people still waiting at the horizon are counted as given up there', () => {
    // 5,000 people with infinite patience and one admission a minute need 5,000 minutes; the horizon is 600.
    const result = simulateSale({
      people: 5_000,
      stock: 5_000,
      arrivals: { kind: 'crowd', earlyShare: 0, earlyMinutes: 0, burstShare: 1, burstMinutes: 0, tailMinutes: 0 },
      shop: { peoplePerMinute: 10, journeyMinutes: 1 },
      waitingRoom: { admissionRatePerMinute: 1, maxActiveUsers: Infinity },
      patience: { kind: 'infinite' },
      horizonMinutes: 600,
    });
    expect(result.limits.horizonMinutes).toBe(600);
    expect(result.stockSold).toBeGreaterThanOrEqual(595);
    expect(result.stockSold).toBeLessThanOrEqual(602);
    expect(result.limits.cutAtHorizon).toBe(5_000 - result.stockSold - result.outcomes.human.sold_out);
    expect(result.endMinutes).toBeLessThanOrEqual(610);
    expect(result.waits.everyone.max).toBeLessThanOrEqual(600);
  });

  it('stock above the crowd: no sold-out time, every patient person buys', () => {
    const result = simulateSale({
      people: 1_000,
      stock: 20_000,
      arrivals: { kind: 'crowd', earlyShare: 0.2, earlyMinutes: 10, burstShare: 0.6, burstMinutes: 5, tailMinutes: 30 },
      shop: { peoplePerMinute: 100, journeyMinutes: 2 },
      patience: { kind: 'infinite' },
    });
    expect(result.soldOutAtMinutes).toBeNull();
    expect(result.buyers).toBe(1_000);
  });
});
