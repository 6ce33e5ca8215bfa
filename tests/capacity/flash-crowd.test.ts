import { describe, expect, it } from 'vitest';
import { burstWaitOf, drainRateForMaxWait, fluidQueue } from '../../harness/capacity/index.ts';
import { UsageError } from '../../harness/errors.ts';

// Newell's fluid model, closed forms from REFERENCES.md ("Flash crowds and rounds"), on the
// Monte-Carlo check's numbers: N = 10,000 people, μ = 500 per second. Closed forms: 1e-12.
const N = 10_000;
const MU = 500;

describe('fluidQueue', () => {
  it('all at once (W = 0): last ≈ N/μ = 20 s, mean ≈ N/(2μ) = 10 s, peak queue N', () => {
    const q = fluidQueue(N, MU);
    expect(q.queueForms).toBe(true);
    expect(q.lastWait).toBeCloseTo(20, 12);
    expect(q.meanWait).toBeCloseTo(10, 12);
    expect(q.peakQueue).toBe(N);
    expect(q.emptiesAt).toBeCloseTo(20, 12);
  });

  it('uniform over W = 10 s (N/W = 1000/s > μ): last N/μ − W = 10 s, mean 5 s, peak N − μW = 5000', () => {
    const q = fluidQueue(N, MU, 10);
    expect(q.queueForms).toBe(true);
    expect(q.lastWait).toBeCloseTo(10, 12);
    expect(q.meanWait).toBeCloseTo(5, 12);
    expect(q.peakQueue).toBeCloseTo(5000, 9);
    expect(q.emptiesAt).toBeCloseTo(20, 12);
  });

  it('uniform over W = 30 s (N/W ≈ 333/s ≤ μ): no fluid queue', () => {
    const q = fluidQueue(N, MU, 30);
    expect(q.queueForms).toBe(false);
    expect(q.lastWait).toBe(0);
    expect(q.meanWait).toBe(0);
    expect(q.peakQueue).toBe(0);
    expect(q.emptiesAt).toBe(30);
  });

  it('has no queue exactly at N/W = μ (the boundary belongs to "none")', () => {
    expect(fluidQueue(N, MU, 20).queueForms).toBe(false);
    expect(fluidQueue(0, MU).queueForms).toBe(false);
  });

  it('agrees with the mean of the fluid wait profile (N/W − μ)t/μ integrated over the window', () => {
    // Riemann mean over 10⁵ arrival instants of the wait at t; tolerance 1e-4 relative.
    const w = 12;
    const rate = N / w;
    let sum = 0;
    const steps = 100_000;
    for (let i = 0; i < steps; i++) sum += ((rate - MU) * ((i + 0.5) / steps) * w) / MU;
    expect(Math.abs(sum / steps - fluidQueue(N, MU, w).meanWait) / fluidQueue(N, MU, w).meanWait).toBeLessThan(1e-4);
  });

  it('rejects a drain rate of 0 and a negative window, naming them', () => {
    expect(() => fluidQueue(N, 0)).toThrow(/drainRate must be greater than 0, got 0/);
    expect(() => fluidQueue(N, MU, -1)).toThrow(UsageError);
  });
});

describe('burstWaitOf', () => {
  it('makes the k-th of a burst wait (k−1)/μ: first 0, 501st 1 s, last (N−1)/μ = 19.998 s', () => {
    expect(burstWaitOf(1, MU)).toBe(0);
    expect(burstWaitOf(501, MU)).toBe(1);
    expect(burstWaitOf(N, MU)).toBeCloseTo(19.998, 12);
  });

  it('averages (N−1)/(2μ), one half service interval under the fluid mean', () => {
    let sum = 0;
    for (let k = 1; k <= N; k++) sum += burstWaitOf(k, MU);
    expect(sum / N).toBeCloseTo((N - 1) / (2 * MU), 9);
    expect(fluidQueue(N, MU).meanWait - sum / N).toBeCloseTo(1 / (2 * MU), 9);
  });

  it('rejects position 0', () => {
    expect(() => burstWaitOf(0, MU)).toThrow(/position must be a whole number ≥ 1, got 0/);
  });
});

describe('drainRateForMaxWait', () => {
  it('is the rate whose last wait is exactly the target: N/(T + W)', () => {
    const mu = drainRateForMaxWait(N, 15, 5);
    expect(mu).toBe(500);
    expect(fluidQueue(N, mu, 5).lastWait).toBeCloseTo(15, 12);
  });

  it('refuses T = W = 0', () => {
    expect(() => drainRateForMaxWait(N, 0, 0)).toThrow(UsageError);
  });
});
