/**
 * Ctrl-C as a terminal sends it: SIGINT to saleready's whole process group (issue 12, Medium 7
 * and 12). Artillery runs in a group of its own, so only saleready's one forwarded SIGINT
 * reaches it; a second copy of the same Ctrl-C (npx or a wrapper script forwarding it) does
 * not force an exit without a report; and a Ctrl-C before Artillery has even started still
 * ends in exit 4. The report then agrees with the shop: the units it says were sold are the
 * shop's, and the people who bought are accounted for.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunSummary } from '../../harness/report/index.ts';
import { writeTinyScenario } from '../helpers/tiny-scenario.ts';
import { crowdArtillery, startRun } from './fault-run.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const work = useTempDir('fault-interrupt');

function onlySummary(out: string): { runDir: string; summary: RunSummary } {
  const names = readdirSync(out);
  expect(names).toHaveLength(1);
  const runDir = join(out, names[0]!);
  return { runDir, summary: JSON.parse(readFileSync(join(runDir, 'summary.json'), 'utf8')) as RunSummary };
}

describe('Ctrl-C at a terminal', () => {
  it('mid-run, delivered twice within a moment (terminal + wrapper): one stop, exit 4, a report that agrees with the shop', async () => {
    const scenario = writeTinyScenario(work, 'ctrl-c', { people: 400, stock: 40, targets: '  oversold: 0' });
    const out = join(work, 'mid-run');
    const run = startRun(['run', scenario, '--out', out, '--lang', 'en']);
    await run.waitFor(/bought [1-9]/);
    const artillery = crowdArtillery(run.child.pid!);
    expect(artillery?.pgid, 'Artillery is outside saleready’s process group').not.toBe(run.child.pid);
    process.kill(-run.child.pid!, 'SIGINT');
    await new Promise((resolve) => setTimeout(resolve, 50));
    process.kill(-run.child.pid!, 'SIGINT');
    const { code, stdout, stderr } = await run.ended;
    expect(code, stdout + stderr).toBe(4);
    expect(stderr.match(/interrupted: stopping/g), stderr).toHaveLength(1);
    const { summary } = onlySummary(out);
    expect(summary.complete).toBe(false);
    expect(summary.stock.unitsSoldSource).toBe('shop');
    const boughtByEngine = Object.values(summary.actors).reduce((sum, actor) => sum + actor.unitsBought, 0);
    // Units the shop sold but whose answer the engine could not record before it stopped are said, not hidden.
    const unrecorded = summary.stock.unitsSold - boughtByEngine;
    expect(unrecorded).toBeGreaterThanOrEqual(0);
    if (unrecorded > 0) expect(summary.interruption).toMatch(new RegExp(`${unrecorded} unit`));
    expect(stdout).toMatch(new RegExp(`Units sold ${summary.stock.unitsSold}\\b`, 'i'));
  });

  it('in the first moments, before Artillery starts: exit 4 (not 3 or 130), nothing half-judged', async () => {
    const scenario = writeTinyScenario(work, 'early-ctrl-c', { people: 40, stock: 4, targets: '  oversold: 0' });
    for (const delayMs of [300, 1200]) {
      const out = join(work, `early-${delayMs}`);
      const run = startRun(['run', scenario, '--out', out, '--lang', 'en']);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      process.kill(-run.child.pid!, 'SIGINT');
      const { code, stdout, stderr } = await run.ended;
      expect(code, `after ${delayMs} ms: ${stdout}${stderr}`).toBe(4);
      expect(stderr).toMatch(/interrupted/);
      expect(stderr).not.toMatch(/unexpected failure|\n\s+at /);
    }
  });
});
