import { describe, expect, it } from 'vitest';
import { md1Queue, mg1Queue, mm1Queue } from '../../harness/capacity/index.ts';

// REFERENCES.md: μ = 1 and ρ = 0.5, 0.8, 0.9, 0.95 → M/M/1 Wq 1, 4, 9, 19; M/D/1 Wq 0.5,
// 2, 4.5, 9.5 (Pollaczek–Khinchine). Closed forms: tolerance 1e-9 relative.
const ROWS = [
  { rho: 0.5, mm1: 1, md1: 0.5 },
  { rho: 0.8, mm1: 4, md1: 2 },
  { rho: 0.9, mm1: 9, md1: 4.5 },
  { rho: 0.95, mm1: 19, md1: 9.5 },
] as const;

describe('mm1Queue and md1Queue', () => {
  it.each(ROWS)('ρ = $rho: M/M/1 Wq = $mm1, M/D/1 Wq = $md1', ({ rho, mm1, md1 }) => {
    expect(Math.abs(mm1Queue(rho, 1).meanWait - mm1) / mm1).toBeLessThan(1e-9);
    expect(Math.abs(md1Queue(rho, 1).meanWait - md1) / md1).toBeLessThan(1e-9);
  });

  it('scales with the service rate: μ = 4 per second, ρ = 0.8 → M/M/1 Wq = 1 s, W = 1.25 s', () => {
    const q = mm1Queue(3.2, 4);
    expect(q.meanWait).toBeCloseTo(1, 12);
    expect(q.meanResponseTime).toBeCloseTo(1.25, 12);
    expect(q.meanInSystem).toBeCloseTo(4, 12); // ρ/(1−ρ)
    expect(q.meanQueueLength).toBeCloseTo(3.2, 12); // ρ²/(1−ρ)
  });

  it('M/G/1 with Cs² = 1 is M/M/1, and Cs² = 3 doubles the M/M/1 wait', () => {
    expect(mg1Queue(0.7, 1, 1).meanWait).toBeCloseTo(mm1Queue(0.7, 1).meanWait, 14);
    expect(mg1Queue(0.7, 1, 3).meanWait).toBeCloseTo(2 * mm1Queue(0.7, 1).meanWait, 12);
  });

  it('marks ρ ≥ 1 unstable with infinite waits', () => {
    const q = md1Queue(1, 1);
    expect(q.stable).toBe(false);
    expect(q.meanWait).toBe(Number.POSITIVE_INFINITY);
    expect(q.meanInSystem).toBe(Number.POSITIVE_INFINITY);
  });
});
