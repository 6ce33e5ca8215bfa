// `saleready gate` end to end: real shop, real Artillery with saleready's person engine, the real
// bin; junit.xml checked by Chromium's XML parser.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findLatestBaseline, readRunSummary } from '../../harness/compare/index.ts';
import { useChromium } from '../helpers/chromium.ts';
import { runCli } from '../helpers/run-cli.ts';
import { GENEROUS_TARGETS, writeTinyScenario } from '../helpers/tiny-scenario.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const work = useTempDir('gate');
const out = join(work, 'reports');
const scenario = writeTinyScenario(work, 'tiny-gate', { people: 1200, stock: 1200, targets: GENEROUS_TARGETS });
const chromium = useChromium();

function runDirFrom(stdout: string): string {
  const match = /run (\S+)\n/.exec(stdout);
  expect(match, stdout).not.toBeNull();
  return join(process.cwd(), match![1]!);
}

describe('saleready gate', () => {
  let first = '';
  let second = '';

  it('passes on targets alone when there is no baseline yet, and says so', async () => {
    const result = await runCli(['gate', '--scenario', scenario, '--out', out, '--lang', 'en']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('gate: ✔ PASS');
    expect(result.stdout).toContain('no earlier passing run of scenario "tiny-gate"');
    first = runDirFrom(result.stdout);
    expect(existsSync(join(first, 'gate.md'))).toBe(true);
  });

  it('exits 0 against a passing baseline (latest), with one junit testcase per compared figure', async () => {
    const summaryFile = join(work, 'step-summary.md');
    const result = await runCli(
      ['gate', '--scenario', scenario, '--out', out, '--baseline', 'latest', '--lang', 'en'],
      {
        env: { ...process.env, GITHUB_STEP_SUMMARY: summaryFile },
      },
    );
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`\\(baseline \\S*${basename(first)}\\)`));
    const runDir = runDirFrom(result.stdout);
    second = runDir;
    const junit = await chromium.parseXml(readFileSync(join(runDir, 'junit.xml'), 'utf8'));
    expect(junit.error).toBeNull();
    expect(junit.failures).toEqual([]);
    expect(junit.suites.some((suite) => suite.name?.includes('vs baseline'))).toBe(true);
    expect(junit.testcases.length).toBeGreaterThan(20);
    expect(readFileSync(summaryFile, 'utf8')).toContain('## saleready gate: ✅ PASS — tiny-gate');
    expect(existsSync(join(runDir, 'compare.html'))).toBe(true);
  });

  it('exits 1 against a deliberately slowed shop, naming the regressed figure in a valid junit.xml and the step summary', async () => {
    const summaryFile = join(work, 'step-summary-slow.md');
    const result = await runCli(
      ['gate', '--scenario', scenario, '--out', out, '--baseline', first, '--set', 'service.s0Ms=40', '--lang', 'en'],
      {
        env: { ...process.env, GITHUB_STEP_SUMMARY: summaryFile },
      },
    );
    expect(result.code, result.stdout + result.stderr).toBe(1);
    expect(result.stdout).toContain('gate: ✘ FAIL');
    expect(result.stdout).toMatch(/regression vs baseline: latency\.checkout\.p95 — 95% of checkouts [\d.]+ ms slower/);
    const runDir = runDirFrom(result.stdout);
    const junit = await chromium.parseXml(readFileSync(join(runDir, 'junit.xml'), 'utf8'));
    expect(junit.error).toBeNull();
    expect(
      junit.failures.some((message) =>
        /^regression: latency\.checkout\.p95 \(95% of checkouts\) [\d.]+ ms slower .*\[[\d.]+ … [\d.]+ ms\]$/.test(
          message,
        ),
      ),
    ).toBe(true);
    const markdown = readFileSync(summaryFile, 'utf8');
    expect(markdown).toContain('## saleready gate: ❌ FAIL — tiny-gate');
    expect(markdown).toContain('regression vs baseline: latency.checkout.p95');
  });

  it('"latest" skips a run whose gate failed: the slowed run met its targets but regressed, so it never becomes the baseline', () => {
    expect(readdirSync(out)).toHaveLength(3);
    const newest = readRunSummary(second);
    const later = { ...newest, startedAt: '2999-01-01T00:00:00.000Z' };
    expect(findLatestBaseline(out, { dir: join(work, 'next'), summary: later })).toBe(second);
    // The second run's own baseline was the first, never itself.
    expect(findLatestBaseline(out, { dir: second, summary: newest })).toBe(join(out, basename(first)));
  });

  it('refuses a baseline of another scenario with exit 2 before running anything', async () => {
    const other = join(work, 'other.yaml');
    writeFileSync(other, readFileSync(scenario, 'utf8').replace('name: tiny-gate', 'name: other-gate'));
    const result = await runCli(['gate', '--scenario', other, '--out', join(work, 'other-out'), '--baseline', first]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('scenario "tiny-gate"');
    expect(existsSync(join(work, 'other-out'))).toBe(false);
  });
});
