import { describe, expect, it } from 'vitest';
import { kaplanMeier, kaplanMeierQuantile, survivalAt } from '../../harness/stats/index.ts';

// The Freireich 6-MP leukaemia trial (Freireich et al., Blood 1963;21:699; Gehan,
// Biometrika 1965;52:203): weeks of remission in the 6-MP arm, 21 patients, * = censored.
const SIX_MP = '6,6,6,6*,7,9*,10,10*,11*,13,16,17*,19*,20*,22,23,25*,32*,32*,34*,35*'.split(',');
const times = SIX_MP.map((value) => Number.parseFloat(value));
const events = SIX_MP.map((value) => !value.endsWith('*'));

// The published Kaplan–Meier table of that arm (Kleinbaum & Klein, "Survival Analysis: A
// Self-Learning Text", 3rd ed., ch. 2; R survival::survfit(Surv(time, status) ~ 1) prints the
// same): n at risk, Ŝ(t), Greenwood's standard error, and the log-log 95% interval printed by
// survfit(..., conf.type = "log-log"). Checked by hand from Ŝ = Π(1 − d/n) before use:
// t = 6: 18/21 = 0.857; t = 7: 0.857·16/17 = 0.807; t = 10: ·14/15 = 0.753; t = 13: ·11/12 =
// 0.690; t = 16: ·10/11 = 0.627; t = 22: ·6/7 = 0.538; t = 23: ·5/6 = 0.448; and for t = 6,
// se(log(−log Ŝ)) = √(3/(21·18)) / |log(6/7)| = 0.5779, bounds Ŝ^exp(±1.96·0.5779) = 0.620, 0.952.
const PUBLISHED = [
  { time: 6, atRisk: 21, survival: 0.857, se: 0.0764, lower: 0.62, upper: 0.952 },
  { time: 7, atRisk: 17, survival: 0.807, se: 0.0869, lower: 0.563, upper: 0.923 },
  { time: 10, atRisk: 15, survival: 0.753, se: 0.0963, lower: 0.503, upper: 0.889 },
  { time: 13, atRisk: 12, survival: 0.69, se: 0.1068, lower: 0.432, upper: 0.849 },
  { time: 16, atRisk: 11, survival: 0.627, se: 0.1141, lower: 0.368, upper: 0.805 },
  { time: 22, atRisk: 7, survival: 0.538, se: 0.1282, lower: 0.268, upper: 0.747 },
  { time: 23, atRisk: 6, survival: 0.448, se: 0.1346, lower: 0.188, upper: 0.68 },
];

describe('kaplanMeier on the Freireich 6-MP arm', () => {
  const curve = kaplanMeier(times, events);

  it('has one step per event time with the published n at risk, Ŝ (±0.001), Greenwood SE (±0.0001) and log-log interval (±0.001)', () => {
    expect(curve.steps.map((step) => step.time)).toEqual(PUBLISHED.map((row) => row.time));
    curve.steps.forEach((step, index) => {
      const row = PUBLISHED[index]!;
      expect(step.atRisk).toBe(row.atRisk);
      expect(Math.abs(step.survival - row.survival)).toBeLessThan(0.001);
      expect(Math.abs(step.standardError - row.se)).toBeLessThan(0.0001);
      expect(Math.abs(step.lower - row.lower)).toBeLessThan(0.001);
      expect(Math.abs(step.upper - row.upper)).toBeLessThan(0.001);
    });
    expect(curve).toMatchObject({
      subjects: 21,
      events: 9,
      censored: 12,
      lastTime: 35,
      interval: 'log-log',
      confidence: 0.95,
    });
  });

  it('reads Ŝ(t) as a step function, undefined beyond the longest time observed', () => {
    expect(survivalAt(curve, 5.9)?.survival).toBe(1);
    expect(survivalAt(curve, 6)?.survival).toBeCloseTo(18 / 21, 12);
    expect(survivalAt(curve, 12.99)?.survival).toBeCloseTo(curve.steps[2]!.survival, 12);
    expect(survivalAt(curve, 35)?.survival).toBeCloseTo(curve.steps[6]!.survival, 12);
    expect(survivalAt(curve, 35.1)).toBeNull();
  });

  it('gives the median 23 weeks with a lower bound of 13 and an upper bound not reached (the log-log curve stays above ½)', () => {
    // R: quantile(survfit(..., conf.type = "log-log"), 0.5) → 23, lower 13, upper NA.
    expect(kaplanMeierQuantile(curve, 0.5)).toMatchObject({ value: 23, lower: 13, upper: null });
    // Ŝ never falls to 0.25: the 75th percentile is not reached; more than 44.8% still in remission at 35 weeks.
    const q75 = kaplanMeierQuantile(curve, 0.75);
    expect(q75.value).toBeNull();
    expect(q75.survivalAtLastTime).toBeCloseTo(0.448, 3);
  });

  it('does not mutate its inputs', () => {
    const copy = [...times];
    kaplanMeier(times, events);
    expect(times).toEqual(copy);
  });
});

describe('kaplanMeier without censoring', () => {
  it('is one minus the empirical CDF, and its quantiles are the inverse empirical CDF (R type 1)', () => {
    const values = Array.from({ length: 100 }, (_, i) => ((i * 37) % 100) + 1); // 1…100, shuffled
    const curve = kaplanMeier(
      values,
      values.map(() => true),
    );
    expect(survivalAt(curve, 50)?.survival).toBeCloseTo(0.5, 12);
    expect(kaplanMeierQuantile(curve, 0.5).value).toBe(50);
    expect(kaplanMeierQuantile(curve, 0.95).value).toBe(95);
    expect(kaplanMeierQuantile(curve, 0.99).value).toBe(99);
    expect(curve.steps.at(-1)!.survival).toBe(0);
  });

  it('counts people censored at an event time as still at risk then (events before censorings)', () => {
    const curve = kaplanMeier([1, 1, 2], [true, false, true]);
    expect(curve.steps[0]).toMatchObject({ time: 1, atRisk: 3, events: 1, censored: 1 });
    expect(curve.steps[1]).toMatchObject({ time: 2, atRisk: 1, events: 1 });
    expect(curve.steps[0]!.survival).toBeCloseTo(2 / 3, 12);
    expect(curve.steps[1]!.survival).toBe(0);
  });

  it('refuses mismatched lengths and negative or infinite times', () => {
    expect(() => kaplanMeier([1, 2], [true])).toThrow(RangeError);
    expect(() => kaplanMeier([-1], [true])).toThrow(/finite and ≥ 0/);
    expect(() => kaplanMeier([Infinity], [false])).toThrow(/finite/);
    expect(() => kaplanMeierQuantile(kaplanMeier([1], [true]), 1)).toThrow(/\(0, 1\)/);
  });
});
