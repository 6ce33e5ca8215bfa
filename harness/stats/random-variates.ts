/**
 * Random variates from a uniform [0, 1) source (e.g. `createMulberry32`), for seeded test data
 * and simulations. Each is O(1) expected per draw.
 */

/** Standard normal by the Box–Muller transform (Box & Muller, 1958); one of the pair is used. */
export function sampleStandardNormal(random: () => number): number {
  const u = 1 - random(); // (0, 1], so the log is finite
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}
