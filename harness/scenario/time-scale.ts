/**
 * The time scale k (DESIGN.md, "Time scale") in one place: a run has 1/k of the people and the
 * stock, and every duration divided by k, so request rates stay as on the sale day. Pure.
 */

/** A count of people or units at time scale k: rounded, at least 1. */
export function scaleCount(count: number, timeScale: number): number {
  return Math.max(1, Math.round(count / timeScale));
}

/** Sale-time minutes as run-time ms at time scale k. */
export function saleMinutesToRunMs(minutes: number, timeScale: number): number {
  return (minutes * 60_000) / timeScale;
}

/** Sale-time seconds as run-time ms at time scale k. */
export function saleSecondsToRunMs(seconds: number, timeScale: number): number {
  return (seconds * 1000) / timeScale;
}
