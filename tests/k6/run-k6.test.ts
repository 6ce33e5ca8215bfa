/**
 * Real k6 runs of tiny scenarios (a few seconds each) against the real reference shop: the
 * shop's own counts must equal the k6 metric counts from the summary, and the crowd
 * behaviours (ticket expiry, session expiry with requeue, sold out) must show up exactly
 * when the shop and scenario are configured to cause them.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startShop, type RunningShop } from '../../fixtures/shop/index.ts';
import { EnvironmentError, UsageError } from '../../harness/errors.ts';
import { compileScenario, requireK6, runK6, writeCompiledScenario, type K6Binary, type K6Progress } from '../../harness/k6/index.ts';
import { parseScenario, planRun, type ScenarioInput } from '../../harness/scenario/index.ts';

let k6: K6Binary;
const dirs: string[] = [];
beforeAll(async () => {
  k6 = await requireK6();
});
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

type Summary = { metrics: Record<string, { values: Record<string, number> }> };
const count = (summary: Summary, metric: string): number => summary.metrics[metric]?.values.count ?? 0;

/** A tiny real-time (k = 1) scenario: `people` arrive within 1 s, poll every 100 ms. */
function tiny(overrides: { people?: number; stock?: number; shop?: Record<string, unknown>; behaviour?: Record<string, unknown>; patienceSeconds?: number; saleSeconds?: number }): ScenarioInput {
  return {
    name: 'tiny',
    target: { shop: { admissionRatePerMinute: 600, ...overrides.shop } },
    sale: { stock: overrides.stock ?? 100, perPersonLimit: 1, perAddressLimit: 1, durationMinutes: (overrides.saleSeconds ?? 8) / 60 },
    crowd: {
      people: overrides.people ?? 10,
      arrivals: { burst: { share: 1, durationMinutes: 1 / 60 }, tail: { durationMinutes: 0 } },
      patience: { kind: 'fixed', minutes: (overrides.patienceSeconds ?? 7) / 60 },
    },
    behaviour: { pollIntervalSeconds: 0.1, thinkSeconds: 0.02, ...overrides.behaviour },
    timeScale: 1,
  };
}

interface TinyRun {
  stats: Awaited<ReturnType<RunningShop['stats']>>;
  summary: Summary;
  progress: K6Progress[];
  rawOutputPath: string;
  exitCode: number;
}

async function runTiny(input: ScenarioInput): Promise<TinyRun> {
  const plan0 = planRun(parseScenario(input));
  const shop = await startShop(plan0.shop);
  try {
    const plan = planRun(parseScenario(input), { targetUrl: shop.url });
    const dir = mkdtempSync(join(tmpdir(), 'saleready-run-'));
    dirs.push(dir);
    const { scriptPath } = writeCompiledScenario(compileScenario(plan), dir);
    const progress: K6Progress[] = [];
    const result = await runK6({ k6, scriptPath, runDir: dir, rawOutputPath: join(dir, 'k6-raw.json.gz'), onProgress: (p) => progress.push(p), progressIntervalMs: 500 });
    const summary = JSON.parse(readFileSync(result.summaryPath, 'utf8')) as Summary;
    return { stats: await shop.stats(), summary, progress, rawOutputPath: result.rawOutputPath, exitCode: result.exitCode };
  } finally {
    await shop.close();
  }
}

describe('runK6 against the reference shop', () => {
  it('counts the same logins, tickets, admissions and orders as the shop, with no expiries when none are configured', async () => {
    const run = await runTiny(tiny({ people: 10 }));
    const { stats, summary } = run;
    expect(run.exitCode).toBe(0);
    expect(count(summary, 'sr_arrivals')).toBeGreaterThanOrEqual(9); // 10 planned; k6 may start one fewer at the very end
    const people = count(summary, 'sr_arrivals');
    expect(stats.logins).toBe(count(summary, 'http_reqs{step:login}'));
    expect(stats.logins).toBe(people);
    expect(stats.ticketsIssued).toBe(count(summary, 'sr_queue_joins'));
    expect(stats.admittedTotal).toBe(count(summary, 'sr_admitted'));
    expect(stats.ordersTotal).toBe(count(summary, 'sr_outcome{outcome:bought}'));
    expect(stats.ordersTotal).toBe(people); // stock 100 ≫ people: everyone buys
    expect(stats.unitsSold).toBe(count(summary, 'sr_units_bought'));
    expect(count(summary, 'sr_outcome')).toBe(people); // one outcome per person
    // nothing configured to cause them: no re-entries, session expiries or sold-out outcomes
    expect(count(summary, 'sr_reentries')).toBe(0);
    expect(stats.ticketsExpired).toBe(0);
    expect(count(summary, 'sr_session_expiries')).toBe(0);
    expect(stats.sessionsExpired).toBe(0);
    expect(count(summary, 'sr_outcome{outcome:sold_out}')).toBe(0);
    // raw samples were written, compressed
    expect(statSync(run.rawOutputPath).size).toBeGreaterThan(100);
    expect(readFileSync(run.rawOutputPath).subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    // live progress from k6's REST API
    expect(run.progress.length).toBeGreaterThan(0);
    expect(run.progress.at(-1)!.arrivals).toBeGreaterThan(0);
  });

  it('phones that fall asleep let tickets expire, and people rejoin at the back', async () => {
    // tickets expire after 300 ms without a poll; every phone sleeps 1.5 × that once;
    // admission of 2 per second keeps people waiting long enough to fall asleep
    const run = await runTiny(tiny({ people: 8, shop: { ticketTtlMs: 300, admissionRatePerMinute: 120 }, behaviour: { sleepChance: 1 }, patienceSeconds: 12, saleSeconds: 14 }));
    const { stats, summary } = run;
    expect(count(summary, 'sr_reentries{reason:ticket_expired}')).toBeGreaterThan(0);
    expect(count(summary, 'sr_reentries{reason:ticket_expired}')).toBe(stats.ticketsExpired);
    expect(stats.ticketsIssued).toBe(count(summary, 'sr_queue_joins'));
    expect(count(summary, 'sr_reentries{reason:relogin_requeue}')).toBe(0);
    expect(count(summary, 'sr_session_expiries')).toBe(0);
  });

  it('sessions that expire while waiting are counted, and a re-login that requeues sends people to the back', async () => {
    const run = await runTiny(tiny({ people: 8, shop: { sessionTtlMs: 700, reloginRequeues: true, admissionRatePerMinute: 120 }, patienceSeconds: 8, saleSeconds: 9 }));
    const { stats, summary } = run;
    expect(count(summary, 'sr_session_expiries')).toBeGreaterThan(0);
    // every expiry a person met is one 401 session_expired answer; the shop's sessionsExpired
    // also counts sessions that ran out after their person had left
    expect(count(summary, 'sr_session_expiries')).toBe(stats.rejections.session_expired);
    expect(count(summary, 'sr_session_expiries')).toBeLessThanOrEqual(stats.sessionsExpired);
    expect(count(summary, 'sr_reentries{reason:relogin_requeue}')).toBeGreaterThan(0);
    expect(count(summary, 'sr_reentries{reason:relogin_requeue}')).toBe(stats.ticketsInvalidated);
    expect(stats.logins).toBe(count(summary, 'http_reqs{step:login}'));
    expect(count(summary, 'sr_reentries{reason:ticket_expired}')).toBe(0);
  });

  it('a crowd larger than the stock ends in sold-out outcomes and never oversells', async () => {
    const run = await runTiny(tiny({ people: 12, stock: 5 }));
    const { stats, summary } = run;
    expect(stats.ordersTotal).toBe(5);
    expect(count(summary, 'sr_outcome{outcome:bought}')).toBe(5);
    expect(count(summary, 'sr_units_bought')).toBe(5);
    expect(stats.stockLeft).toBe(0);
    expect(count(summary, 'sr_outcome{outcome:sold_out}')).toBe(count(summary, 'sr_arrivals') - 5);
  });
});

describe('runK6 stops and fails clearly', () => {
  it('forwards an abort as SIGINT and keeps what k6 measured', async () => {
    const shop = await startShop({ admissionRatePerMinute: 6 });
    try {
      const plan = planRun(parseScenario(tiny({ people: 20, patienceSeconds: 60, saleSeconds: 60 })), { targetUrl: shop.url });
      const dir = mkdtempSync(join(tmpdir(), 'saleready-abort-'));
      dirs.push(dir);
      const { scriptPath } = writeCompiledScenario(compileScenario(plan), dir);
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 2500);
      const result = await runK6({ k6, scriptPath, runDir: dir, rawOutputPath: join(dir, 'raw.json.gz'), signal: controller.signal });
      expect(result.interrupted).toBe(true);
      expect(result.durationMs).toBeLessThan(20_000);
      expect(existsSync(result.summaryPath)).toBe(true);
      expect(statSync(result.rawOutputPath).size).toBeGreaterThan(0);
    } finally {
      await shop.close();
    }
  });

  it('an unreachable target is an environment error with k6\'s message', async () => {
    const plan = planRun(parseScenario(tiny({})), { targetUrl: 'http://127.0.0.1:9' });
    const dir = mkdtempSync(join(tmpdir(), 'saleready-unreachable-'));
    dirs.push(dir);
    const { scriptPath } = writeCompiledScenario(compileScenario(plan), dir);
    const error = await runK6({ k6, scriptPath, runDir: dir, rawOutputPath: join(dir, 'raw.json.gz') }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(EnvironmentError);
    expect((error as EnvironmentError).code).toBe('K6_ABORTED');
    expect((error as EnvironmentError).message).toContain('target http://127.0.0.1:9 is unreachable');
  });

  it('a script that throws is a usage error with k6\'s message', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'saleready-broken-'));
    dirs.push(dir);
    const scriptPath = join(dir, 'script.js');
    (await import('node:fs')).writeFileSync(scriptPath, "throw new Error('this script is broken');\nexport default function () {}\n");
    const error = await runK6({ k6, scriptPath, runDir: dir, rawOutputPath: join(dir, 'raw.json.gz') }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).code).toBe('K6_SCRIPT_ERROR');
    expect((error as UsageError).message).toContain('this script is broken');
  });
});
