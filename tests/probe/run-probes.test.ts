import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startShop } from '../../harness/shop/index.ts';
import type { RunningShop } from '../../harness/shop/index.ts';
import { EnvironmentError, UsageError } from '../../harness/errors.ts';
import { runProbes } from '../../harness/probe/index.ts';
import type { ProbeFinding, ProbeId, ProbeReport } from '../../harness/probe/index.ts';

// Fast admission (1000 people/s) so that every probe is admitted within a tick (50 ms).
const fast = { admissionRatePerMinute: 60_000 };
const allOff = { requireAdmissionToken: false, bindTokenToSession: false, perAddressLimit: false, ticketCap: false };

function finding(report: ProbeReport, id: ProbeId): ProbeFinding {
  const found = report.findings.find((item) => item.id === id);
  if (!found) throw new Error(`no finding ${id}`);
  return found;
}

let shop: RunningShop;
beforeAll(async () => {
  shop = await startShop(fast);
});
afterAll(() => shop.close());

describe('runProbes against the reference shop with every defence off', () => {
  let report: ProbeReport;
  beforeAll(async () => {
    await shop.reset({ ...fast, defences: allOff });
    report = await runProbes({ targetUrl: shop.url });
  });

  it('reports every queue bypass with the request that proved it', () => {
    const expected: [ProbeId, string, string][] = [
      ['skip-queue', 'POST', '/api/checkout'],
      ['token-replay', 'POST', '/api/checkout'],
      ['forged-token', 'GET', '/api/product'],
      ['bulk-address', 'POST', '/api/checkout'],
      ['ticket-cap', 'POST', '/api/queue/join'],
    ];
    for (const [id, method, path] of expected) {
      const result = finding(report, id);
      expect(result, id).toMatchObject({ passed: false, verdict: 'bypassed', evidence: { method, path, status: 200 } });
      expect(result.fix.en.length, id).toBeGreaterThan(20);
      expect(result.fix.ko, id).toMatch(/[\uAC00-\uD7A3]/);
      expect(result.title.ko, id).toMatch(/[\uAC00-\uD7A3]/);
    }
    expect(finding(report, 'skip-queue').evidence?.bodyExcerpt).toContain('orderId');
    expect(finding(report, 'ticket-cap').severity).toBe('medium');
  });

  it('counts the high-severity bypasses', () => {
    expect(report.highSeverityFailures).toBe(4);
    expect(report.inconclusive).toBe(0);
    expect(report.target).toBe(shop.url);
  });

  it('finds the per-person limit, which has no switch, still holding', () => {
    expect(finding(report, 'person-limit')).toMatchObject({ passed: true, verdict: 'held', evidence: { status: 409 } });
    expect(finding(report, 'person-limit').evidence?.bodyExcerpt).toContain('person_limit');
  });

  it('bought exactly what the attacks claim: 3 units to the shared address, 1 with no queue, 1 replayed', async () => {
    const stats = (await (await fetch(`${shop.url}/admin/stats`)).json()) as {
      ordersByAddress: { max: number };
      byActor: Record<string, { units: number }>;
    };
    expect(stats.ordersByAddress.max).toBe(3);
    // skip-queue 1, token-replay 1, bulk-address 3, person-limit 1 (within its limit).
    expect(stats.byActor.probe?.units).toBe(6);
  });
});

describe('runProbes against the reference shop with every defence on', () => {
  it('finds every defence holding, each with the refusal as evidence', async () => {
    await shop.reset(fast);
    const report = await runProbes({ targetUrl: shop.url });
    for (const result of report.findings) expect(result, result.id).toMatchObject({ passed: true, verdict: 'held' });
    expect(report.highSeverityFailures).toBe(0);
    expect(finding(report, 'skip-queue').evidence?.bodyExcerpt).toContain('no_admission');
    expect(finding(report, 'token-replay').evidence?.bodyExcerpt).toContain('token_session_mismatch');
    expect(finding(report, 'forged-token').evidence).toMatchObject({ status: 403 });
    expect(finding(report, 'forged-token').evidence?.bodyExcerpt).toContain('token_invalid');
    expect(finding(report, 'bulk-address').evidence?.bodyExcerpt).toContain('address_limit');
    expect(finding(report, 'ticket-cap').evidence?.bodyExcerpt).toContain('"reused":true');
  });
});

describe('runProbes with tokens required but not bound to the session', () => {
  it('refuses forged tokens (HMAC) while a replayed genuine token gets through', async () => {
    await shop.reset({ ...fast, defences: { ...allOff, requireAdmissionToken: true } });
    const report = await runProbes({ targetUrl: shop.url, probes: ['skip-queue', 'forged-token', 'token-replay'] });
    expect(report.findings.map((item) => item.id)).toEqual(['skip-queue', 'forged-token', 'token-replay']);
    expect(finding(report, 'skip-queue').verdict).toBe('held');
    expect(finding(report, 'forged-token')).toMatchObject({ verdict: 'held', evidence: { status: 403 } });
    expect(finding(report, 'token-replay')).toMatchObject({
      verdict: 'bypassed',
      evidence: { path: '/api/checkout', status: 200 },
    });
    expect(finding(report, 'token-replay').observed.en).toContain("session A's admission token");
    expect(report.highSeverityFailures).toBe(1);
  });
});

describe('runProbes person-limit', () => {
  it('reports an order past the limit it was told to check (shop allows 2, probe checks 1)', async () => {
    await shop.reset({ ...fast, perPersonLimit: 2 });
    const report = await runProbes({ targetUrl: shop.url, probes: ['person-limit'], limits: { perPerson: 1 } });
    expect(finding(report, 'person-limit')).toMatchObject({
      verdict: 'bypassed',
      evidence: { path: '/api/checkout', status: 200 },
    });
    expect(finding(report, 'person-limit').evidence?.sent).toContain('"quantity":2');
  });
});

describe('runProbes limits', () => {
  it('calls an inconclusive probe inconclusive, within its time budget, when admission is too slow', async () => {
    await shop.reset({ admissionRatePerMinute: 1 });
    const started = Date.now();
    const report = await runProbes({ targetUrl: shop.url, probes: ['token-replay'], probeTimeoutMs: 1_000 });
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(finding(report, 'token-replay')).toMatchObject({ passed: false, verdict: 'inconclusive' });
    expect(finding(report, 'token-replay').observed.en).toContain('No admission');
    expect(report).toMatchObject({ highSeverityFailures: 0, inconclusive: 1 });
  });

  it('sends every request through fetchImpl, labelled as the probe actor', async () => {
    await shop.reset(fast);
    const seen: string[] = [];
    await runProbes({
      targetUrl: `${shop.url}/`,
      probes: ['ticket-cap'],
      fetchImpl: (input, init) => {
        seen.push(
          `${init?.method ?? 'GET'} ${new URL(input).pathname} ${new Headers(init?.headers).get('x-actor') ?? '-'}`,
        );
        return fetch(input, init);
      },
    });
    expect(seen[0]).toBe('GET /healthz -');
    expect(seen.slice(1)).toEqual([
      'POST /api/login probe',
      'POST /api/queue/join probe',
      'POST /api/queue/join probe',
      'POST /api/queue/join probe',
    ]);
  });

  it('refuses a remote target, a bad URL and an unknown probe with a UsageError', async () => {
    await expect(runProbes({ targetUrl: 'https://shop.example.com' })).rejects.toThrow(UsageError);
    await expect(runProbes({ targetUrl: 'https://shop.example.com' })).rejects.toThrow(/--allow-remote/);
    await expect(runProbes({ targetUrl: 'not a url' })).rejects.toThrow(/--target must be an http\(s\) URL/);
    await expect(runProbes({ targetUrl: shop.url, probes: ['skip-queue', 'nope' as ProbeId] })).rejects.toThrow(
      /unknown probe "nope"/,
    );
    await expect(runProbes({ targetUrl: shop.url, limits: { perAddress: 0 } })).rejects.toThrow(
      /limits.perAddress must be/,
    );
  });

  it('reports an unreachable target as an EnvironmentError', async () => {
    const gone = await startShop();
    const url = gone.url;
    await gone.close();
    await expect(runProbes({ targetUrl: url })).rejects.toThrow(EnvironmentError);
  });
});
