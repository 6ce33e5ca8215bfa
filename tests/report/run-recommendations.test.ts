import { describe, expect, it } from 'vitest';
import { recommendFromRun, renderHtmlReport, type RunSummary } from '../../harness/report/index.ts';
import { buildFixtureSummary } from './fixture-summary.ts';

const settings = {
  sessionTtlSaleMs: 20 * 60_000,
  ticketTtlSaleMs: 5 * 60_000,
  reloginRequeues: true,
  journeySaleMs: 60_000,
  serverErrors: 0,
};

function withWaits(summary: RunSummary, changes: Partial<RunSummary>): RunSummary {
  return { ...summary, ...changes };
}

describe('recommendFromRun', () => {
  it('asks for a session longer than the 99th-percentile wait plus the journey, with 25% margin, when logins expired', async () => {
    const base = await buildFixtureSummary();
    const summary = withWaits(base, {
      sessionExpiries: 12,
      reentries: { total: 5, byReason: { relogin_requeue: 5 } },
      queueWait: { ...base.queueWait, saleTime: { ...base.queueWait.saleTime, p99: 40 * 60_000 } },
    });
    const advice = recommendFromRun(summary, settings);
    const session = advice.find((item) => item.id === 'session-length')!;
    // (40 min + 1 min) × 1.25 = 51.25 min → 52 min, rounded up to whole minutes.
    expect(session.en).toContain('at least 52 min');
    expect(session.en).toContain('now 20 min');
    expect(session.severity).toBe('high');
    expect(session.ko).toContain('52분');
  });

  it('says nothing about sessions and tickets when none expired and nobody lost a place', async () => {
    const base = await buildFixtureSummary();
    const summary = withWaits(base, {
      sessionExpiries: 0,
      reentries: { total: 0, byReason: {} },
      requests: { ...base.requests, errorRate: 0 },
    });
    const ids = recommendFromRun(summary, settings).map((item) => item.id);
    expect(ids).not.toContain('session-length');
    expect(ids).not.toContain('ticket-validity');
    expect(ids).not.toContain('measure-capacity');
  });

  it('asks to measure capacity only when the shop itself failed (5xx or no answer), not for expired logins', async () => {
    const base = await buildFixtureSummary();
    const total = base.requests.total;
    const failing = recommendFromRun(base, { ...settings, serverErrors: Math.ceil(total * 0.05) }).map(
      (item) => item.id,
    );
    expect(failing).toContain('measure-capacity');
    const fine = recommendFromRun(
      { ...base, requests: { ...base.requests, errorRate: 0.2 } },
      { ...settings, serverErrors: 0 },
    ).map((item) => item.id);
    expect(fine).not.toContain('measure-capacity');
  });

  it('is shown in the HTML report, high severity first', async () => {
    const base = await buildFixtureSummary();
    const summary = withWaits(base, { sessionExpiries: 3, reentries: { total: 4, byReason: { ticket_expired: 4 } } });
    const html = await renderHtmlReport(
      { ...summary, recommendations: recommendFromRun(summary, settings) },
      { lang: 'en' },
    );
    expect(html).toContain('id="recommendations"');
    expect(html).toMatch(/data-recommendation="session-length"[\s\S]*data-recommendation="ticket-validity"/);
  });
});
