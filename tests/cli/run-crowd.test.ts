// A small crowd with bots, a real browser and probes, through `saleready run` end to end: real
// shop, real Artillery with saleready's person engine, real Chromium (the full bot-storm
// scenario is tests/cli/bot-storm.test.ts).
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunSummary } from '../../harness/report/index.ts';
import { runCli } from '../helpers/run-cli.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const work = useTempDir('crowd');

/** 300 entries (a fifth bots, rings of 5) for 1,000 units at k = 10: 24 people, 6 bots, 100 units. */
function botScenario(name: string, options: { perAddressDefence: boolean; browsers: number; probes: boolean }): string {
  const path = join(work, `${name}.yaml`);
  writeFileSync(
    path,
    `name: ${name}
target:
  shop:
    admissionRatePerMinute: 3000
    maxActiveUsers: 400
    defences: { perAddressLimit: ${options.perAddressDefence} }
sale: { stock: 1000, perPersonLimit: 2, perAddressLimit: 2, durationMinutes: 2 }
crowd:
  people: 300
  arrivals:
    early: { share: 0.3, windowMinutes: 0.4 }
    burst: { share: 0.5, durationMinutes: 0.3 }
    tail: { durationMinutes: 0.5 }
  patience: { kind: fixed, minutes: 30 }
behaviour: { pollIntervalSeconds: 5, thinkSeconds: 1 }
bots: { share: 0.2, rings: { size: 5 }, burstSeconds: 5, pollIntervalSeconds: 1, ticketsPerBot: 2 }
browsers: ${options.browsers}
probes: ${options.probes}
timeScale: 10
targets:
  oversold: 0
`,
  );
  return path;
}

async function run(
  name: string,
  options: { perAddressDefence: boolean; browsers: number; probes: boolean },
): Promise<{ code: number; runDir: string; summary: RunSummary; stdout: string }> {
  const out = join(work, name);
  const result = await runCli(['run', botScenario(name, options), '--out', out, '--lang', 'en'], {
    timeoutMs: 180_000,
  });
  const runDir = join(out, readdirSync(out)[0]!);
  const summary = JSON.parse(readFileSync(join(runDir, 'summary.json'), 'utf8')) as RunSummary;
  return { code: result.code, runDir, summary, stdout: result.stdout + result.stderr };
}

describe('saleready run with bots, a browser and probes', () => {
  it('shows no bulk buying with the limit on, counts per actor that add up and equal the shop’s, a browser that bought, and probes that held', async () => {
    const { code, runDir, summary, stdout } = await run('bulk-on', {
      perAddressDefence: true,
      browsers: 1,
      probes: true,
    });
    expect(code, stdout).toBe(0);
    // All 24 people and 6 bot accounts arrived, each one virtual user of the person engine.
    expect(summary.actors.person!.arrivals).toBe(24);
    expect(summary.actors.bot!.arrivals).toBe(6);
    const bots = summary.crowd!.bots!;
    expect(bots.accounts).toBe(6);
    expect(bots.ringsOverAddressLimit).toBe(0);
    expect(summary.shop!['ordersByAddress.addressesOverLimit']).toBe(0);
    // The bots tried to skip the queue, and the shop refused every attempt.
    expect(Object.values(bots.bypass).reduce((sum, results) => sum + (results.refused ?? 0), 0)).toBeGreaterThan(0);
    expect(Object.values(bots.bypass).every((results) => (results.let_through ?? 0) === 0)).toBe(true);

    // Per actor: outcomes add up to arrivals, and orders equal what the shop counted per actor.
    for (const [actor, figures] of Object.entries(summary.actors)) {
      const ended = Object.values(figures.outcomes).reduce((sum, value) => sum + value, 0);
      expect(ended, actor).toBe(figures.arrivals);
      expect(figures.unitsBought, actor).toBe(summary.shop![`byActor.${actor}.units`] ?? 0);
    }
    const totalUnits = Object.values(summary.actors).reduce((sum, figures) => sum + figures.unitsBought, 0);
    const browserUnits = summary.shop!['byActor.browser.units'] ?? 0;
    expect(totalUnits + browserUnits).toBe(summary.stock.unitsSold);

    // The real browser reached the order confirmation during the load; its screenshots are embedded.
    const person = summary.browsers![0]!;
    expect(person.outcome).toBe('bought');
    expect(person.movedOnByItself).toBe(true);
    expect(person.screenshots.map((shot) => shot.step)).toEqual(['login', 'queue', 'product', 'result']);
    const html = readFileSync(join(runDir, 'report.html'), 'utf8');
    expect(html.match(/<img src="data:image\/(?:png|jpeg);base64,/g)?.length).toBe(4);
    expect(html).toContain('id="bulk-buying"');

    // Probes ran after the load against the same configuration, and every defence held.
    expect(summary.probes!.highSeverityFailures).toBe(0);
    expect(summary.probes!.findings.map((finding) => finding.id)).toEqual(
      expect.arrayContaining(['skip-queue', 'token-replay', 'bulk-address']),
    );
    expect(html).toContain('id="probes"');
  });
});
