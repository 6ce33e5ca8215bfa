/**
 * Fault: the load engine (Artillery, its own process group) killed mid-run, as an OOM killer
 * or an operator would (issue 12, Medium 6). The run ends as interrupted — exit 4 — with an
 * incomplete report that names the signal, and the engine's records kept and equal to what
 * the report was built from.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestEngineRecords, listRecordFiles, measure } from '../../harness/results/index.ts';
import type { RunSummary } from '../../harness/report/index.ts';
import { writeTinyScenario } from '../helpers/tiny-scenario.ts';
import { crowdArtillery, startRun } from './fault-run.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const work = useTempDir('fault-engine');

describe('fault: the engine killed mid-run', () => {
  it('SIGKILL to Artillery’s process group: exit 4, an incomplete report naming SIGKILL, the records kept', async () => {
    const scenario = writeTinyScenario(work, 'engine-killed', {
      people: 400,
      stock: 40,
      targets: '  oversold: 0\n  servedShare: { stock: 0.9 }',
    });
    const out = join(work, 'reports');
    const run = startRun(['run', scenario, '--out', out, '--lang', 'en']);
    // requests answered and recorded (the progress line's p95 comes from the records), not only arrivals
    await run.waitFor(/arrived [1-9].*p95 [\d.]+ ms/);
    const artillery = crowdArtillery(run.child.pid!);
    expect(artillery, run.output()).not.toBeNull();
    expect(artillery!.pgid, 'Artillery runs in its own process group').toBe(artillery!.pid);
    process.kill(-artillery!.pgid, 'SIGKILL');
    const { code, stdout, stderr } = await run.ended;
    expect(code, stdout + stderr).toBe(4);
    expect(stderr).not.toMatch(/unexpected failure|\n\s+at /);
    const [name] = readdirSync(out);
    const runDir = join(out, name!);
    const summary = JSON.parse(readFileSync(join(runDir, 'summary.json'), 'utf8')) as RunSummary;
    expect(summary.complete).toBe(false);
    expect(summary.interruption).toMatch(/SIGKILL/);
    expect(stdout).toMatch(/SIGKILL/);
    // A cut-short run cannot sell its whole stock: that target is inconclusive, not failed.
    expect(summary.targets.find((target) => target.id === 'served.stock')?.verdict).toBe('inconclusive');
    expect(readFileSync(join(runDir, 'report.md'), 'utf8')).toMatch(/SIGKILL/);
    // … in JUnit too: the stock-sold case is skipped (inconclusive), not a failure.
    const junit = readFileSync(join(runDir, 'junit.xml'), 'utf8');
    const stockCase = /<testcase[^>]*served\.stock[\s\S]*?<\/testcase>/.exec(junit)?.[0] ?? '';
    expect(stockCase, junit).not.toBe('');
    expect(stockCase).not.toContain('<failure');
    const kept = await ingestEngineRecords(await listRecordFiles(join(runDir, 'records')));
    expect(measure(kept.result, 'http_reqs', 'count')?.value).toBe(summary.requests.total);
    expect(summary.requests.total).toBeGreaterThan(0);
  });
});
