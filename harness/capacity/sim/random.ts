/**
 * Seeded random numbers for the sale-day simulator: the same seed gives the same sale.
 * Pure, no I/O.
 */

import { createMulberry32, sampleStandardNormal } from '../../stats/index.ts';

/** A source of uniform numbers in [0, 1). */
export type Uniform = () => number;

/** mulberry32 (harness/stats): the same seed gives the same sale. */
export const createRandom: (seed: number) => Uniform = createMulberry32;

/** Exponential draw with the given mean, by inversion: −mean·ln(1 − U). O(1). */
export function drawExponential(random: Uniform, mean: number): number {
  return -mean * Math.log(1 - random());
}

/** Standard normal draw, Box–Muller (harness/stats). O(1). */
export const drawStandardNormal: (random: Uniform) => number = sampleStandardNormal;

/** Lognormal draw: median·e^(σ·Z), Z standard normal. O(1). */
export function drawLognormal(random: Uniform, median: number, sigma: number): number {
  return median * Math.exp(sigma * drawStandardNormal(random));
}

/**
 * n sorted uniform draws on [from, to), in O(n) without sorting: the k-th order statistic of n
 * uniforms equals S_k / S_{n+1} where S_k sums k standard exponentials (Devroye, *Non-Uniform
 * Random Variate Generation*, 1986, §V.3.1).
 */
export function drawSortedUniform(random: Uniform, count: number, from: number, to: number): Float64Array {
  const out = new Float64Array(count);
  if (count === 0) return out;
  let sum = 0;
  for (let k = 0; k < count; k += 1) {
    sum += -Math.log(1 - random());
    out[k] = sum;
  }
  const total = sum - Math.log(1 - random());
  const width = to - from;
  for (let k = 0; k < count; k += 1) out[k] = from + (width * out[k]!) / total;
  return out;
}

/** Fisher–Yates shuffle in place of `values[from..to)` (Knuth, TAOCP vol. 2, Algorithm P). O(n). */
export function shuffleRange(random: Uniform, values: Int32Array, from: number, to: number): void {
  for (let i = to - 1; i > from; i -= 1) {
    const j = from + Math.floor(random() * (i - from + 1));
    const held = values[i]!;
    values[i] = values[j]!;
    values[j] = held;
  }
}
