import { describe, expect, it } from 'vitest';
import { planRounds, roundsForMaxWait } from '../../harness/capacity/index.ts';
import { UsageError } from '../../harness/errors.ts';

// REFERENCES.md, "Flash crowds and rounds": R equal rounds over W_r each, max wait per round
// max(0, N/(Rμ) − W_r); fewest rounds for a max wait T: R = ⌈N/(μ(T + W_r))⌉. Closed forms.

// 300,000 people drained at 30 per second: one round keeps the last waiting 10,000 s.
const PEOPLE = 300_000;
const MU = 30;

describe('planRounds', () => {
  it('one round of 300,000 at 30/s: last waits N/μ = 10,000 s (2 h 46 min 40 s), mean 5,000 s', () => {
    const plan = planRounds(PEOPLE, MU, 1);
    expect(plan.maxWaitPerRound).toBeCloseTo(10_000, 9);
    expect(plan.meanWaitPerRound).toBeCloseTo(5_000, 9);
    expect(plan.peakQueuePerRound).toBe(PEOPLE);
  });

  it('4 rounds over 10-minute windows: N/(Rμ) − W_r = 2500 − 600 = 1900 s each', () => {
    const plan = planRounds(PEOPLE, MU, 4, 600);
    expect(plan.peoplePerRound).toBe(75_000);
    expect(plan.maxWaitPerRound).toBeCloseTo(1900, 9);
    expect(plan.peakQueuePerRound).toBeCloseTo(75_000 - 30 * 600, 9);
    expect(plan.roundDuration).toBeCloseTo(2500, 9);
  });

  it('no wait once a round arrives slower than it drains', () => {
    const plan = planRounds(PEOPLE, MU, 20, 600); // 15,000 per round over 600 s = 25/s < 30/s
    expect(plan.maxWaitPerRound).toBe(0);
    expect(plan.roundDuration).toBe(600);
  });
});

describe('roundsForMaxWait', () => {
  it('ends on a target so small the quotient overflows: Infinity rounds, not a loop counting down from Infinity', () => {
    expect(roundsForMaxWait(267, 188, Number.MIN_VALUE)).toBe(Infinity);
  });

  it('needs ⌈300,000/(30·1200)⌉ = ⌈8.33⌉ = 9 rounds for waits under 20 minutes (8 give 1250 s)', () => {
    expect(roundsForMaxWait(PEOPLE, MU, 1200)).toBe(9);
    expect(planRounds(PEOPLE, MU, 9).maxWaitPerRound).toBeLessThanOrEqual(1200);
    expect(planRounds(PEOPLE, MU, 8).maxWaitPerRound).toBeGreaterThan(1200);
  });

  it('counts each round window towards the target: ⌈300,000/(30·(1200 + 600))⌉ = 6', () => {
    expect(roundsForMaxWait(PEOPLE, MU, 1200, 600)).toBe(6);
  });

  it('does not add a round when floating point puts the quotient a hair over a whole number', () => {
    // 63/(0.7·45) evaluates to 2.0000000000000004 in doubles; in exact arithmetic it is 2, and
    // 2 rounds give a max wait of exactly 45.
    expect(63 / (0.7 * 45)).toBeGreaterThan(2);
    expect(roundsForMaxWait(63, 0.7, 45)).toBe(2);
  });

  it('returns the smallest R meeting the target on a grid of cases (the defining property)', () => {
    for (const people of [1, 999, 10_000, 123_457]) {
      for (const mu of [0.7, 3, 55.5]) {
        for (const [target, window] of [
          [10, 0],
          [0, 60],
          [300, 45],
          [3600, 0],
        ] as const) {
          const r = roundsForMaxWait(people, mu, target, window);
          expect(planRounds(people, mu, r, window).maxWaitPerRound).toBeLessThanOrEqual(target * (1 + 1e-12) + 1e-9);
          if (r > 1) expect(planRounds(people, mu, r - 1, window).maxWaitPerRound).toBeGreaterThan(target);
        }
      }
    }
  });

  it('is 1 when one round already meets the target', () => {
    expect(roundsForMaxWait(1000, 10, 200)).toBe(1);
  });

  it('refuses a zero target with zero-length windows', () => {
    expect(() => roundsForMaxWait(PEOPLE, MU, 0, 0)).toThrow(UsageError);
  });
});
