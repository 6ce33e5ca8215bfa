/**
 * Seeded random numbers for the sale-day simulator: the same seed gives the same sale.
 * Pure, no I/O.
 */

/** A source of uniform numbers in [0, 1). */
export type Uniform = () => number;

/**
 * mulberry32: a 32-bit generator with a period of 2³² (Tommy Ettinger, public domain), as
 * used by many JavaScript simulations; fast enough for tens of millions of draws. O(1).
 */
export function createRandom(seed: number): Uniform {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Exponential draw with the given mean, by inversion: −mean·ln(1 − U). O(1). */
export function drawExponential(random: Uniform, mean: number): number {
  return -mean * Math.log(1 - random());
}

/** Standard normal draw, Box–Muller (Box & Muller 1958), one of the pair kept. O(1). */
export function drawStandardNormal(random: Uniform): number {
  const u1 = 1 - random();
  const u2 = random();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

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
