// The simulated sale over time against the fluid model (REFERENCES.md, Newell): N people all at
// the opening, admitted at μ per minute, nobody leaving — N − μt wait at minute t, and the people
// let in during minute t had waited about t + ½ min.
import { describe, expect, it } from 'vitest';
import { combineTimelines, simulateSale } from '../../../harness/capacity/index.ts';

const flash = simulateSale({
  people: 1_000,
  stock: Infinity,
  arrivals: { kind: 'crowd', earlyShare: 0, earlyMinutes: 0, burstShare: 1, burstMinutes: 0, tailMinutes: 0 },
  shop: { peoplePerMinute: 1_000, journeyMinutes: 0.1, journey: 'fixed' },
  waitingRoom: { admissionRatePerMinute: 100, maxActiveUsers: Infinity },
  patience: { kind: 'infinite' },
  seed: 1,
});

describe('the sale timeline', () => {
  it('follows N − μt people waiting and t + ½ min waits for people let in at minute t (±1 person, ±2%)', () => {
    const { bucketMinutes, points } = flash.timeline;
    expect(bucketMinutes).toBeLessThanOrEqual(1);
    for (const minute of [1, 3, 5, 8]) {
      const point = points.find((p) => Math.abs(p.minute - minute) < 1e-9)!;
      expect(Math.abs(point.waiting - (1_000 - 100 * minute))).toBeLessThanOrEqual(1);
    }
    const admitted = points.reduce((sum, point) => sum + point.admitted, 0);
    expect(admitted).toBe(1_000);
    const atFive = points.filter((p) => p.minute >= 5 && p.minute < 6 && p.meanWaitMinutes !== null);
    const wait =
      atFive.reduce((sum, p) => sum + p.meanWaitMinutes! * p.admitted, 0) /
      atFive.reduce((sum, p) => sum + p.admitted, 0);
    expect(Math.abs(wait / 5.5 - 1)).toBeLessThan(0.02);
    expect(Math.max(...points.map((p) => p.maxWaitMinutes ?? 0))).toBeCloseTo(flash.waits.everyone.max, 9);
  });

  it('lays rounds end to end: a second round 20 minutes later adds its own queue there', () => {
    const both = combineTimelines([
      { timeline: flash.timeline, offsetMinutes: 0 },
      { timeline: flash.timeline, offsetMinutes: 20 },
    ]);
    const at = (minute: number) => both.points.find((p) => Math.abs(p.minute - minute) < 1e-9)!;
    expect(Math.abs(at(3).waiting - 700)).toBeLessThanOrEqual(1);
    expect(at(15).waiting).toBe(0);
    expect(Math.abs(at(23).waiting - 700)).toBeLessThanOrEqual(1);
    expect(both.points.reduce((sum, p) => sum + p.admitted, 0)).toBe(2_000);
  });
});
