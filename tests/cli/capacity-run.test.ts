// `saleready capacity` against the embedded shop, whose service-time law is known:
// S(N) = 20 ms · (1 + 0.02(N−1) + 0.0005·N(N−1)) per request, 3 requests per journey, so the
// truth is σ = 0.02, κ = 0.0005, λ = 1000/20/3 = 16.67 journeys/s, N* = √(0.98/0.0005) ≈ 44.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CapacityProfile } from '../../harness/capacity/index.ts';
import { runCli } from '../helpers/run-cli.ts';

describe('saleready capacity (closed-loop steps against the embedded shop)', () => {
  it('recovers the shop’s σ and κ and writes a profile a sale plan can read', async () => {
    const result = await runCli(['capacity', '--step-seconds', '3', '--json'], { timeoutMs: 240_000 });
    expect(result.code).toBe(0);
    const profilePath = /profile: (.+capacity-profile\.json)/.exec(result.stdout)?.[1];
    expect(profilePath).toBeDefined();
    const profile = JSON.parse(readFileSync(profilePath!, 'utf8')) as CapacityProfile;
    expect(profile.steps.map((step) => step.load)).toEqual([1, 2, 4, 8, 16, 24, 32, 48, 64]);
    const fit = profile.fit!;
    // Tolerances: Node timers add up to ~1 ms per request and k6 shares the two cores, so σ
    // is held to ±0.015 absolute, κ to ±50% and λ to ±10% of the law's true values.
    expect(Math.abs(fit.sigma - 0.02)).toBeLessThan(0.015);
    expect(fit.kappa).toBeGreaterThan(0.00025);
    expect(fit.kappa).toBeLessThan(0.00075);
    expect(fit.lambda).toBeGreaterThan(15);
    expect(fit.lambda).toBeLessThan(18.4);
    expect(fit.peakLoad).toBeGreaterThan(30);
    expect(fit.peakLoad).toBeLessThan(60);
    expect(profile.peoplePerMinute).toBeGreaterThan(0);
    expect(profile.peoplePerMinute).toBeCloseTo(profile.throughputAtMaxLoad! * 60, 6);
    // The report beside it: throughput and latency charts rendered offline.
    const html = readFileSync(profilePath!.replace('capacity-profile.json', 'capacity-report.html'), 'utf8');
    expect(html.match(/<svg/g)?.length).toBe(2);
    expect(html).toContain('Highest load meeting the targets');
  });

  it('stops by itself once latency is clearly past the target', async () => {
    const result = await runCli(['capacity', '--loads', '1,8,32,64', '--step-seconds', '2', '--latency-p95', '30'], {
      timeoutMs: 120_000,
    });
    expect(result.code).toBe(0);
    // p95 at load 32 is S(32) ≈ 20·(1 + 0.62 + 0.496) ≈ 42 ms > 30 ms: load 64 is never run.
    expect(result.stdout).toContain('load   32:');
    expect(result.stdout).not.toContain('load   64:');
    expect(result.stdout).toMatch(/clearly past the targets/);
  });

  it('exits 2 naming a bad flag', async () => {
    const result = await runCli(['capacity', '--journey', 'dance']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--journey step "dance"');
  });
});
