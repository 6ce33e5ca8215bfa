// `saleready users` and `saleready probe` through the real bin.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startShop, type RunningShop } from '../../harness/shop/index.ts';
import { runCli } from '../helpers/run-cli.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

describe('saleready users', () => {
  const dir = useTempDir('users');

  it('writes the same pool twice for one seed, with rings sharing one address', async () => {
    const args = ['users', '--people', '200', '--seed', '42', '--bot-share', '0.25', '--ring-size', '5'];
    const first = await runCli([...args, '--out', join(dir, 'a.json')]);
    const second = await runCli([...args, '--out', join(dir, 'b.json')]);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('wrote 200 accounts (50 bots in 10 rings)');
    expect(second.code).toBe(0);
    const a = readFileSync(join(dir, 'a.json'), 'utf8');
    expect(readFileSync(join(dir, 'b.json'), 'utf8')).toBe(a);
    const people = JSON.parse(a) as { actor: string; ring?: number; address: string }[];
    const ringAddresses = new Map<number, Set<string>>();
    for (const person of people.filter((p) => p.actor === 'bot')) {
      const set = ringAddresses.get(person.ring!) ?? new Set<string>();
      set.add(person.address);
      ringAddresses.set(person.ring!, set);
    }
    expect(ringAddresses.size).toBe(10);
    for (const addresses of ringAddresses.values()) expect(addresses.size).toBe(1);
  });

  it('exits 2 naming --bot-share when it is out of range', async () => {
    const result = await runCli(['users', '--people', '10', '--bot-share', '1.5']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--bot-share must be a number between 0 and 1, got "1.5"');
  });
});

describe('saleready probe', () => {
  let open: RunningShop;
  beforeAll(async () => {
    open = await startShop({
      admissionRatePerMinute: 6000,
      defences: { requireAdmissionToken: false, bindTokenToSession: false, perAddressLimit: false, ticketCap: false },
    });
  });
  afterAll(async () => {
    await open.close();
  });

  it('exits 0 against the embedded shop with every defence on', async () => {
    const result = await runCli(['probe', '--json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { highSeverityFailures: number; findings: { verdict: string }[] };
    expect(report.highSeverityFailures).toBe(0);
    expect(report.findings.every((finding) => finding.verdict === 'held')).toBe(true);
  });

  it('exits 1 and names the skipped queue against a shop with its defences off', async () => {
    const result = await runCli(['probe', '--target', open.url, '--lang', 'en']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('skip-queue');
    expect(result.stdout).toMatch(/bypassed/i);
  });
});
