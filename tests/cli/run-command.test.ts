// `saleready run` end to end: real shop, real k6, real files, through the real bin.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunSummary } from '../../harness/report/index.ts';
import { repoRoot, runCli } from '../helpers/run-cli.ts';
import { writeTinyScenario } from '../helpers/tiny-scenario.ts';

const work = mkdtempSync(join(tmpdir(), 'saleready-run-'));

/** 400 people for 200 units at k = 10: 40 people and 20 units, about 12 s of run time. */
function tinyScenario(name: string, targets: string): string {
  return writeTinyScenario(work, name, { people: 400, stock: 200, targets });
}

function onlyRunDir(outDir: string): string {
  const dirs = readdirSync(outDir);
  expect(dirs).toHaveLength(1);
  return join(outDir, dirs[0]!);
}

describe('saleready run', () => {
  it('writes a run folder whose counts equal the shop’s and whose percentiles equal k6’s own (±1%)', async () => {
    const out = join(work, 'pass');
    const result = await runCli(['run', tinyScenario('tiny-pass', '  latency: { checkout: { p95: 2000 } }\n  oversold: 0'), '--out', out, '--lang', 'en']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('✔ PASS');
    const runDir = onlyRunDir(out);
    for (const file of ['script.js', 'journey.js', 'people.json', 'k6-options.json', 'k6-raw.json.gz', 'summary.json', 'report.html', 'report.md', 'junit.xml']) {
      expect(existsSync(join(runDir, file)), file).toBe(true);
    }
    // Every person has an account of their own from the seeded pool, read by k6 as a SharedArray.
    const pool = JSON.parse(readFileSync(join(runDir, 'people.json'), 'utf8')) as { userId: string; address: string }[];
    expect(pool).toHaveLength(40);
    expect(new Set(pool.map((person) => person.userId)).size).toBe(40);
    expect(readFileSync(join(runDir, 'script.js'), 'utf8')).toContain("new SharedArray('people'");
    const summary = JSON.parse(readFileSync(join(runDir, 'summary.json'), 'utf8')) as RunSummary;
    const shop = summary.shop!;
    // Requests: k6 saw every request the shop answered (the shop leaves out /admin/*).
    expect(summary.requests.total).toBe(shop.requestsTotal);
    // Orders and admissions, as k6 counted them and as the shop did.
    const person = summary.actors.person!;
    expect(person.outcomes.bought).toBe(shop.ordersTotal);
    expect(summary.stock.unitsSold).toBe(shop.unitsSold);
    expect(person.admitted).toBe(shop.admittedTotal);
    expect(summary.stock.oversold).toBe(0);
    expect(summary.complete).toBe(true);

    // k6's own end-of-test summary (exact percentiles) against the ingest's histograms.
    const k6 = JSON.parse(readFileSync(join(runDir, 'summary-k6.json'), 'utf8')) as {
      metrics: Record<string, { values: Record<string, number> }>;
    };
    const k6Duration = k6.metrics.http_req_duration!.values;
    const checkout = summary.latencyByStep.find((step) => step.step === 'checkout')!;
    const k6Checkout = k6.metrics['http_req_duration{step:checkout}']!.values;
    expect(k6.metrics.http_reqs!.values.count).toBe(summary.requests.total);
    expect(checkout.p95! / k6Checkout['p(95)']!).toBeGreaterThan(0.99);
    expect(checkout.p95! / k6Checkout['p(95)']!).toBeLessThan(1.01);
    expect(k6Duration['p(95)']).toBeGreaterThan(0);
  });

  it('exits 1 with the impossible target marked failed in summary.json and junit.xml', async () => {
    const out = join(work, 'fail');
    const result = await runCli(['run', tinyScenario('tiny-fail', '  latency: { login: { p95: 0.001 } }'), '--out', out, '--lang', 'en']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('✘ FAIL');
    const runDir = onlyRunDir(out);
    const summary = JSON.parse(readFileSync(join(runDir, 'summary.json'), 'utf8')) as RunSummary;
    expect(summary.verdict).toBe('fail');
    expect(summary.targets.find((target) => target.id === 'latency.login.p95')?.verdict).toBe('fail');
    expect(readFileSync(join(runDir, 'junit.xml'), 'utf8')).toMatch(/<failure[^>]*latency\.login\.p95|latency\.login\.p95[\s\S]*<failure/);
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

  it('refuses a target outside this machine with exit 2', async () => {
    const result = await runCli(['run', join(repoRoot, 'scenarios', 'smoke.ts'), '--target', 'https://shop.example.com']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--allow-remote');
  });

  it('on Ctrl-C stops k6, keeps the partial data, marks the report incomplete and exits 4', async () => {
    const out = join(work, 'interrupted');
    const child = spawn(process.execPath, [join(repoRoot, 'bin', 'saleready.js'), 'run', tinyScenario('tiny-stop', '  oversold: 0'), '--out', out, '--lang', 'en'], {
      cwd: repoRoot,
    });
    let stdout = '';
    let sent = false;
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      // Interrupt once people are arriving (the second progress line).
      if (!sent && (stdout.match(/arrived/g) ?? []).length >= 2) {
        sent = true;
        child.kill('SIGINT');
      }
    });
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(sent).toBe(true);
    expect(code).toBe(4);
    const runDir = onlyRunDir(out);
    const summary = JSON.parse(readFileSync(join(runDir, 'summary.json'), 'utf8')) as RunSummary;
    expect(summary.complete).toBe(false);
    expect(summary.interruption).toMatch(/interrupted/);
    expect(summary.requests.total).toBeGreaterThan(0);
    expect(existsSync(join(runDir, 'k6-raw.json.gz'))).toBe(true);
    expect(readFileSync(join(runDir, 'report.html'), 'utf8')).toMatch(/incomplete|interrupted/i);
  });
});
