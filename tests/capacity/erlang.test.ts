import { describe, expect, it } from 'vitest';
import { erlangB, erlangC, mm1Queue, mmcProbabilityWaitExceeds, mmcQueue } from '../../harness/capacity/index.ts';
import { UsageError } from '../../harness/errors.ts';

// REFERENCES.md, "Queueing": every row of the table. The published values have 6 decimals,
// so the tolerance is 5e-7 absolute (half a unit in the last place; ≤ 1e-6 relative here).
const TABLE = [
  { c: 3, lambda: 2, mu: 1, pWait: 0.444444, wq: 0.444444, source: 'PDQ M/M/m demo (DrQz/pdq-qnm-pkg)' },
  { c: 8, lambda: 4, mu: 1, pWait: 0.059044, wq: 0.014761, source: "Gunther's erlang.pl" },
  { c: 14, lambda: 10 / 3, mu: 1 / 3, pWait: 0.174132, wq: 0.130599, source: 'pyworkforce tests (per minute)' },
  { c: 10, lambda: 8, mu: 1, pWait: 0.40918, wq: 0.20459, source: 'closed form' },
  { c: 2, lambda: 1.5, mu: 1, pWait: 0.642857, wq: 1.285714, source: 'closed form (9/14, 9/7)' },
  { c: 1, lambda: 0.9, mu: 1, pWait: 0.9, wq: 9.0, source: 'M/M/1' },
] as const;

describe('mmcQueue (Erlang C)', () => {
  it.each(TABLE)(
    'c = $c, λ = $lambda, μ = $mu: P(wait) $pWait, Wq $wq ($source; ±5e-7)',
    ({ c, lambda, mu, pWait, wq }) => {
      const q = mmcQueue(c, lambda, mu);
      expect(Math.abs(q.probabilityOfWait - pWait)).toBeLessThan(5e-7);
      expect(Math.abs(q.meanWait - wq)).toBeLessThan(5e-7);
      expect(Math.abs(erlangC(c, lambda / mu) - pWait)).toBeLessThan(5e-7);
    },
  );

  it('is exact on the closed-form rows: 4/9, 9/14 and 9/7 (1e-14)', () => {
    expect(erlangC(3, 2)).toBeCloseTo(4 / 9, 14);
    expect(erlangC(2, 1.5)).toBeCloseTo(9 / 14, 14);
    expect(mmcQueue(2, 1.5, 1).meanWait).toBeCloseTo(9 / 7, 14);
  });

  it('gives service level 0.888 at a 20-second target on the pyworkforce case (P(wait > 1/3 min) = 0.111649)', () => {
    const beyond = mmcProbabilityWaitExceeds(14, 10 / 3, 1 / 3, 1 / 3);
    // 0.174132 · e^{−(14/3 − 10/3)/3} = 0.174132 · e^{−4/9}: ±1e-6 from the rounded C.
    expect(Math.abs(beyond - 0.174132 * Math.exp(-4 / 9))).toBeLessThan(1e-6);
    expect((1 - beyond).toFixed(3)).toBe('0.888');
    expect(mmcProbabilityWaitExceeds(14, 10 / 3, 1 / 3, 0)).toBeCloseTo(0.174132, 6);
  });

  it('agrees with M/M/1 for one server and holds Little: Lq = λWq, L = λW', () => {
    const one = mmcQueue(1, 0.9, 1);
    const mm1 = mm1Queue(0.9, 1);
    expect(one.meanWait).toBeCloseTo(mm1.meanWait, 12);
    expect(one.meanInSystem).toBeCloseTo(mm1.meanInSystem, 12); // ρ/(1−ρ) = 9
    const q = mmcQueue(8, 4, 1);
    expect(q.meanQueueLength).toBeCloseTo(4 * q.meanWait, 14);
    expect(q.meanInSystem).toBeCloseTo(4 * (q.meanWait + 1), 14);
  });

  it('reports an overloaded system as unstable: everyone waits, forever', () => {
    const q = mmcQueue(4, 5, 1);
    expect(q.stable).toBe(false);
    expect(q.probabilityOfWait).toBe(1);
    expect(q.meanWait).toBe(Number.POSITIVE_INFINITY);
    expect(mmcProbabilityWaitExceeds(4, 5, 1, 100)).toBe(1);
  });

  it('rejects a fractional server count and a zero service rate, naming them', () => {
    expect(() => mmcQueue(2.5, 1, 1)).toThrow(/servers must be a whole number ≥ 1, got 2.5/);
    expect(() => mmcQueue(2, 1, 0)).toThrow(UsageError);
  });
});

describe('erlangB', () => {
  /** B(c, A) = (A^c/c!) / Σ_{k=0}^{c} A^k/k!, the direct formula (fine for small c). */
  function erlangBDirect(c: number, a: number): number {
    let term = 1;
    let sum = 1;
    for (let k = 1; k <= c; k++) {
      term *= a / k;
      sum += term;
    }
    return term / sum;
  }

  it('matches the direct formula (A^c/c!)/Σ A^k/k! to 1e-13 (Kleinrock 1975 eq. 3.46)', () => {
    for (const [c, a] of [
      [1, 0.5],
      [2, 1.5],
      [10, 5],
      [20, 18.3],
      [50, 60],
    ] as const) {
      expect(Math.abs(erlangB(c, a) - erlangBDirect(c, a))).toBeLessThan(1e-13);
    }
    expect(erlangB(1, 3)).toBeCloseTo(3 / 4, 15); // A/(1+A)
    expect(erlangB(0, 3)).toBe(1);
  });

  it('stays finite where A^c and c! overflow (c = 5000, A = 4900)', () => {
    const b = erlangB(5000, 4900);
    expect(b).toBeGreaterThan(0);
    expect(b).toBeLessThan(0.01);
    expect(erlangC(5000, 4900)).toBeGreaterThan(b);
    expect(erlangC(5000, 4900)).toBeLessThan(1);
  });
});
