import type { FigureKind, FigureUnit, MinimumEffects } from './comparison-types.ts';

/**
 * The smallest change that counts, whatever its p-value: runs on a shared machine differ by
 * timer and scheduler noise that no test of one run's samples can see (a busy neighbour
 * shifts a whole run, and every sample of it). On 2 shared vCPUs, one of five runs of the same
 * 11-s sale was slower at every step, on p95s of 2–5 ms: by up to 6.3 ms in a CI run, by
 * 6–13 ms in a clean-clone run with a type check running beside it (2026-11-30), so one run
 * against one run cannot resolve a latency change under ~20 ms there.
 * Latency: max(20 ms, 10%); queue waits: max(1 s of sale time, 10%); rates and shares:
 * max(0.5 percentage points, 10%); throughput: 5%; counts: max(1, 10%).
 */
export const DEFAULT_MINIMUM_EFFECTS: MinimumEffects = {
  latency: { absoluteMs: 20, relative: 0.1 },
  queueWait: { absoluteSaleMs: 1000, relative: 0.1 },
  ratio: { absolute: 0.005, relative: 0.1 },
  throughput: { relative: 0.05 },
  count: { absolute: 1, relative: 0.1 },
};

/** The default minimum effects, with another latency floor (`--min-latency-ms`, ms) when one is given. */
export function withLatencyFloor(absoluteMs: number | undefined): MinimumEffects {
  if (absoluteMs === undefined) return DEFAULT_MINIMUM_EFFECTS;
  return { ...DEFAULT_MINIMUM_EFFECTS, latency: { ...DEFAULT_MINIMUM_EFFECTS.latency, absoluteMs } };
}

/** The minimum |B − A| for a figure of this kind and unit, given A's value. */
export function minimumEffectFor(kind: FigureKind, unit: FigureUnit, a: number, effects: MinimumEffects): number {
  const base = Math.abs(a);
  if (kind === 'queue-wait') return Math.max(effects.queueWait.absoluteSaleMs, effects.queueWait.relative * base);
  if (kind === 'throughput' || unit === 'per-second') return effects.throughput.relative * base;
  if (unit === 'ms') return Math.max(effects.latency.absoluteMs, effects.latency.relative * base);
  if (unit === 'ratio') return Math.max(effects.ratio.absolute, effects.ratio.relative * base);
  return Math.max(effects.count.absolute, effects.count.relative * base);
}

/** The rule in words, for every output. */
export function describeMinimumEffects(effects: MinimumEffects): string {
  const pct = (share: number): string => `${Math.round(share * 1000) / 10}%`;
  return (
    `a change counts only when |B − A| is at least: latency max(${effects.latency.absoluteMs} ms, ${pct(effects.latency.relative)}), ` +
    `queue wait max(${effects.queueWait.absoluteSaleMs / 1000} s sale time, ${pct(effects.queueWait.relative)}), ` +
    `rates and shares max(${effects.ratio.absolute * 100} points, ${pct(effects.ratio.relative)}), throughput ${pct(effects.throughput.relative)}, ` +
    `counts max(${effects.count.absolute}, ${pct(effects.count.relative)})`
  );
}
