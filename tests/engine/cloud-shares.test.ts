/**
 * The test a distributed run hands to Artillery's AWS runners, run here by N Artillery
 * processes at once on the same files — what N cloud workers do — against the real reference
 * shop: each process claims its own share (SALEREADY_SHARE_CLAIMS, the engine's exact
 * create-only claim), and together they bring exactly the plan's people and bots, every account
 * once, each bot ring from one process, the spare phase slots idle; the shop's counts agree.
 * A worker that cannot tell its share stops with a sentence instead of running someone else's.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { startShop, type RunningShop } from '../../harness/shop/index.ts';
import {
  artilleryEnv,
  compileCloudTest,
  requireArtillery,
  splitPlan,
  wakeupsFor,
  writeCloudTest,
  type PlanSplit,
} from '../../harness/engine/index.ts';
import { followRecords, measure, type IngestResult } from '../../harness/results/index.ts';
import { parseScenario, planRun, type RunPlan, type ScenarioInput } from '../../harness/scenario/index.ts';
import { writePeoplePool } from '../../harness/cli/write-people-pool.ts';
import { freshDirIn, useTempDir } from '../helpers/temp-dir.ts';

const WORKERS = 3;
const work = useTempDir('cloud-shares');

/** 42 entries at k = 1: 30 people and 12 bots in 3 rings of 4, arriving within ~2 s; 100 units, 1 per person, 2 per address. */
const SCENARIO: ScenarioInput = {
  name: 'cloud-shares',
  target: { shop: { admissionRatePerMinute: 6000 } },
  sale: { stock: 100, perPersonLimit: 1, perAddressLimit: 2, durationMinutes: 6 / 60 },
  crowd: {
    people: 42,
    arrivals: {
      early: { share: 0.3, windowMinutes: 1 / 60 },
      burst: { share: 0.5, durationMinutes: 1 / 60 },
      tail: { durationMinutes: 1 / 60 },
    },
    patience: { kind: 'fixed', minutes: 5 / 60 },
  },
  behaviour: { pollIntervalSeconds: 0.1, thinkSeconds: 0.02 },
  bots: {
    count: 12,
    rings: { size: 4 },
    burstSeconds: 0.5,
    pollIntervalSeconds: 0.05,
    ticketsPerBot: 2,
    skipQueue: { checkoutWithoutToken: 0, replayToken: 0, forgedToken: 0 },
  },
  timeScale: 1,
};

interface WorkerProcess {
  readonly exitCode: number | null;
  readonly output: string;
}

function runArtilleryProcess(
  binPath: string,
  dir: string,
  target: string,
  env: NodeJS.ProcessEnv,
  report: string,
): Promise<WorkerProcess> {
  const child = spawn(
    process.execPath,
    [binPath, 'run', '--target', target, '--output', join(dir, report), join(dir, 'test.yml')],
    { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
  return new Promise((resolve) =>
    child.once('close', (exitCode) => {
      clearTimeout(timer);
      resolve({ exitCode, output });
    }),
  );
}

interface PersonLine {
  type: 'person';
  actor: string;
  userId: string;
  ring?: string;
  index: number;
}

describe(`the cloud test run by ${WORKERS} Artillery processes on the same files`, () => {
  let shop: RunningShop;
  let plan: RunPlan;
  let split: PlanSplit;
  let dir: string;
  let workers: WorkerProcess[];
  let ingest: IngestResult;
  let peopleByFile: Map<string, PersonLine[]>;
  let metaByFile: Map<string, { share?: { index: number; of: number } }>;
  let botRings: number[];

  beforeAll(async () => {
    const artillery = await requireArtillery();
    const scenario = parseScenario(SCENARIO);
    shop = await startShop(planRun(scenario).shop);
    try {
      plan = planRun(scenario, { targetUrl: shop.url });
      dir = freshDirIn(work, 'shares');
      await writePeoplePool(plan, dir);
      botRings = (JSON.parse(readFileSync(join(dir, 'bots.json'), 'utf8')) as { ring: number }[]).map(
        (bot) => bot.ring,
      );
      split = splitPlan(plan, WORKERS, { botRings });
      writeCloudTest(
        compileCloudTest(plan, split, {
          command: 'npx artillery run-fargate … (simulated by local processes)',
          runnerName: 'local processes',
        }),
        dir,
      );
      const env: NodeJS.ProcessEnv = { ...artilleryEnv(process.env), SALEREADY_SHARE_CLAIMS: join(dir, 'claims') };
      delete env.SALEREADY_SHARE;
      workers = await Promise.all(
        Array.from({ length: WORKERS }, (_, i) =>
          runArtilleryProcess(artillery.binPath, dir, shop.url, env, `report-${i + 1}.json`),
        ),
      );
      const follower = followRecords(join(dir, 'records'));
      await follower.read();
      ingest = follower.ingest.result;
      peopleByFile = new Map();
      metaByFile = new Map();
      for (const file of readdirSync(join(dir, 'records'))) {
        // the records' JSON lines (meta, series, person); numbers may come in short text lines
        const lines = readFileSync(join(dir, 'records', file), 'utf8')
          .split('\n')
          .filter((line) => line.startsWith('{'))
          .map((line) => JSON.parse(line));
        peopleByFile.set(
          file,
          lines.filter((line) => line.type === 'person'),
        );
        metaByFile.set(
          file,
          lines.find((line) => line.type === 'meta'),
        );
      }
    } finally {
      await shop.close();
    }
  }, 150_000);

  it('ends normally in every process, each with its own share claimed once', () => {
    for (const worker of workers) expect(worker.exitCode, worker.output.slice(-2000)).toBe(0);
    expect(readdirSync(join(dir, 'claims')).sort()).toEqual(['share-1', 'share-2', 'share-3']);
    const shares = [...metaByFile.values()].map((meta) => meta.share?.index).sort();
    expect(shares).toEqual([1, 2, 3]);
    for (const meta of metaByFile.values()) expect(meta.share?.of).toBe(WORKERS);
  });

  it('brings exactly the plan’s people and bots, every account once, from the pool', () => {
    const all = [...peopleByFile.values()].flat();
    expect(all.filter((person) => person.actor === 'person')).toHaveLength(plan.people);
    expect(all.filter((person) => person.actor === 'bot')).toHaveLength(plan.bots!.count);
    expect(new Set(all.map((person) => person.userId)).size).toBe(plan.people + plan.bots!.count);
    const pool = [
      ...JSON.parse(readFileSync(join(dir, 'people.json'), 'utf8')),
      ...JSON.parse(readFileSync(join(dir, 'bots.json'), 'utf8')),
    ] as { userId: string }[];
    expect(new Set(all.map((person) => person.userId))).toEqual(new Set(pool.map((account) => account.userId)));
    expect(measure(ingest, 'sr_arrivals{actor:person}', 'count')?.value).toBe(plan.people);
    expect(measure(ingest, 'sr_arrivals{actor:bot}', 'count')?.value).toBe(plan.bots!.count);
  });

  it('runs each bot ring from one process, the one its share names', () => {
    const processOfRing = new Map<string, string>();
    for (const [file, people] of peopleByFile) {
      const share = split.shares[metaByFile.get(file)!.share!.index - 1]!;
      for (const bot of people.filter((person) => person.actor === 'bot')) {
        expect(processOfRing.get(bot.ring!) ?? file, `ring ${bot.ring}`).toBe(file);
        processOfRing.set(bot.ring!, file);
        expect(share.botIndices).toContain(bot.index);
      }
    }
    expect(processOfRing.size).toBe(plan.bots!.rings);
  });

  it('leaves the spare slots idle, and every process’s requests are the shop’s', () => {
    const slots = split.slots.reduce((sum, value) => sum + value, 0);
    const reports = Array.from(
      { length: WORKERS },
      (_, i) =>
        JSON.parse(readFileSync(join(dir, `report-${i + 1}.json`), 'utf8')) as {
          aggregate: { counters: Record<string, number> };
        },
    );
    // every process is woken by the same phases: the start phase's wake-up, then each segment's
    const wakeups =
      1 + split.segments.reduce((sum, segment, s) => sum + wakeupsFor(split.slots[s]!, segment.durationMs), 0);
    for (const report of reports) expect(report.aggregate.counters['vusers.created']).toBe(wakeups);
    const idle = reports.reduce((sum, report) => sum + (report.aggregate.counters['saleready.idle_slots'] ?? 0), 0);
    expect(idle).toBe(WORKERS * slots - plan.people - plan.bots!.count);
    expect(measure(ingest, 'http_reqs', 'count')?.value).toBe(shop.stats().requestsTotal);
    expect(reports.reduce((sum, report) => sum + report.aggregate.counters['http.requests']!, 0)).toBe(
      shop.stats().requestsTotal,
    );
    expect(shop.stats().ordersByPerson.personsOverLimit).toBe(0);
    expect(shop.stats().unitsSold).toBeLessThanOrEqual(plan.stock);
  });
});

describe('a worker of a split test that cannot tell its share', () => {
  it('stops before any arrival, saying how to give it one', async () => {
    const artillery = await requireArtillery();
    const scenario = parseScenario(SCENARIO);
    const plan = planRun(scenario, { targetUrl: 'http://127.0.0.1:9' });
    const dir = freshDirIn(work, 'noshare');
    await writePeoplePool(plan, dir);
    writeCloudTest(
      compileCloudTest(plan, splitPlan(plan, 2), { command: 'npx artillery run-lambda …', runnerName: 'nowhere' }),
      dir,
    );
    const env = artilleryEnv(process.env);
    for (const name of [
      'SALEREADY_SHARE',
      'SALEREADY_SHARE_CLAIMS',
      'WORKER_ID',
      'ARTILLERY_TEST_RUN_ID',
      'ARTILLERY_S3_BUCKET',
      'S3_BUCKET_PATH',
    ])
      delete env[name];
    const worker = await runArtilleryProcess(artillery.binPath, dir, 'http://127.0.0.1:9', env, 'report.json');
    // Artillery would log a failed init and end 0 without this worker's load; the engine makes it a crashed worker (exit 11)
    expect(worker.exitCode).toBe(11);
    expect(worker.output).toContain('split into 2 shares, one per worker, and nothing says which this worker runs');
    expect(worker.output).not.toMatch(/ECONNREFUSED/);
  }, 60_000);
});

/** Whether this machine can run a process in a network namespace with only loopback. */
const isolated =
  spawnSync('unshare', ['-n', 'sh', '-c', 'ip link set lo up 2>/dev/null; exit 0'], { stdio: 'ignore' }).status === 0;

describe.skipIf(!isolated)(
  'a worker on Artillery’s AWS runners (its environment, inside a loopback-only network namespace)',
  () => {
    it('claims its share in the run’s S3 bucket with Artillery’s own SDK, and says which object it could not create', () => {
      const shareModule = join(
        import.meta.dirname,
        '..',
        '..',
        'harness',
        'engine',
        'artillery-engine-saleready',
        'share.js',
      );
      const script = `require(${JSON.stringify(shareModule)}).resolveShare(3).then((share) => console.log('claimed', share.index), (error) => console.log(error.message))`;
      const env: NodeJS.ProcessEnv = {
        PATH: process.env.PATH,
        HOME: work,
        // what a Fargate worker has (loadgen-worker, run-cluster.ts), with dummy keys and S3 on a closed loopback port
        WORKER_ID: 'a1b2c3d4e5f6',
        ARTILLERY_TEST_RUN_ID: 'tabcd_example',
        ARTILLERY_S3_BUCKET: 'artilleryio-test-data-eu-west-1-000000000000',
        SQS_REGION: 'eu-west-1',
        AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
        AWS_SECRET_ACCESS_KEY: 'dummy-secret',
        AWS_EC2_METADATA_DISABLED: 'true',
        AWS_ENDPOINT_URL: 'http://127.0.0.1:9',
      };
      const result = spawnSync(
        'unshare',
        [
          '-n',
          'sh',
          '-c',
          `ip link set lo up 2>/dev/null; exec "${process.execPath}" -e '${script.replace(/'/g, `'\\''`)}'`,
        ],
        { env, encoding: 'utf8', timeout: 60_000 },
      );
      expect(result.stdout, result.stderr).toContain(
        'saleready engine: could not claim share 1 at s3://artilleryio-test-data-eu-west-1-000000000000/test-runs/tabcd_example/saleready-shares/1',
      );
      expect(result.stdout).toContain('ECONNREFUSED');
    }, 90_000);
  },
);
