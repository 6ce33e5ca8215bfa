/**
 * Random variates from a uniform [0, 1) source (e.g. `createMulberry32`), for bootstraps
 * and seeded test data. Each is O(1) expected per draw.
 */

/** Standard normal by the Box–Muller transform (Box & Muller, 1958); one of the pair is used. */
export function sampleStandardNormal(random: () => number): number {
  const u = 1 - random(); // (0, 1], so the log is finite
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/**
 * Gamma(shape, 1) by Marsaglia & Tsang (ACM TOMS 26(3), 2000) squeeze-rejection for
 * shape ≥ 1; for shape < 1, Gamma(shape + 1)·U^(1/shape) (same paper, §6).
 */
export function sampleGamma(shape: number, random: () => number): number {
  if (!(shape > 0)) throw new RangeError(`gamma shape must be positive, got ${shape}`);
  if (shape < 1) return sampleGamma(shape + 1, random) * Math.pow(1 - random(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = sampleStandardNormal(random);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - random();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** Beta(a, b) as X/(X+Y) with X ~ Gamma(a), Y ~ Gamma(b) (Devroye 1986, §IX.4). */
export function sampleBeta(a: number, b: number, random: () => number): number {
  const x = sampleGamma(a, random);
  const y = sampleGamma(b, random);
  return x / (x + y);
}
