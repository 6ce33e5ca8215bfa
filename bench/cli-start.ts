/**
 * How long `saleready --help` takes to start and end, as shipped (Node 24 strips the types,
 * its compile cache on) against the same without the cache, and against the baseline of
 * compiling through tsx, which saleready used before. The three run in turns, 15 times each;
 * the medians and their ratios are printed. Every CLI test and every run pays this start.
 *
 *   npx tsx bench/cli-start.ts
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const node = `${root}node_modules/.bin/node`;
const ROUNDS = 15;

const ways = {
  'as shipped (type stripping, compile cache)': { args: ['bin/saleready.js', '--help'], env: {} },
  'type stripping, no compile cache': {
    args: ['bin/saleready.js', '--help'],
    env: { NODE_DISABLE_COMPILE_CACHE: '1' },
  },
  'baseline: tsx': {
    args: [
      '--import',
      'tsx',
      '--input-type=module',
      '-e',
      "const { main } = await import('./harness/cli/main.ts'); process.exitCode = await main(['node', 'saleready', '--help']);",
    ],
    env: { NODE_DISABLE_COMPILE_CACHE: '1' },
  },
} as const;

const times = new Map<string, number[]>(Object.keys(ways).map((name) => [name, []]));
for (let round = 0; round < ROUNDS + 1; round++) {
  for (const [name, way] of Object.entries(ways)) {
    const started = performance.now();
    const result = spawnSync(node, way.args, { cwd: root, env: { ...process.env, ...way.env }, stdio: 'pipe' });
    const ms = performance.now() - started;
    if (result.status !== 0) throw new Error(`${name}: exit ${result.status}\n${result.stderr.toString()}`);
    if (round > 0) times.get(name)!.push(ms); // the first round fills the caches
  }
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};
const baseline = median(times.get('baseline: tsx')!);
console.log(`saleready --help, median of ${ROUNDS} starts each (ms), ratio to the tsx baseline:`);
for (const [name, values] of times) {
  const ms = median(values);
  console.log(`  ${name.padEnd(44)} ${ms.toFixed(0).padStart(6)} ms   ${(ms / baseline).toFixed(2)}×`);
}
