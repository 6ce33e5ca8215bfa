// Small sale scenarios written as YAML into a test's temp folder, the way a person writes one.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface TinyScenarioOptions {
  /** People and stock as written (sale time); at k = 10 the run has a tenth of each. */
  readonly people: number;
  readonly stock: number;
  /** The `targets:` block, indented by two spaces. */
  readonly targets: string;
}

/**
 * A sale of `people` for `stock` units at time scale 10: arrivals over 1.5 min of sale time
 * (9 s of run), a waiting room admitting 1,200 a minute, polls every 5 s, 1 s of thinking per
 * step. Returns the file's path.
 */
export function writeTinyScenario(dir: string, name: string, options: TinyScenarioOptions): string {
  const path = join(dir, `${name}.yaml`);
  writeFileSync(
    path,
    `name: ${name}
target:
  shop: { admissionRatePerMinute: 1200, maxActiveUsers: 400 }
sale: { stock: ${options.stock}, perPersonLimit: 1, durationMinutes: 2 }
crowd:
  people: ${options.people}
  arrivals:
    early: { share: 0.2, windowMinutes: 0.5 }
    burst: { share: 0.6, durationMinutes: 0.5 }
    tail: { durationMinutes: 0.5 }
  patience: { kind: fixed, minutes: 30 }
behaviour: { pollIntervalSeconds: 5, thinkSeconds: 1 }
timeScale: 10
targets:
${options.targets}
`,
  );
  return path;
}

/** The targets the compare and gate tests judge: generous, so only a regression fails them. */
export const GENEROUS_TARGETS = '  latency: { checkout: { p95: 2000 } }\n  errorRate: 0.01\n  oversold: 0';
