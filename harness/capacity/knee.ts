/**
 * Knee (or elbow) of a measured curve by Kneedle (Satopää, Albrecht, Irwin & Raghavan,
 * "Finding a 'Kneedle' in a Haystack", ICDCS Workshops 2011), offline variant as in the
 * Python package `kneed` (arvkevi/kneed): the first knee found. On throughput against load
 * (concave, increasing) it is where adding load stops paying; on latency against load
 * (convex, increasing) it is where waiting takes off.
 */
import { UsageError } from '../errors.ts';
import { requirePositive } from './check-input.ts';

export type KneeCurve = 'concave' | 'convex';
export type KneeDirection = 'increasing' | 'decreasing';

export interface FindKneeOptions {
  /** Shape of the curve; 'auto' (default) guesses it as kneed's find_shape does. */
  readonly curve?: KneeCurve | 'auto';
  readonly direction?: KneeDirection | 'auto';
  /** Sensitivity S of the paper: larger waits longer before calling a knee; default 1. */
  readonly sensitivity?: number;
}

export interface Knee {
  /** x and y of the knee: one of the input points. */
  readonly x: number;
  readonly y: number;
  /** Its index in the input arrays. */
  readonly index: number;
  /** The shape used (given or guessed). */
  readonly curve: KneeCurve;
  readonly direction: KneeDirection;
}

function checkInput(x: readonly number[], y: readonly number[]): void {
  if (x.length !== y.length) {
    throw new UsageError('capacity.knee-lengths', `x and y must have the same length, got ${x.length} and ${y.length}`);
  }
  if (x.length < 3) {
    throw new UsageError('capacity.knee-too-few', `finding a knee needs at least 3 points, got ${x.length}`);
  }
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i]!))
      throw new UsageError('capacity.knee-x', `x[${i}] must be a finite number, got ${x[i]}`);
    if (!Number.isFinite(y[i]!))
      throw new UsageError('capacity.knee-y', `y[${i}] must be a finite number, got ${y[i]}`);
    if (i > 0 && x[i]! <= x[i - 1]!) {
      throw new UsageError(
        'capacity.knee-x-order',
        `x must be strictly increasing: x[${i}] = ${x[i]} follows x[${i - 1}] = ${x[i - 1]}`,
      );
    }
  }
}

/**
 * Guesses the shape: direction from the sign of the least-squares slope over all points;
 * concave when the points between the 20% and 80% positions lie above that line on average.
 * Source: kneed `find_shape` (arvkevi/kneed, knee_locator.py). O(n).
 */
export function guessKneeShape(
  x: readonly number[],
  y: readonly number[],
): { curve: KneeCurve; direction: KneeDirection } {
  checkInput(x, y);
  const n = x.length;
  const meanX = x.reduce((s, v) => s + v, 0) / n;
  const meanY = y.reduce((s, v) => s + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i]! - meanX) * (y[i]! - meanY);
    sxx += (x[i]! - meanX) ** 2;
  }
  const slope = sxy / sxx;
  const intercept = meanY - slope * meanX;
  const from = Math.trunc(n * 0.2);
  const to = Math.max(from + 1, Math.trunc(n * 0.8));
  let above = 0;
  for (let i = from; i < to; i++) above += y[i]! - (slope * x[i]! + intercept);
  return {
    direction: slope > 0 ? 'increasing' : 'decreasing',
    curve: above > 0 ? 'concave' : 'convex',
  };
}

/**
 * Kneedle, offline: (1) scale x and y to [0, 1]; (2) turn the curve into a concave,
 * increasing one — convex: y → 1 − y; then if it decreases, mirror x → 1 − x and reverse
 * the order; (3) difference curve d = y − x; (4) at each local maximum of d (scipy's
 * argrelextrema, ends clipped) set the threshold d_max − S·mean(Δx); a local minimum
 * resets it to 0; (5) the knee is the last local maximum before d first drops below the
 * threshold. Returns null when there is none (a straight line, a constant curve).
 * Mirroring x (step 2) is the geometric reflection; kneed reverses y and keeps x, which is
 * the same for evenly spaced x and differs otherwise.
 * Source: Satopää et al. 2011, §III; kneed 0.8 (KneeLocator, online = False). O(n).
 */
export function findKnee(x: readonly number[], y: readonly number[], options: FindKneeOptions = {}): Knee | null {
  checkInput(x, y);
  const sensitivity = requirePositive('sensitivity', options.sensitivity ?? 1);
  const guessed =
    options.curve === undefined ||
    options.curve === 'auto' ||
    options.direction === undefined ||
    options.direction === 'auto'
      ? guessKneeShape(x, y)
      : null;
  const curve: KneeCurve = options.curve && options.curve !== 'auto' ? options.curve : guessed!.curve;
  const direction: KneeDirection =
    options.direction && options.direction !== 'auto' ? options.direction : guessed!.direction;

  const n = x.length;
  const minX = x[0]!;
  const spanX = x[n - 1]! - minX;
  let minY = Infinity;
  let maxY = -Infinity;
  for (const value of y) {
    if (value < minY) minY = value;
    if (value > maxY) maxY = value;
  }
  const spanY = maxY - minY;
  if (spanY === 0) return null;
  const mirrored = (curve === 'concave') !== (direction === 'increasing');
  // order[k] is the input index of the k-th point of the transformed curve.
  const order = Array.from({ length: n }, (_, k) => (mirrored ? n - 1 - k : k));
  const xs = order.map((i) => {
    const xn = (x[i]! - minX) / spanX;
    return mirrored ? 1 - xn : xn;
  });
  const ys = order.map((i) => {
    const yn = (y[i]! - minY) / spanY;
    return curve === 'convex' ? 1 - yn : yn;
  });
  const diff = ys.map((v, k) => v - xs[k]!);
  const at = (k: number): number => diff[Math.min(n - 1, Math.max(0, k))]!;
  const isMax = (k: number): boolean => at(k) >= at(k - 1) && at(k) >= at(k + 1);
  const isMin = (k: number): boolean => at(k) <= at(k - 1) && at(k) <= at(k + 1);
  const meanStep = 1 / (n - 1);

  let first = -1;
  for (let k = 0; k < n; k++) {
    if (isMax(k)) {
      first = k;
      break;
    }
  }
  if (first < 0) return null;
  let threshold = 0;
  let thresholdIndex = first;
  for (let k = first; k < n - 1; k++) {
    if (isMax(k)) {
      threshold = diff[k]! - sensitivity * meanStep;
      thresholdIndex = k;
    }
    if (isMin(k)) threshold = 0;
    if (diff[k + 1]! < threshold) {
      const index = order[thresholdIndex]!;
      return { x: x[index]!, y: y[index]!, index, curve, direction };
    }
  }
  return null;
}
