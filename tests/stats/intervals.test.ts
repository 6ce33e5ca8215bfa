import { describe, expect, it } from 'vitest';
import { meanInterval } from '../../harness/stats/mean-interval.ts';
import { poissonRateInterval } from '../../harness/stats/poisson-rate-interval.ts';
import { wilsonInterval } from '../../harness/stats/wilson-interval.ts';

describe('wilsonInterval (Wilson score, no continuity correction)', () => {
  // Newcombe (1998), Stat Med 17:857, Table II, method 3; published to 4 decimals → ±5e-5.
  // The same numbers as R prop.test(x, n, correct = FALSE)$conf.int.
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])('%i/%i → [%f, %f] (Newcombe 1998)', (x, n, lower, upper) => {
    const ci = wilsonInterval(x, n);
    expect(Math.abs(ci.lower - lower)).toBeLessThan(5e-5);
    expect(Math.abs(ci.upper - upper)).toBeLessThan(5e-5);
    expect(ci.estimate).toBe(x / n);
  });

  it('is [1 − upper(0/n), 1] for n/n, symmetric to 0/n', () => {
    const all = wilsonInterval(20, 20);
    expect(all.upper).toBe(1);
    expect(all.lower).toBeCloseTo(1 - 0.1611, 4);
  });

  it('widens with confidence (99% wider than 95%)', () => {
    const c95 = wilsonInterval(81, 263);
    const c99 = wilsonInterval(81, 263, 0.99);
    expect(c99.lower).toBeLessThan(c95.lower);
    expect(c99.upper).toBeGreaterThan(c95.upper);
  });

  it('rejects 0 trials and successes above trials', () => {
    expect(() => wilsonInterval(0, 0)).toThrow(RangeError);
    expect(() => wilsonInterval(5, 4)).toThrow(RangeError);
    expect(() => wilsonInterval(1.5, 4)).toThrow(RangeError);
  });
});

describe('poissonRateInterval (Poisson score interval)', () => {
  it('10 events in 1 s → [5.4320, 18.4095] (closed form (x + z²/2 ± z√(x + z²/4))/t, ±1e-4)', () => {
    // z = 1.959964: 10 + 1.920729 ± 1.959964·√10.960365 = 11.920729 ± 6.488744
    const ci = poissonRateInterval(10, 1);
    expect(ci.lower).toBeCloseTo(5.431986, 4);
    expect(ci.upper).toBeCloseTo(18.409473, 4);
  });

  it('scales with exposure: 600 events in 60 s is about 10/s, with a narrower interval', () => {
    const ci = poissonRateInterval(600, 60);
    expect(ci.estimate).toBe(10);
    expect(ci.upper - ci.lower).toBeLessThan(2); // ±1.96·√600/60 ≈ ±0.80
    expect(ci.lower).toBeGreaterThan(9);
  });

  it('0 events gives [0, z²/t] = [0, 3.8415] per unit time', () => {
    const ci = poissonRateInterval(0, 1);
    expect(ci.lower).toBe(0);
    expect(ci.upper).toBeCloseTo(3.841459, 5);
  });

  it('rejects negative events and non-positive exposure', () => {
    expect(() => poissonRateInterval(-1, 1)).toThrow(RangeError);
    expect(() => poissonRateInterval(1, 0)).toThrow(RangeError);
  });
});

describe('meanInterval (Student t)', () => {
  it('1…10 → mean 5.5, [3.334149, 7.665851] as R t.test(1:10) (printed to 6 decimals, ±1e-6)', () => {
    const ci = meanInterval([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(ci.estimate).toBe(5.5);
    expect(ci.lower).toBeCloseTo(3.334149, 6);
    expect(ci.upper).toBeCloseTo(7.665851, 6);
    expect(ci.degreesOfFreedom).toBe(9);
    expect(ci.standardError).toBeCloseTo(0.9574271, 7);
  });

  it('rejects fewer than 2 values', () => {
    expect(() => meanInterval([1])).toThrow(RangeError);
  });
});
