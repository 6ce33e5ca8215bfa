/**
 * The report of a distributed run, built from a real Artillery `--output` report: the cloud
 * test (compileCloudTest) run for real here by Artillery with the person engine against the
 * reference shop, its report then given the fields `run-fargate` adds to a merged report
 * (testId, metadata with count, region, cluster and versions, ensure), written the way
 * node_modules/artillery/lib/platform/aws-ecs/legacy/run-cluster.ts writes them. The summary
 * says where the load came from and how percentiles were measured, counts agree with the shop,
 * and targets are judged on the report's own figures (or inconclusive, with the reason).
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { startShop, type ShopStats } from '../../harness/shop/index.ts';
import { buildCloudRunSummary } from '../../harness/cli/cloud-run-report.ts';
import { writePeoplePool } from '../../harness/cli/write-people-pool.ts';
import {
  artilleryEnv,
  compileCloudTest,
  requireArtillery,
  splitPlan,
  writeCloudTest,
} from '../../harness/engine/index.ts';
import { writeAnalyzedReportFiles, parseRunSummary, type RunSummary } from '../../harness/report/index.ts';
import { compileTargets, parseScenario, planRun, type ScenarioInput } from '../../harness/scenario/index.ts';
import type { TargetSpec } from '../../harness/stats/index.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const work = useTempDir('cloud-report');

/** 40 people for 30 units at k = 1, arriving within 2 s, with targets of every kind the report can judge. */
const SCENARIO: ScenarioInput = {
  name: 'cloud-report',
  target: { shop: { admissionRatePerMinute: 6000 } },
  sale: { stock: 30, perPersonLimit: 1, durationMinutes: 6 / 60 },
  crowd: {
    people: 40,
    arrivals: {
      early: { share: 0.3, windowMinutes: 1 / 60 },
      burst: { share: 0.5, durationMinutes: 1 / 60 },
      tail: { durationMinutes: 0.5 / 60 },
    },
    patience: { kind: 'fixed', minutes: 5 / 60 },
  },
  behaviour: { pollIntervalSeconds: 0.1, thinkSeconds: 0.02 },
  timeScale: 1,
  targets: {
    latency: { checkout: { p95: 2000 } },
    errorRate: 0.01,
    queueWaitMinutes: { p95: 1 },
    servedShare: { stock: 0.99 },
    oversold: 0,
  },
};

/** What run-fargate adds to the report it writes (run-cluster.ts, `jsonReport`). */
const FARGATE_FIELDS = {
  testId: 't7xq2_example_test_run_id',
  metadata: {
    tags: [{ name: 'name', value: 'saleready cloud-report' }],
    count: 4,
    region: 'eu-west-1',
    cluster: 'artilleryio-cluster',
    artilleryVersion: { core: '2.0.34', pro: '2.0.34' },
  },
  ensure: [{ condition: 'saleready.response_time.checkout.p95 < 2000', success: true, strict: true }],
};

describe('the report of a distributed run, from a real Artillery report with run-fargate’s fields', () => {
  let summary: RunSummary;
  let stats: ShopStats;
  let targets: TargetSpec[];
  let reportPath: string;

  beforeAll(async () => {
    const artillery = await requireArtillery();
    const scenario = parseScenario(SCENARIO);
    const shop = await startShop(planRun(scenario).shop);
    try {
      const plan = planRun(scenario, { targetUrl: shop.url });
      await writePeoplePool(plan, work);
      const split = splitPlan(plan, 1);
      writeCloudTest(
        compileCloudTest(plan, split, { command: 'npx artillery run-fargate …', runnerName: 'AWS Fargate' }),
        work,
      );
      reportPath = join(work, 'artillery-report.json');
      const child = spawn(
        process.execPath,
        [artillery.binPath, 'run', '--target', shop.url, '--output', reportPath, join(work, 'test.yml')],
        {
          cwd: work,
          env: { ...artilleryEnv(process.env), SALEREADY_SHARE: '1' },
          stdio: 'ignore',
        },
      );
      const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
      const code = await new Promise((resolve) => child.once('close', resolve));
      clearTimeout(timer);
      expect(code).toBe(0);
      stats = shop.stats();
    } finally {
      await shop.close();
    }
    writeFileSync(
      reportPath,
      JSON.stringify({ ...JSON.parse(readFileSync(reportPath, 'utf8')), ...FARGATE_FIELDS }, null, 2),
    );
    targets = [
      ...compileTargets(scenario),
      {
        id: 'latency.login-endpoint.p95',
        description: '95% of logins under 1 s',
        descriptionKo: '로그인 95%가 1초 미만',
        metric: 'http_req_duration{name:/api/login}',
        stat: 'p95',
        op: '<',
        threshold: 1000,
        unit: 'ms',
      },
    ];
    const plan = planRun(scenario);
    ({ summary } = await buildCloudRunSummary({
      reportPath,
      scenarioName: 'cloud-report',
      plan,
      targets,
      runner: 'aws-fargate',
      region: 'us-east-1',
      workers: 2,
      split: splitPlan(plan, 1),
      targetUrl: 'https://shop.example.com',
      toolVersion: '0.0.0-test',
      artilleryVersion: artillery.version,
      exitCode: 0,
    }));
  }, 150_000);

  it('says where the load came from, from the report’s own metadata first', () => {
    const cloud = summary.scenario.cloud as Record<string, unknown>;
    expect(cloud).toMatchObject({
      runner: 'aws-fargate',
      command: 'artillery run-fargate',
      platform: 'AWS Fargate',
      region: 'eu-west-1',
      workers: 4,
      testRunId: FARGATE_FIELDS.testId,
      cluster: 'artilleryio-cluster',
    });
    expect(cloud.percentiles).toBe('Artillery’s merged DDSketch summaries (1% relative accuracy)');
    expect(summary.engine).toMatchObject({ name: 'artillery run-fargate', exitCode: 0 });
    expect(summary.target).toEqual({ url: 'https://shop.example.com', embedded: false });
  });

  it('counts exactly what the shop answered, and names no idle slot when the share fills every slot', () => {
    const report = JSON.parse(readFileSync(reportPath, 'utf8')) as { aggregate: { counters: Record<string, number> } };
    expect(summary.requests.total).toBe(report.aggregate.counters['http.requests']);
    expect(summary.requests.total).toBe(stats.requestsTotal);
    expect((summary.scenario.cloud as { idleSlots: number }).idleSlots).toBe(0);
  });

  it('judges the scenario’s targets on the report’s figures: units sold are the shop’s, waits in sale time', () => {
    const byId = new Map(summary.targets.map((target) => [target.id, target]));
    expect(stats.unitsSold).toBeGreaterThan(0);
    expect(byId.get('oversold')!.measured).toBe(stats.unitsSold);
    expect(byId.get('latency.checkout.p95')!.measured).toBeGreaterThan(0);
    expect(byId.get('served.stock')!.measured).toBe(stats.unitsSold);
    expect(byId.get('latency.checkout.p95')!.verdict).not.toBe('inconclusive');
    expect(byId.get('errors.rate')!.verdict).not.toBe('inconclusive');
    expect(byId.get('latency.login-endpoint.p95')).toMatchObject({ verdict: 'inconclusive' });
    expect(byId.get('latency.login-endpoint.p95')!.note).toContain('not judged on a distributed run');
    // a wait target is in sale time: the report's run-time p95 × k (k = 1 here) in minutes → ms scale
    const wait = byId.get(targets.find((target) => target.metric.startsWith('sr_queue_wait'))!.id)!;
    expect(wait.verdict).not.toBe('inconclusive');
  });

  it('writes a valid summary.json and a report whose method note names the runner, region, workers and DDSketch', async () => {
    const files = await writeAnalyzedReportFiles(work, summary, { lang: 'en' });
    const written = parseRunSummary(JSON.parse(readFileSync(files.summaryJson, 'utf8')), 'summary.json');
    expect(written.scenario.cloud).toBeDefined();
    const markdown = readFileSync(files.markdown, 'utf8');
    expect(markdown).toContain('Load from 4 workers of Artillery’s `run-fargate` on AWS Fargate in eu-west-1');
    expect(markdown).toContain('merged DDSketch summaries (1% relative accuracy)');
  });
});
