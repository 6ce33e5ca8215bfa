/**
 * Several Artillery worker threads on one machine, each with its own person engine and its own
 * records file, merge exactly: the requests the records count are the requests the reference
 * shop answered. Artillery 2.0.34 runs os.cpus().length − 1 worker threads (1 on this 2-core
 * machine) and honours no flag or variable for it, so the test preloads a module that makes
 * os.cpus() report more CPUs (tests/helpers/force-cpu-count.cjs). Only arrivalRate phases are
 * spread over threads (lib/dist.ts: a rate is divided among them; an arrivalCount phase runs
 * on thread 1 and the others get a pause, and threads with only pauses are dropped), so this
 * test's phase is an arrival rate and its people are the capacity journey's (ids unique per
 * thread), not the sale crowd, whose phases are arrivalCount.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { startShop, type RunningShop } from '../../harness/shop/index.ts';
import { artilleryEnv, requireArtillery } from '../../harness/engine/index.ts';
import { followRecords, measure, type IngestResult } from '../../harness/results/index.ts';
import { freshDirIn, useTempDir } from '../helpers/temp-dir.ts';

const PRELOAD = join(import.meta.dirname, '..', 'helpers', 'force-cpu-count.cjs');
const work = useTempDir('threads');

/** 16 people over 2 s (8 a second, an arrival rate), each logging in, joining, being admitted, then viewing the product for 1 s. */
const TEST = (url: string): string => `config:
  target: ${JSON.stringify(url)}
  phases:
    - { name: "spread over the threads", duration: 2, arrivalRate: 8 }
  engines:
    saleready:
      plan: "plan.json"
      records: "records"
scenarios:
  - { name: "capacity", engine: "saleready", journey: "capacity" }
`;
const PLAN = {
  scenario: 'local-workers',
  capacity: { load: 16, journey: ['product'], setupMs: 3000, measureMs: 1000 },
};

interface ThreadedRun {
  readonly exitCode: number | null;
  readonly files: string[];
  /** Person records per records file. */
  readonly peoplePerFile: number[];
  readonly ingest: IngestResult;
  readonly people: number;
  readonly shopRequests: number;
  readonly report: {
    aggregate: { counters: Record<string, number> };
    intermediate: { counters?: Record<string, number> }[];
  };
  readonly output: string;
}

async function runWithCpus(cpus: number | null): Promise<ThreadedRun> {
  const artillery = await requireArtillery();
  const shop: RunningShop = await startShop({
    admissionRatePerMinute: 1_000_000,
    maxActiveUsers: 1_000_000,
    stock: 1_000_000,
    perPersonLimit: 1_000, // nobody buys here
    perAddressLimit: 1_000,
    service: { s0Ms: 1 },
  });
  try {
    const dir = freshDirIn(work, 'run');
    writeFileSync(join(dir, 'test.yml'), TEST(shop.url));
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(PLAN));
    const env = artilleryEnv(process.env);
    if (cpus !== null) {
      env.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ''} --require ${PRELOAD}`.trim();
      env.SALEREADY_TEST_CPUS = String(cpus);
    }
    const child = spawn(
      process.execPath,
      [artillery.binPath, 'run', '--target', shop.url, '--output', join(dir, 'report.json'), join(dir, 'test.yml')],
      { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    const exitCode = await new Promise<number | null>((resolve) => child.once('close', resolve));
    clearTimeout(timer);
    const follower = followRecords(join(dir, 'records'));
    await follower.read();
    return {
      exitCode,
      files: readdirSync(join(dir, 'records')).sort(),
      peoplePerFile: readdirSync(join(dir, 'records'))
        .sort()
        .map(
          (file) =>
            readFileSync(join(dir, 'records', file), 'utf8')
              .split('\n')
              .filter((line) => line.includes('"type":"person"')).length,
        ),
      ingest: follower.ingest.result,
      people: follower.ingest.people.length,
      shopRequests: shop.stats().requestsTotal,
      report: JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')),
      output,
    };
  } finally {
    await shop.close();
  }
}

const count = (ingest: IngestResult, selector: string): number => measure(ingest, selector, 'count')?.value ?? 0;

describe('Artillery worker threads on one machine', () => {
  let one: ThreadedRun;
  let four: ThreadedRun;
  beforeAll(async () => {
    one = await runWithCpus(null);
    four = await runWithCpus(5);
  }, 120_000);

  it('runs one worker thread on this machine unless forced (os.cpus − 1), one records file', () => {
    expect(one.exitCode, one.output).toBe(0);
    expect(one.files).toHaveLength(1);
  });

  it('runs 4 worker threads when os.cpus() reports 5: one records file per thread, all of one process', () => {
    expect(four.exitCode, four.output).toBe(0);
    expect(four.files).toHaveLength(4);
    const owners = four.files.map((file) => /^(\d+)-(\d+)\.ndjson$/.exec(file)!);
    expect(new Set(owners.map((owner) => owner[1])).size).toBe(1);
    expect(new Set(owners.map((owner) => owner[2])).size).toBe(4);
    // the rate of 8 a second is divided among the threads: 2 a second, 4 people each
    expect(four.peoplePerFile).toEqual([4, 4, 4, 4]);
  });

  it('merges the threads’ records exactly: their requests are the shop’s, and every person is counted once', () => {
    for (const run of [one, four]) {
      expect(count(run.ingest, 'http_reqs')).toBe(run.shopRequests);
      expect(count(run.ingest, 'http_reqs')).toBeGreaterThan(16 * 3);
      expect(run.people).toBe(16);
      // Artillery's own merged counters agree with the records
      expect(run.report.aggregate.counters['http.requests']).toBe(run.shopRequests);
      expect(run.report.aggregate.counters['vusers.created']).toBe(16);
    }
  });
});
