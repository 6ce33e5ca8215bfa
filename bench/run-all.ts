/**
 * Runs every benchmark one after another (each in its own process, so none inherits another's
 * heap or timers) and prints each one's output under its name, with how long it took. A
 * benchmark that fails is reported and the rest still run; the exit code is 1 when any
 * failed. docs/PERFORMANCE.md says what each measures and holds the figures.
 *
 *   npx tsx bench/run-all.ts [name…]        e.g. `npx tsx bench/run-all.ts ingest waiting-people`
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** In the order they run: pure code first, then the shop, then Artillery and browsers. */
const BENCHMARKS = [
  'cli-start',
  'people-pool',
  'simulator',
  'shop-throughput',
  'ingest',
  'journey-throughput',
  'arrival-wakeups',
  'waiting-people',
  'browser-overhead',
] as const;

const root = fileURLToPath(new URL('..', import.meta.url));
const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !(BENCHMARKS as readonly string[]).includes(name));
if (unknown.length > 0) {
  console.error(`unknown benchmark ${unknown.join(', ')}; known: ${BENCHMARKS.join(', ')}`);
  process.exit(2);
}
const failed: string[] = [];
for (const name of asked.length > 0 ? asked : BENCHMARKS) {
  console.log(`\n=== bench/${name}.ts  (${new Date().toISOString()})`);
  const started = performance.now();
  const result = spawnSync(process.execPath, ['--import', 'tsx', `bench/${name}.ts`], { cwd: root, stdio: 'inherit' });
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  if (result.status !== 0) failed.push(name);
  console.log(
    `=== bench/${name}.ts ${result.status === 0 ? 'done' : `FAILED (exit ${result.status ?? result.signal})`} in ${seconds} s`,
  );
}
if (failed.length > 0) {
  console.log(`\nfailed: ${failed.join(', ')}`);
  process.exit(1);
}
