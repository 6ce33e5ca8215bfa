/**
 * The simulated sale over time, for charts: how many accounts are waiting at each moment and
 * how long the people let in around then had waited; plus when the last person who had
 * waited learned the stock was gone. Read off the simulator's per-account arrays: an account
 * waits from its arrival (before opening, in the pre-queue) until its wait ended (admission,
 * giving up, losing the place for good, or being told it is sold out); a person whose phone
 * slept counts as waiting while away, since they come back to the queue. Pure; cost
 * O(n + buckets) for n accounts.
 */
import type { ArrivalPlan, SaleTimeline, SaleTimelinePoint } from './types.ts';

export type { SaleTimeline, SaleTimelinePoint };

/** What the timeline reads from a finished run. */
export interface TimelineInput {
  readonly plan: ArrivalPlan;
  /** Queue wait per account, minutes (from arrival, or from opening for early arrivals). */
  readonly wait: Float64Array;
  readonly outcome: Uint8Array;
  /** Outcome codes whose wait ended with their turn (bought, or turned away sold out at the front). */
  readonly turnCodes: readonly number[];
  /** Outcome codes of people who learned the stock was gone (sold out at their turn, told by the announcement). */
  readonly soldOutCodes: readonly number[];
}

const BUCKETS = [0.25, 0.5, 1, 2, 5, 10, 15, 30, 60, 120];
const MAX_POINTS = 300;

/** Start of an account's wait: its arrival, or the opening for those who came before it. */
const waitStart = (arrival: number): number => (arrival > 0 ? arrival : 0);

export function buildSaleTimeline(input: TimelineInput): SaleTimeline {
  const { plan, wait, outcome } = input;
  const n = plan.times.length;
  if (n === 0) return { bucketMinutes: 1, points: [] };
  let first = 0;
  let last = 0;
  for (let id = 0; id < n; id += 1) {
    const arrival = plan.times[id]!;
    const end = waitStart(arrival) + wait[id]!;
    if (arrival < first) first = arrival;
    if (end > last) last = end;
  }
  const span = Math.max(1, last - first);
  const bucket = BUCKETS.find((width) => span / width <= MAX_POINTS) ?? Math.ceil(span / MAX_POINTS);
  const start = Math.floor(first / bucket) * bucket;
  const count = Math.floor((last - start) / bucket) + 2;
  const waitingDelta = new Int32Array(count + 1);
  const admitted = new Uint32Array(count);
  const waitSum = new Float64Array(count);
  const waitMax = new Float64Array(count);
  const turn = new Uint8Array(256);
  for (const code of input.turnCodes) turn[code] = 1;
  for (let id = 0; id < n; id += 1) {
    const arrival = plan.times[id]!;
    const end = waitStart(arrival) + wait[id]!;
    // waiting at sample time t_k = start + k·bucket when arrival ≤ t_k < end
    const from = Math.max(0, Math.ceil((arrival - start) / bucket - 1e-9));
    const to = Math.min(count, Math.ceil((end - start) / bucket - 1e-9));
    if (to > from) {
      waitingDelta[from] = waitingDelta[from]! + 1;
      waitingDelta[to] = waitingDelta[to]! - 1;
    }
    if (plan.isBot[id] === 1 || turn[outcome[id]!] !== 1) continue;
    const k = Math.min(count - 1, Math.max(0, Math.floor((end - start) / bucket)));
    admitted[k] = admitted[k]! + 1;
    waitSum[k] = waitSum[k]! + wait[id]!;
    if (wait[id]! > waitMax[k]!) waitMax[k] = wait[id]!;
  }
  const points: SaleTimelinePoint[] = [];
  let waiting = 0;
  for (let k = 0; k < count; k += 1) {
    waiting += waitingDelta[k]!;
    const a = admitted[k]!;
    points.push({
      minute: start + k * bucket,
      waiting,
      admitted: a,
      meanWaitMinutes: a > 0 ? waitSum[k]! / a : null,
      maxWaitMinutes: a > 0 ? waitMax[k]! : null,
    });
  }
  return { bucketMinutes: bucket, points };
}

/**
 * When the last person who had waited (wait > 0) learned there was nothing left for them —
 * turned away sold out at their turn, or told by the announcement; null when nobody was.
 */
export function lastWaiterLearnsAt(input: TimelineInput): number | null {
  const { plan, wait, outcome } = input;
  const soldOut = new Uint8Array(256);
  for (const code of input.soldOutCodes) soldOut[code] = 1;
  let latest: number | null = null;
  for (let id = 0; id < plan.times.length; id += 1) {
    if (plan.isBot[id] === 1 || soldOut[outcome[id]!] !== 1 || !(wait[id]! > 0)) continue;
    const end = waitStart(plan.times[id]!) + wait[id]!;
    if (latest === null || end > latest) latest = end;
  }
  return latest;
}

/**
 * Several timelines on one clock — rounds laid end to end, each shifted by its offset — on
 * the widest of their buckets: the waiting counts add (each sampled at the grid time, step
 * after), the people let in add per bucket, their mean wait is weighted, the longest is the
 * longest. O(total points).
 */
export function combineTimelines(
  parts: readonly { readonly timeline: SaleTimeline; readonly offsetMinutes: number }[],
): SaleTimeline {
  const present = parts.filter((part) => part.timeline.points.length > 0);
  if (present.length === 0) return { bucketMinutes: 1, points: [] };
  if (present.length === 1 && present[0]!.offsetMinutes === 0) return present[0]!.timeline;
  const bucket = present.reduce((most, part) => Math.max(most, part.timeline.bucketMinutes), -Infinity);
  let first = Infinity;
  let last = -Infinity;
  for (const { timeline, offsetMinutes } of present) {
    first = Math.min(first, timeline.points[0]!.minute + offsetMinutes);
    last = Math.max(last, timeline.points.at(-1)!.minute + offsetMinutes + timeline.bucketMinutes);
  }
  const start = Math.floor(first / bucket) * bucket;
  const count = Math.max(1, Math.ceil((last - start) / bucket));
  const waiting = new Float64Array(count);
  const admitted = new Float64Array(count);
  const waitSum = new Float64Array(count);
  const waitMax = new Float64Array(count).fill(-1);
  for (const { timeline, offsetMinutes } of present) {
    const points = timeline.points;
    let index = 0;
    for (let k = 0; k < count; k += 1) {
      const t = start + k * bucket;
      while (index + 1 < points.length && points[index + 1]!.minute + offsetMinutes <= t + 1e-9) index += 1;
      const point = points[index]!;
      const inside =
        point.minute + offsetMinutes <= t + 1e-9 && t < points.at(-1)!.minute + offsetMinutes + timeline.bucketMinutes;
      if (inside) waiting[k] = waiting[k]! + point.waiting;
    }
    for (const point of points) {
      if (point.admitted === 0) continue;
      const k = Math.min(count - 1, Math.max(0, Math.floor((point.minute + offsetMinutes - start) / bucket + 1e-9)));
      admitted[k] = admitted[k]! + point.admitted;
      waitSum[k] = waitSum[k]! + (point.meanWaitMinutes ?? 0) * point.admitted;
      waitMax[k] = Math.max(waitMax[k]!, point.maxWaitMinutes ?? 0);
    }
  }
  const points: SaleTimelinePoint[] = [];
  for (let k = 0; k < count; k += 1) {
    const a = admitted[k]!;
    points.push({
      minute: start + k * bucket,
      waiting: Math.round(waiting[k]!),
      admitted: a,
      meanWaitMinutes: a > 0 ? waitSum[k]! / a : null,
      maxWaitMinutes: a > 0 ? waitMax[k]! : null,
    });
  }
  return { bucketMinutes: bucket, points };
}
