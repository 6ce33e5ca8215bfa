// `saleready run` end to end: real shop, real Artillery with saleready's person engine, real
// files, through the real bin.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunSummary } from '../../harness/report/index.ts';
import { ingestEngineRecords, listRecordFiles, measure } from '../../harness/results/index.ts';
import { repoRoot, runCli } from '../helpers/run-cli.ts';
import { writeTinyScenario } from '../helpers/tiny-scenario.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const work = useTempDir('run');

/** 400 people for 200 units at k = 10: 40 people and 20 units, about 15 s of run time. */
function tinyScenario(name: string, targets: string): string {
  return writeTinyScenario(work, name, { people: 400, stock: 200, targets });
}

function onlyRunDir(outDir: string): string {
  const dirs = readdirSync(outDir);
  expect(dirs).toHaveLength(1);
  return join(outDir, dirs[0]!);
}

/** What Artillery's own `--output` report holds of a run (ENGINE.md): counters and rounded summaries. */
interface ArtilleryReport {
  aggregate: { counters: Record<string, number>; summaries: Record<string, { count: number; p95: number }> };
}

describe('saleready run', () => {
  it('writes a run folder whose counts equal the shop’s and whose checkout p95 equals Artillery’s own (±2%)', async () => {
    // 610 people for 610 units at k = 10: all 61 people buy, so there are exactly 61 checkouts
    // and the p95's 0-based rank 0.95 × (61 − 1) = 57 is a whole number. There saleready's
    // type-7 percentile (interpolating between ranks) and Artillery's DDSketch (the value at
    // rank ⌊0.95 (n − 1)⌋) read the same request, so they may differ only by their sketches'
    // accuracy: 1% each.
    const out = join(work, 'pass');
    const scenario = writeTinyScenario(work, 'tiny-pass', {
      people: 610,
      stock: 610,
      targets: '  latency: { checkout: { p95: 2000 } }\n  oversold: 0',
    });
    const result = await runCli(['run', scenario, '--out', out, '--lang', 'en']);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain('✔ PASS');
    const runDir = onlyRunDir(out);
    for (const file of [
      'test.yml',
      'plan.json',
      'shop-config.json',
      'people.json',
      'artillery-report.json',
      'artillery.log',
      'summary.json',
      'report.html',
      'report.md',
      'junit.xml',
    ]) {
      expect(existsSync(join(runDir, file)), file).toBe(true);
    }
    // k6's files are gone for good.
    for (const file of ['script.js', 'journey.js', 'k6-options.json', 'k6-raw.json.gz', 'summary-k6.json']) {
      expect(existsSync(join(runDir, file)), file).toBe(false);
    }
    // One records file per worker thread, compressed after the run.
    const records = await listRecordFiles(join(runDir, 'records'));
    expect(records.length).toBeGreaterThanOrEqual(1);
    expect(
      records.every((path) => /\/\d+-\d+\.ndjson\.gz$/.test(path)),
      records.join(', '),
    ).toBe(true);

    // Every person has an account of their own from the seeded pool, handed to the engine by the test.
    const pool = JSON.parse(readFileSync(join(runDir, 'people.json'), 'utf8')) as { userId: string; address: string }[];
    expect(pool).toHaveLength(61);
    expect(new Set(pool.map((person) => person.userId)).size).toBe(61);
    expect(readFileSync(join(runDir, 'test.yml'), 'utf8')).toContain('people: "people.json"');
    const engineRecords = await ingestEngineRecords(records);
    expect(engineRecords.people).toHaveLength(61);
    expect(new Set(engineRecords.people.map((person) => person.userId))).toEqual(
      new Set(pool.map((person) => person.userId)),
    );

    const summary = JSON.parse(readFileSync(join(runDir, 'summary.json'), 'utf8')) as RunSummary;
    expect(summary.schemaVersion).toBe(2);
    expect(summary.engine).toEqual({
      name: 'artillery',
      version: '2.0.34',
      exitCode: 0,
      personEngine: expect.stringMatching(/^saleready \d+\.\d+\.\d+$/),
    });
    const shop = summary.shop!;
    // Requests: the engine saw every request the shop answered (the shop leaves out /admin/*).
    expect(summary.requests.total).toBe(shop.requestsTotal);
    // Orders and admissions, as the engine counted them and as the shop did.
    const person = summary.actors.person!;
    expect(person.outcomes.bought).toBe(61);
    expect(person.outcomes.bought).toBe(shop.ordersTotal);
    expect(summary.stock.unitsSold).toBe(shop.unitsSold);
    expect(summary.stock.unitsSold).toBe(61);
    expect(summary.stock.unitsSoldSource).toBe('shop');
    expect(person.admitted).toBe(shop.admittedTotal);
    expect(summary.stock.oversold).toBe(0);
    expect(summary.complete).toBe(true);

    // Artillery's own report (its counters are exact; its summaries DDSketch, 1%, rounded to 0.1 ms).
    const artillery = JSON.parse(readFileSync(join(runDir, 'artillery-report.json'), 'utf8')) as ArtilleryReport;
    const counters = artillery.aggregate.counters;
    expect(counters['http.requests']).toBe(summary.requests.total);
    expect((counters['saleready.person.arrivals'] ?? 0) + (counters['saleready.bot.arrivals'] ?? 0)).toBe(61);
    // Artillery's virtual users are the person engine's wake-ups (the start phase's, then each phase's)
    const planJson = JSON.parse(readFileSync(join(runDir, 'plan.json'), 'utf8')) as {
      arrivalSegments: { wakeups: number }[];
    };
    expect(counters['vusers.created']).toBe(1 + planJson.arrivalSegments.reduce((sum, s) => sum + s.wakeups, 0));
    expect(counters['vusers.failed']).toBe(0);
    expect(counters['saleready.person.outcome.bought']).toBe(person.outcomes.bought);
    expect(counters['saleready.person.admitted']).toBe(person.admitted);
    expect(counters['saleready.person.units_bought']).toBe(summary.stock.unitsSold);
    const checkout = summary.latencyByStep.find((step) => step.step === 'checkout')!;
    const artilleryCheckout = artillery.aggregate.summaries['saleready.response_time.checkout']!;
    expect(checkout.count).toBe(61);
    expect(artilleryCheckout.count).toBe(61);
    // The records kept in the folder give the summary's p95 again.
    expect(measure(engineRecords.result, 'http_req_duration{step:checkout}', 'p95')!.value).toBeCloseTo(
      checkout.p95!,
      9,
    );
    // 2% for the two sketches, plus Artillery's rounding to 0.1 ms.
    const message = `saleready p95 ${checkout.p95} ms, Artillery p95 ${artilleryCheckout.p95} ms`;
    expect(Math.abs(checkout.p95! - artilleryCheckout.p95), message).toBeLessThanOrEqual(
      0.02 * artilleryCheckout.p95 + 0.05,
    );
    expect(artilleryCheckout.p95).toBeGreaterThan(0);
  });

  it('exits 1 with the impossible target marked failed in summary.json and junit.xml', async () => {
    const out = join(work, 'fail');
    const result = await runCli([
      'run',
      tinyScenario('tiny-fail', '  latency: { login: { p95: 0.001 } }'),
      '--out',
      out,
      '--lang',
      'en',
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('✘ FAIL');
    const runDir = onlyRunDir(out);
    const summary = JSON.parse(readFileSync(join(runDir, 'summary.json'), 'utf8')) as RunSummary;
    expect(summary.verdict).toBe('fail');
    expect(summary.targets.find((target) => target.id === 'latency.login.p95')?.verdict).toBe('fail');
    expect(readFileSync(join(runDir, 'junit.xml'), 'utf8')).toMatch(
      /<failure[^>]*latency\.login\.p95|latency\.login\.p95[\s\S]*<failure/,
    );
  });

  it('exits 2 naming the field of a bad scenario, without a stack trace or a run folder', async () => {
    const path = join(work, 'bad.yaml');
    writeFileSync(path, 'name: bad\nsale: { stock: 10 }\ncrowd: { people: -5 }\n');
    const out = join(work, 'bad-out');
    const result = await runCli(['run', path, '--out', out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('crowd.people');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses shop settings the shop would refuse at load, naming target.shop.… (exit 2, no run folder)', async () => {
    // the drift issue 11 reproduced: this passed the scenario's own loose copy of the shop's
    // schema and failed at run time, naming `faults.slowdowns.0.toMs` without `target.shop`
    const path = join(work, 'shop-drift.yaml');
    writeFileSync(
      path,
      [
        'name: shop-drift',
        'target:',
        '  shop: { secret: abc, seed: -1, faults: { slowdowns: [{ fromMs: 5000, toMs: 1000, factor: 2 }] } }',
        'sale: { stock: 10 }',
        'crowd:',
        '  people: 100',
        '  arrivals: { burst: { share: 1, durationMinutes: 1 }, tail: { durationMinutes: 0 } }',
        '  patience: { kind: fixed, minutes: 5 }',
        '',
      ].join('\n'),
    );
    const out = join(work, 'shop-drift-out');
    const result = await runCli(['run', path, '--out', out, '--lang', 'en']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('must be at least 16 characters (got "abc") → at target.shop.secret');
    expect(result.stderr).toContain('must be 0 or more (got -1) → at target.shop.seed');
    expect(result.stderr).toContain('must be greater than fromMs → at target.shop.faults.slowdowns.0.toMs');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a target outside this machine with exit 2', async () => {
    const result = await runCli([
      'run',
      join(repoRoot, 'scenarios', 'smoke.ts'),
      '--target',
      'https://shop.example.com',
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--allow-remote');
  });

  it('on Ctrl-C stops Artillery, keeps the records, marks the report incomplete and exits 4', async () => {
    const out = join(work, 'interrupted');
    const child = spawn(
      process.execPath,
      [
        join(repoRoot, 'bin', 'saleready.js'),
        'run',
        tinyScenario('tiny-stop', '  oversold: 0'),
        '--out',
        out,
        '--lang',
        'en',
      ],
      {
        cwd: repoRoot,
      },
    );
    let stdout = '';
    let stderr = '';
    let sent = false;
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      // Interrupt once people are arriving and their requests are in the records (a progress
      // line with some arrived and a p95), well before the last of the 40 arrives (9 s of
      // arrivals, then the sale runs to 15 s). Records are flushed every 0.5 s, and an
      // arrival may be flushed before its first request.
      if (!sent && /arrived [1-9].* p95 \d/.test(stdout)) {
        sent = true;
        child.kill('SIGINT');
      }
    });
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(sent, stdout + stderr).toBe(true);
    expect(code, stdout + stderr).toBe(4);
    expect(stderr).toContain('interrupted');
    const runDir = onlyRunDir(out);
    const summary = JSON.parse(readFileSync(join(runDir, 'summary.json'), 'utf8')) as RunSummary;
    expect(summary.complete).toBe(false);
    expect(summary.interruption).toMatch(/interrupted/);
    expect(summary.requests.total).toBeGreaterThan(0);
    // Artillery's own exit on SIGINT (ENGINE.md), as it ended.
    expect(summary.engine).toMatchObject({ name: 'artillery', exitCode: 130 });
    // Stopped before the end: not everyone of the 40 had arrived and left.
    const person = summary.actors.person!;
    const ended = Object.values(person.outcomes).reduce((sum, value) => sum + value, 0);
    expect(ended).toBeLessThan(40);
    // Artillery writes no report when stopped; the engine's records survive, compressed, and
    // hold exactly what the summary was built from.
    expect(existsSync(join(runDir, 'artillery-report.json'))).toBe(false);
    const records = await listRecordFiles(join(runDir, 'records'));
    expect(records.length).toBeGreaterThanOrEqual(1);
    expect(
      records.every((path) => path.endsWith('.ndjson.gz')),
      records.join(', '),
    ).toBe(true);
    const kept = await ingestEngineRecords(records);
    expect(measure(kept.result, 'http_reqs', 'count')?.value).toBe(summary.requests.total);
    expect(measure(kept.result, 'sr_arrivals', 'count')?.value).toBe(person.arrivals);
    expect(readFileSync(join(runDir, 'report.html'), 'utf8')).toMatch(/incomplete|interrupted/i);
  });
});
