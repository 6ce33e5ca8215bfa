/**
 * Fault: the shop under test dies mid-run (issue 12, fault tests). A `saleready shop` started
 * in a child process is the --target; it is killed (SIGKILL) while people are queuing. The
 * run goes on to its end, ends as documented — exit 1, the error-rate target missed — and the
 * report says what happened: from when the shop stopped answering, and how many requests
 * found nobody there. What was measured before is all there.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestEngineRecords, listRecordFiles, measure } from '../../harness/results/index.ts';
import type { RunSummary } from '../../harness/report/index.ts';
import { repoRoot } from '../helpers/run-cli.ts';
import { startRun } from './fault-run.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const work = useTempDir('fault-shop');

describe('fault: the shop killed mid-run', () => {
  it('the run ends at its time with exit 1; the report names when the target stopped answering', async () => {
    const shop = spawn(
      process.execPath,
      [
        join(repoRoot, 'bin', 'saleready.js'),
        'shop',
        '--port',
        '0',
        '--set',
        'admissionRatePerMinute=1200',
        '--set',
        'maxActiveUsers=400',
        '--set',
        'stock=100000',
      ],
      {
        cwd: repoRoot,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let shopOut = '';
    shop.stdout.on('data', (chunk: Buffer) => (shopOut += chunk.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`shop did not start: ${shopOut}`)), 30_000);
      shop.stdout.on('data', () => {
        const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(shopOut);
        if (match) (clearTimeout(timer), resolve(match[1]!));
      });
    });
    const scenario = join(work, 'shop-dies.yaml');
    writeFileSync(
      scenario,
      `name: shop-dies
sale: { stock: 400, perPersonLimit: 1, durationMinutes: 2 }
crowd:
  people: 400
  arrivals:
    early: { share: 0.2, windowMinutes: 0.5 }
    burst: { share: 0.6, durationMinutes: 0.5 }
    tail: { durationMinutes: 0.5 }
  patience: { kind: fixed, minutes: 30 }
behaviour: { pollIntervalSeconds: 5, thinkSeconds: 1 }
timeScale: 10
targets:
  errorRate: 0.05
`,
    );
    const out = join(work, 'reports');
    const run = startRun(['run', scenario, '--target', url, '--out', out, '--lang', 'en']);
    await run.waitFor(/arrived [1-9]\d/);
    shop.kill('SIGKILL');
    await once(shop, 'exit');
    const { code, stdout, stderr } = await run.ended;
    expect(code, stdout + stderr).toBe(1);
    expect(stderr).not.toMatch(/unexpected failure|\n\s+at /);
    const [name] = readdirSync(out);
    const runDir = join(out, name!);
    const summary = JSON.parse(readFileSync(join(runDir, 'summary.json'), 'utf8')) as RunSummary;
    expect(summary.complete).toBe(true);
    expect(summary.targets.find((target) => target.id === 'errors.rate')?.verdict).toBe('fail');
    // The report says what happened, on screen and in report.md.
    const said = /stopped answering .*at \d+:\d\d/;
    expect(stdout).toMatch(said);
    expect(readFileSync(join(runDir, 'report.md'), 'utf8')).toMatch(said);
    // Nothing measured is lost: the records hold every request the summary counts, answered or not.
    const kept = await ingestEngineRecords(await listRecordFiles(join(runDir, 'records')));
    expect(measure(kept.result, 'http_reqs', 'count')?.value).toBe(summary.requests.total);
    expect(measure(kept.result, 'http_reqs{status:0}', 'count')?.value ?? 0).toBeGreaterThan(0);
  });
});
