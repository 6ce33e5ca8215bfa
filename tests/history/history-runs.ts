/** Run folders for the history tests, built cheaply: variants of a real run's summary with chosen figures. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatRunTimestamp } from '../../harness/results/index.ts';
import { parseRunSummary, type RunSummary } from '../../harness/report/index.ts';

export interface RunVariant {
  readonly scenario: string;
  /** Days after 2026-01-01 09:00 UTC. */
  readonly day: number;
  /** Measured p95 of checkout (ms): the latency.checkout.p95 target (< 800 ms) and the step's figure. */
  readonly checkoutP95: number;
  /** Measured checkout error rate: the errors.checkout target (< 1%). */
  readonly errorRate: number;
}

/** A valid summary: `base` (a real run's) with the variant's scenario, time and figures. */
export function summaryVariant(base: RunSummary, variant: RunVariant): RunSummary {
  const startedMs = Date.UTC(2026, 0, 1, 9) + variant.day * 86_400_000;
  const verdict = (met: boolean): 'pass' | 'fail' => (met ? 'pass' : 'fail');
  return parseRunSummary({
    ...base,
    scenario: { ...base.scenario, name: variant.scenario },
    startedAt: new Date(startedMs).toISOString(),
    endedAt: new Date(startedMs + 60_000).toISOString(),
    latencyByStep: base.latencyByStep.map((step) =>
      step.step === 'checkout' ? { ...step, p95: variant.checkoutP95 } : step,
    ),
    requests: { ...base.requests, errorRate: variant.errorRate },
    targets: base.targets.map((target) => {
      if (target.id === 'latency.checkout.p95')
        return {
          ...target,
          measured: variant.checkoutP95,
          interval: null,
          verdict: verdict(variant.checkoutP95 < 800),
          note: undefined,
          reason: undefined,
        };
      if (target.id === 'errors.checkout')
        return {
          ...target,
          measured: variant.errorRate,
          interval: null,
          verdict: verdict(variant.errorRate < 0.01),
          note: undefined,
          reason: undefined,
        };
      return target;
    }),
  });
}

/** Writes `<root>/<scenario>-<UTC timestamp>/summary.json` and returns the folder. */
export function writeRunFolder(root: string, summary: RunSummary): string {
  const dir = join(root, `${summary.scenario.name}-${formatRunTimestamp(new Date(summary.startedAt))}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
  return dir;
}
