// The ready bot-storm scenario end to end on Artillery with saleready's person engine (about
// 40 s a run): per-actor breakdown, browser screenshots and probe findings in the report, and
// bulk buying only without the per-address limit.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunSummary } from '../../harness/report/index.ts';
import { repoRoot, runCli } from '../helpers/run-cli.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const work = useTempDir('bot-storm');

async function botStorm(
  name: string,
  extra: string[],
  scenario = join(repoRoot, 'scenarios', 'bot-storm.ts'),
): Promise<{ code: number; runDir: string; summary: RunSummary; output: string }> {
  const out = join(work, name);
  const result = await runCli(['run', scenario, '--out', out, '--lang', 'en', ...extra], { timeoutMs: 240_000 });
  const runDir = join(out, readdirSync(out)[0]!);
  return {
    code: result.code,
    runDir,
    summary: JSON.parse(readFileSync(join(runDir, 'summary.json'), 'utf8')) as RunSummary,
    output: result.stdout + result.stderr,
  };
}

describe('scenarios/bot-storm.ts', () => {
  it('reports per actor, with two browsers that queued, probes that held and no bulk buying', async () => {
    const { code, runDir, summary, output } = await botStorm('defended', []);
    // Every defence target holds. The latency targets are judged on ~25 checkouts measured while
    // two Chromiums and another test file share the two cores (one clean-clone run: checkout p95
    // 550 ms against 500), so a missed latency target may make the verdict FAIL (exit 1), nothing else.
    const missed = summary.targets.filter((target) => target.verdict === 'fail').map((target) => target.id);
    expect(
      missed.filter((id) => !id.startsWith('latency.')),
      output,
    ).toEqual([]);
    expect(code, output).toBe(missed.length === 0 ? 0 : 1);
    expect(Object.keys(summary.actors).sort()).toEqual(['bot', 'person']);
    const bots = summary.crowd!.bots!;
    expect(bots.accounts).toBe(30); // 20% of 6,000 entries ÷ 40
    expect(bots.ringsOverAddressLimit).toBe(0);
    expect(summary.shop!['ordersByAddress.addressesOverLimit']).toBe(0);
    // Every attempt to skip the queue was refused by the defended shop.
    const letThrough = Object.values(bots.bypass).reduce((sum, results) => sum + (results.let_through ?? 0), 0);
    expect(letThrough).toBe(0);
    // Per-actor counts add up to the totals and equal the shop's.
    for (const [actor, figures] of Object.entries(summary.actors)) {
      expect(
        Object.values(figures.outcomes).reduce((sum, value) => sum + value, 0),
        actor,
      ).toBe(figures.arrivals);
      expect(figures.unitsBought, actor).toBe(summary.shop![`byActor.${actor}.units`] ?? 0);
    }
    expect(summary.browsers).toHaveLength(2);
    // Each browser got a place in the queue and its journey ended without an error; whether it
    // then bought, found the sale sold out or was still queued depends on how fast the bots and
    // admitted-then-absent people use up the 25 units and the active places (it varies run to run).
    for (const browser of summary.browsers!) {
      expect(browser.queueShownMs, browser.person).toBeGreaterThan(0);
      expect(['bought', 'sold_out', 'stuck_in_queue'], `${browser.person}: ${browser.message}`).toContain(
        browser.outcome,
      );
    }
    const html = readFileSync(join(runDir, 'report.html'), 'utf8');
    const shots = summary.browsers!.reduce((sum, person) => sum + person.screenshots.length, 0);
    expect(shots).toBeGreaterThanOrEqual(6);
    expect(html.match(/<img src="data:image\/(?:png|jpeg);base64,/g)?.length).toBe(shots);
    expect(summary.probes!.findings).toHaveLength(6);
    expect(summary.probes!.highSeverityFailures).toBe(0);
    expect(html).toContain('id="probes"');
    expect(html).toContain('id="outcomes"');
  });

  it('shows bulk buying in the counts when the per-address limit is switched off', async () => {
    // the same sale without the two browsers and the probes, which this test does not look at
    const crowdOnly = join(work, 'bot-storm-crowd-only.ts');
    writeFileSync(
      crowdOnly,
      `import botStorm from ${JSON.stringify(join(repoRoot, 'scenarios', 'bot-storm.ts'))};\n` +
        'export default { ...botStorm, browsers: 0, probes: false };\n',
    );
    const { summary } = await botStorm('undefended', ['--set', 'defences.perAddressLimit=false'], crowdOnly);
    expect(summary.browsers ?? []).toHaveLength(0);
    const bots = summary.crowd!.bots!;
    expect(bots.ringsOverAddressLimit).toBeGreaterThan(0);
    expect(bots.unitsOverAddressLimit).toBeGreaterThan(0);
    expect(summary.shop!['ordersByAddress.addressesOverLimit']).toBeGreaterThan(0);
  });
});
