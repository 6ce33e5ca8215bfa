// The Kaplan–Meier estimate against the sale-day simulator, where every wait is known: with
// infinite patience everyone reaches their turn, so the true wait distribution is the whole
// sample. Leaving is then imposed independently of the wait (each person's patience drawn from
// a seeded exponential law), the situation the estimator assumes: KM over everyone must recover
// the true percentiles within its interval, while the waits of the admitted alone are too short.
import { describe, expect, it } from 'vitest';
import { simulateSale } from '../../harness/capacity/index.ts';
import { createMulberry32, kaplanMeier, kaplanMeierQuantile } from '../../harness/stats/index.ts';

/** Inverse empirical CDF (R type 1): the smallest x with F̂(x) ≥ p. */
function inverseEcdf(sorted: Float64Array, p: number): number {
  return sorted[Math.ceil(p * sorted.length) - 1]!;
}

const sale = simulateSale({
  people: 20_000,
  stock: Infinity,
  arrivals: { kind: 'crowd', earlyShare: 0.2, earlyMinutes: 10, burstShare: 0.6, burstMinutes: 5, tailMinutes: 30 },
  shop: { peoplePerMinute: 500, journeyMinutes: 2 },
  waitingRoom: { admissionRatePerMinute: 500, maxActiveUsers: Infinity },
  patience: { kind: 'infinite' },
  keepPersonWaits: true,
  seed: 11,
});
const waits = sale.personWaits!.waitMinutes;
const sorted = Float64Array.from(waits).sort();

describe('Kaplan–Meier against the simulator', () => {
  it('with nobody leaving, every wait ends with the person’s turn and KM gives the exact percentiles', () => {
    expect(waits.length).toBe(20_000);
    expect(sale.personWaits!.reachedTurn.every((turn) => turn === 1)).toBe(true);
    const curve = kaplanMeier(waits, sale.personWaits!.reachedTurn);
    for (const p of [0.5, 0.95, 0.99]) expect(kaplanMeierQuantile(curve, p).value).toBe(inverseEcdf(sorted, p));
    // the simulator's own type-7 p95 lies between neighbouring order statistics
    expect(Math.abs(kaplanMeierQuantile(curve, 0.95).value! - sale.waits.everyone.p95)).toBeLessThan(0.05);
  });

  it('with independent leaving (half the people), KM over everyone recovers the true p50 and p95 within its interval; admitted-only waits fall short', () => {
    const random = createMulberry32(2026);
    const observed = new Float64Array(waits.length);
    const admitted = new Uint8Array(waits.length);
    for (let i = 0; i < waits.length; i += 1) {
      const patience = -Math.log(1 - random()) * 20; // exponential, mean 20 min
      admitted[i] = waits[i]! <= patience ? 1 : 0;
      observed[i] = Math.min(waits[i]!, patience);
    }
    const left = admitted.length - admitted.reduce((sum, a) => sum + a, 0);
    expect(left).toBeGreaterThan(2_000);
    const curve = kaplanMeier(observed, admitted);
    const admittedOnly = Float64Array.from(observed.filter((_, i) => admitted[i] === 1)).sort();
    for (const p of [0.5, 0.95]) {
      const truth = inverseEcdf(sorted, p);
      const estimate = kaplanMeierQuantile(curve, p);
      expect(estimate.lower!, `p${p * 100} lower`).toBeLessThanOrEqual(truth);
      expect(estimate.upper!, `p${p * 100} upper`).toBeGreaterThanOrEqual(truth);
      expect(Math.abs(estimate.value! - truth) / truth).toBeLessThan(0.05);
      // the lucky ones' waits understate the wait: below the interval
      expect(inverseEcdf(admittedOnly, p)).toBeLessThan(estimate.lower!);
    }
  });
});
