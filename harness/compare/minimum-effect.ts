import type { FigureKind, FigureUnit, MinimumEffects } from './comparison-types.ts';

/**
 * The smallest change that counts, whatever its p-value: runs on a shared machine differ by
 * timer and scheduler noise that no test of one run's samples can see (its samples are not
 * independent of the machine's state), so a 0.3 ms shift of a 1 ms median is not a
 * regression (five identical tiny runs here: p95 of 20–40 requests ranged 0.8–3.9 ms). Latency: max(5 ms, 10%); queue waits: max(1 s of sale time, 10%); rates and
 * shares: max(0.5 percentage points, 10%); throughput: 5%; counts: max(1, 10%).
 */
export const DEFAULT_MINIMUM_EFFECTS: MinimumEffects = {
  latency: { absoluteMs: 5, relative: 0.1 },
  queueWait: { absoluteSaleMs: 1000, relative: 0.1 },
  ratio: { absolute: 0.005, relative: 0.1 },
  throughput: { relative: 0.05 },
  count: { absolute: 1, relative: 0.1 },
};

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
