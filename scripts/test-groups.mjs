// How the suite shares the machine's two cores (vitest.config.ts, scripts/test.mjs).
//
// Most test files run two at a time. The ones below run alone, one after another, after the
// others: what they assert depends on the time or the CPU the run got (rates, waits, ratios
// between runs, a simulator against a real run), so a second file beside them would skew it.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export const SOLO_TEST_FILES = [
  'tests/cli/compare-command.test.ts', // five runs of one sale must not differ significantly
  'tests/cli/simulator-vs-run.test.ts', // the simulator's waits against a real run's, ±15%
  'tests/engine/time-scale.test.ts', // the same sale at k = 15 and 45, waits within ±10%
  'tests/engine/person-engine.test.ts', // requests counted against the shop's, at full rate
  'tests/shop/service-law.test.ts', // service times of the law, measured
  'tests/shop/waiting-room.test.ts', // admission rates, measured
  'tests/shop/clock.test.ts', // TTLs against the wall clock
  'tests/cli/capacity-run.test.ts', // σ and κ fitted from latencies measured step by step
  'tests/cli/gate-command.test.ts', // a slowed shop against a baseline run, and two alike that must pass
];

/** Code that starts a process of its own: the CLI, Artillery, Chromium or any child. */
const STARTS_A_PROCESS =
  /\b(runCli|runArtillery|runScenarioWithEngine|startBrowsersBesideLoad|runBrowsers|chromium|requireArtillery|spawn|spawnSync|execFile|execFileSync)\b/;

/** Test files (relative to `root`) that start no process: `npm run test:fast`. */
export function fastTestFiles(root) {
  const walk = (dir) =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory()
        ? walk(join(dir, entry.name))
        : entry.name.endsWith('.test.ts')
          ? [join(dir, entry.name)]
          : [],
    );
  return walk(join(root, 'tests'))
    .filter((path) => !STARTS_A_PROCESS.test(readFileSync(path, 'utf8')))
    .map((path) => relative(root, path));
}
