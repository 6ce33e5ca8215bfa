/**
 * Benchmark: ingest of the person engine's records (harness/results ingestEngineRecords)
 * against `gzip -dc FILE | wc -l`, the floor set by decompressing and splitting lines, on the
 * same file in the same run. Goals: ingest ≤ 2× the floor; memory flat in the run's length.
 *
 *   npx tsx bench/ingest.ts [seconds[@requestsPerSecond]…]     default: 300@2000 1200@2000
 *
 * For each case it writes a records file as a run of that length would leave it, with the
 * engine's own record writer (artillery-engine-saleready/records.js: the same series lines,
 * tags, histograms and flushes every 0.5 s, person records, the `end` line), gzipped as the
 * harness compresses a run folder (compressRecords). The simulated sale: the given requests
 * per second, 82% polls and the rest login, join, product, cart and checkout, 5% of them from
 * bots (some skipping the queue), statuses as a busy sale answers them (410 lost places, 409
 * sold out, a few 503), lognormal durations (median 3 ms, σ = 1, so a histogram line spans
 * ~250 buckets); 20 people arriving, admitted and leaving per second with their journey
 * metrics and person records. Then it times `gzip -dc | wc -l` (best of 3) and ingest (best
 * of 3, each in a fresh child process, so `process.resourceUsage().maxRSS` is one ingest's
 * peak, and `retainedHeapMb` what the finished ingest still holds after a full GC), and prints
 * one JSON line per case. The baseline RSS of a child ingesting an empty file (Node + tsx +
 * the harness) is printed first.
 */
import { execFileSync, execSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compressRecords } from '../harness/engine/index.ts';
import { ingestEngineRecords } from '../harness/results/index.ts';

interface Recorder {
  readonly path: string;
  count(metric: string, tags: Record<string, string>, value?: number, timeMs?: number): void;
  rate(metric: string, tags: Record<string, string>, yes: boolean, timeMs?: number): void;
  trend(metric: string, tags: Record<string, string>, value: number, timeMs?: number): void;
  person(record: Record<string, unknown>): void;
  flush(): void;
  close(): void;
}
type CreateRecorder = (dir: string, meta: Record<string, unknown>, options?: { flushMs?: number }) => Recorder;

async function measureCase(dir: string, seconds: number, requestsPerSecond: number): Promise<void> {
  const started = performance.now();
  const file = await writeRecords(join(dir, `run-${seconds}-${requestsPerSecond}`), seconds, requestsPerSecond);
  const writeMs = performance.now() - started;
  const floorMs = bestOf(3, () => {
    const t0 = performance.now();
    execSync(`gzip -dc '${file}' | wc -l`, { stdio: 'ignore' });
    return performance.now() - t0;
  });
  const runs = [0, 1, 2].map(() => runChild(file));
  const fastest = runs.reduce((best, run) => (run.ms < best.ms ? run : best));
  console.log(
    JSON.stringify({
      runSeconds: seconds,
      requestsPerSecond,
      lines: fastest.lines,
      samples: fastest.samples,
      series: fastest.series,
      perSecondBuckets: fastest.perSecondBuckets,
      people: fastest.people,
      gzMb: +(statSync(file).size / 2 ** 20).toFixed(1),
      writeMs: Math.round(writeMs),
      gzipWcMs: Math.round(floorMs),
      ingestMs: Math.round(fastest.ms),
      ratio: +(fastest.ms / floorMs).toFixed(2),
      peakRssMb: Math.round(Math.max(...runs.map((run) => run.maxRssMb))),
      retainedHeapMb: +fastest.retainedMb.toFixed(1),
    }),
  );
}

interface ChildReport {
  readonly ms: number;
  /** Peak RSS of the child (process.resourceUsage().maxRSS), MB. */
  readonly maxRssMb: number;
  /** Heap still held after ingest, after a full GC, MB. */
  readonly retainedMb: number;
  readonly lines: number;
  readonly samples: number;
  readonly series: number;
  readonly perSecondBuckets: number;
  readonly people: number;
}

/** One ingest in a fresh Node process (tsx as a loader, no extra process), GC exposed. */
function runChild(file: string): ChildReport {
  const output = execFileSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url), '--child', file],
    {
      encoding: 'utf8',
      cwd: fileURLToPath(new URL('..', import.meta.url)),
    },
  );
  return JSON.parse(output) as ChildReport;
}

function bestOf(times: number, run: () => number): number {
  let best = Infinity;
  for (let i = 0; i < times; i++) best = Math.min(best, run());
  return best;
}

/** A deterministic random stream (mulberry32), so every run writes the same file. */
function randomStream(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STEPS: [step: string, name: string, share: number][] = [
  ['poll', '/api/queue/status', 0.82],
  ['login', '/api/login', 0.04],
  ['join', '/api/queue/join', 0.05],
  ['product', '/api/product', 0.03],
  ['cart', '/api/cart', 0.03],
  ['checkout', '/api/checkout', 0.03],
];

/** Writes the records of a `seconds`-long run with the engine's writer; returns the .ndjson.gz path. */
async function writeRecords(dir: string, seconds: number, requestsPerSecond: number): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const { createRecorder } = createRequire(import.meta.url)(
    '../harness/engine/artillery-engine-saleready/records.js',
  ) as { createRecorder: CreateRecorder };
  const recorder = createRecorder(
    dir,
    { engine: 'saleready', engineVersion: 'bench', scenario: 'bench-ingest' },
    { flushMs: 3_600_000 },
  );
  const random = randomStream(2021);
  const lognormal = (median: number, sigma: number): number => {
    const z = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    return median * Math.exp(sigma * z);
  };
  const startMs = Date.UTC(2026, 10, 30, 10, 0, 0);
  const people = 20;
  let index = 0;
  for (let second = 0; second < seconds; second++) {
    for (let half = 0; half < 2; half++) {
      const base = startMs + second * 1000 + half * 500;
      for (let i = 0; i < requestsPerSecond / 2; i++) {
        const at = base + (i * 1000) / requestsPerSecond;
        let pick = random();
        let stepIndex = 0;
        while (stepIndex < STEPS.length - 1 && pick >= (STEPS[stepIndex] as [string, string, number])[2])
          pick -= (STEPS[stepIndex++] as [string, string, number])[2];
        const [step, name] = STEPS[stepIndex] as [string, string, number];
        const actor = random() < 0.05 ? 'bot' : 'person';
        const roll = random();
        const status =
          roll < 0.005
            ? '503'
            : step === 'poll' && roll < 0.03
              ? '410'
              : step === 'checkout' && roll < 0.2
                ? '409'
                : actor === 'bot' && step !== 'poll' && roll < 0.3
                  ? '403'
                  : '200';
        const bypass = actor === 'bot' && status === '403' ? 'no_token' : undefined;
        const expected =
          status === '200' || status === '409' || status === '410' || (bypass !== undefined && status === '403');
        const tags: Record<string, string> = { step, actor, status, name, expected_response: String(expected) };
        if (bypass) tags.bypass = bypass;
        recorder.count('http_reqs', tags, 1, at);
        recorder.trend('http_req_duration', tags, lognormal(3, 1), at);
        recorder.rate('http_req_failed', tags, !expected, at);
      }
      for (let i = 0; i < people / 2; i++) {
        const at = base + i * 50;
        const actor = i % 20 === 0 ? 'bot' : 'person';
        const outcome = random() < 0.7 ? 'bought' : random() < 0.5 ? 'sold_out' : 'gave_up';
        const waitMs = lognormal(40_000, 0.8);
        recorder.count('sr_arrivals', { actor }, 1, at);
        recorder.count('sr_queue_joins', { actor, reentry: random() < 0.05 ? 'true' : 'false' }, 1, at);
        if (random() < 0.03) recorder.count('sr_reentries', { actor, reason: 'ticket_expired' }, 1, at);
        if (random() < 0.02) recorder.count('sr_session_expiries', { actor }, 1, at);
        if (outcome !== 'gave_up') {
          recorder.count('sr_admitted', { actor }, 1, at);
          recorder.trend('sr_queue_wait', { actor }, waitMs, at);
        }
        if (outcome === 'bought') recorder.count('sr_units_bought', { actor }, 1, at);
        recorder.count('sr_outcome', { actor, outcome }, 1, at);
        recorder.person({
          actor,
          index: index++,
          userId: `p-${index}`,
          outcome,
          arrivedAtMs: at - waitMs - 2000,
          joinedAtMs: at - waitMs - 1500,
          admittedAtMs: outcome === 'gave_up' ? null : at - 1000,
          leftAtMs: at,
          reentries: 0,
          sessionExpiries: 0,
          units: outcome === 'bought' ? 1 : 0,
        });
      }
      recorder.flush();
    }
  }
  recorder.close();
  const [gz] = await compressRecords(dir);
  return gz as string;
}

async function main(): Promise<void> {
  if (process.argv[2] === '--child') {
    const file = process.argv[3] as string;
    const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
    gc();
    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();
    const ingest = await ingestEngineRecords(file);
    const ms = performance.now() - started;
    const maxRssMb = process.resourceUsage().maxRSS / 1024;
    gc();
    const retainedMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
    const { result } = ingest;
    let perSecondBuckets = 0;
    for (const series of result.series.values()) perSecondBuckets += series.perSecond.size;
    const report = {
      ms,
      maxRssMb,
      retainedMb,
      lines: result.lines,
      samples: result.samples,
      series: result.series.size,
      perSecondBuckets,
      people: ingest.people.length,
    };
    process.stdout.write(`${JSON.stringify(report)}\n`);
  } else {
    const cases = process.argv.length > 2 ? process.argv.slice(2) : ['300@2000', '1200@2000'];
    const dir = mkdtempSync(join(tmpdir(), 'sr-bench-ingest-'));
    try {
      const empty = join(dir, 'empty.ndjson');
      writeFileSync(empty, '');
      console.log(JSON.stringify({ baselineRssMb: Math.round(runChild(empty).maxRssMb), node: process.version }));
      for (const benchCase of cases) {
        const [seconds, rate] = benchCase.split('@').map(Number) as [number, number | undefined];
        await measureCase(dir, seconds, rate ?? 2000);
      }
    } finally {
      // SALEREADY_BENCH_KEEP=1 keeps the records files (e.g. to profile an ingest of them)
      if (process.env.SALEREADY_BENCH_KEEP) console.log(JSON.stringify({ keptIn: dir }));
      else rmSync(dir, { recursive: true, force: true });
    }
  }
}

await main();
