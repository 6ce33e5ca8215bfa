import { twoSidedZ } from './normal-distribution.ts';

/** One event time of a Kaplan–Meier curve. */
export interface KaplanMeierStep {
  /** The event time t_j. */
  readonly time: number;
  /** n_j: subjects still under observation just before t_j (censored at t_j count as at risk). */
  readonly atRisk: number;
  /** d_j: events at t_j. */
  readonly events: number;
  /** Censored at t_j (they leave after the events of t_j). */
  readonly censored: number;
  /** Ŝ(t_j) = Π_{i ≤ j} (1 − d_i/n_i). */
  readonly survival: number;
  /** Greenwood's standard error of Ŝ(t_j): Ŝ·√(Σ d_i/(n_i(n_i − d_i))). */
  readonly standardError: number;
  /** Pointwise log-log ("complementary log-log") interval of Ŝ(t_j). */
  readonly lower: number;
  readonly upper: number;
}

export interface KaplanMeierCurve {
  /** The curve's steps: one per distinct event time, ascending. Ŝ = 1 before the first. */
  readonly steps: readonly KaplanMeierStep[];
  readonly subjects: number;
  readonly events: number;
  readonly censored: number;
  /** The longest time observed (event or censored): Ŝ is not defined beyond it. */
  readonly lastTime: number;
  readonly confidence: number;
  /** How the pointwise interval is made. */
  readonly interval: 'log-log';
}

export interface KaplanMeierOptions {
  /** Two-sided confidence of the pointwise intervals; default 0.95. */
  readonly confidence?: number;
}

type Times = readonly number[] | Float64Array;
type Events = readonly boolean[] | Uint8Array;

/**
 * Kaplan–Meier product-limit estimate of the survival function Ŝ(t) = P(T > t) from
 * right-censored times (Kaplan & Meier, JASA 1958;53:457): `times[i]` is subject i's event
 * time when `events[i]` is true, else the time it was last seen (censored). At a tied time,
 * events come before censorings (the censored are at risk at that time), as in R's
 * `survival::survfit`. Standard error by Greenwood's formula (Greenwood 1926):
 * Var Ŝ(t) = Ŝ(t)² Σ_{t_i ≤ t} d_i/(n_i(n_i − d_i)). Pointwise interval on the log-log scale
 * (Kalbfleisch & Prentice 1980, §1.3): v = log(−log Ŝ), se(v) = √(Σ d/(n(n−d))) / |log Ŝ|,
 * bounds Ŝ^{exp(±z·se(v))} — `survfit(..., conf.type = "log-log")`; it stays inside (0, 1).
 * Where Ŝ = 1 or Ŝ = 0 the interval is the point itself. Inputs are not mutated.
 * Cost O(n log n) for n subjects (one sort of each kind of time).
 */
export function kaplanMeier(times: Times, events: Events, options: KaplanMeierOptions = {}): KaplanMeierCurve {
  if (times.length !== events.length)
    throw new RangeError(`times (${times.length}) and events (${events.length}) must have the same length`);
  const confidence = options.confidence ?? 0.95;
  const z = twoSidedZ(confidence);
  let eventCount = 0;
  for (let i = 0; i < times.length; i += 1) {
    const time = times[i]!;
    if (!Number.isFinite(time) || time < 0) throw new RangeError(`times must be finite and ≥ 0, got ${time} at ${i}`);
    if (events[i]) eventCount += 1;
  }
  const eventTimes = new Float64Array(eventCount);
  const censorTimes = new Float64Array(times.length - eventCount);
  for (let i = 0, e = 0, c = 0; i < times.length; i += 1) {
    if (events[i]) eventTimes[e++] = times[i]!;
    else censorTimes[c++] = times[i]!;
  }
  eventTimes.sort();
  censorTimes.sort();
  const steps: KaplanMeierStep[] = [];
  let atRisk = times.length;
  let survival = 1;
  let greenwoodSum = 0;
  let e = 0;
  let c = 0;
  while (e < eventTimes.length) {
    const time = eventTimes[e]!;
    // censored strictly before this event time leave the risk set first
    while (c < censorTimes.length && censorTimes[c]! < time) {
      c += 1;
      atRisk -= 1;
    }
    let deaths = 0;
    while (e < eventTimes.length && eventTimes[e] === time) {
      deaths += 1;
      e += 1;
    }
    let censoredHere = 0;
    while (c < censorTimes.length && censorTimes[c] === time) {
      censoredHere += 1;
      c += 1;
    }
    survival *= 1 - deaths / atRisk;
    greenwoodSum += atRisk > deaths ? deaths / (atRisk * (atRisk - deaths)) : 0;
    const [lower, upper] = logLogBounds(survival, greenwoodSum, z);
    steps.push({
      time,
      atRisk,
      events: deaths,
      censored: censoredHere,
      survival,
      standardError: survival * Math.sqrt(greenwoodSum),
      lower,
      upper,
    });
    atRisk -= deaths + censoredHere;
  }
  let lastTime = 0;
  for (let i = 0; i < times.length; i += 1) if (times[i]! > lastTime) lastTime = times[i]!;
  return {
    steps,
    subjects: times.length,
    events: eventCount,
    censored: times.length - eventCount,
    lastTime,
    confidence,
    interval: 'log-log',
  };
}

/** Ŝ^{exp(±z·se(v))} with se(v) = √greenwoodSum / |log Ŝ|; the point itself at Ŝ ∈ {0, 1}. */
function logLogBounds(survival: number, greenwoodSum: number, z: number): [number, number] {
  if (survival <= 0 || survival >= 1) return [survival, survival];
  const logS = Math.log(survival);
  const se = Math.sqrt(greenwoodSum) / Math.abs(logS);
  return [survival ** Math.exp(z * se), survival ** Math.exp(-z * se)];
}

/** Ŝ(t) with its pointwise interval; null beyond the last time observed. Cost O(log steps). */
export function survivalAt(
  curve: KaplanMeierCurve,
  time: number,
): { survival: number; lower: number; upper: number } | null {
  if (time > curve.lastTime) return null;
  const steps = curve.steps;
  let low = 0;
  let high = steps.length; // first step with step.time > time
  while (low < high) {
    const mid = (low + high) >> 1;
    if (steps[mid]!.time <= time) low = mid + 1;
    else high = mid;
  }
  if (low === 0) return { survival: 1, lower: 1, upper: 1 };
  const step = steps[low - 1]!;
  return { survival: step.survival, lower: step.lower, upper: step.upper };
}
