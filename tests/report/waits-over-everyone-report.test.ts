// The run report reads first what happened (a headline), judges queue waits over everyone who
// joined (Kaplan–Meier) with the admitted-only figure beside it, and names the shop's figures
// in words — in HTML, markdown and on the console, in English and Korean.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  buildChartSpecs,
  buildRunHeadline,
  buildRunSummary,
  parseRunSummary,
  renderConsoleSummary,
  renderHtmlReport,
  renderMarkdownReport,
  shopFigureRows,
  type RunSummary,
} from '../../harness/report/index.ts';
import {
  estimateQueueWaitOverEveryone,
  evaluateTargets,
  ingestK6Output,
  judgeQueueWaitOverEveryone,
  type PersonRecord,
} from '../../harness/results/index.ts';
import { fixtureTargets } from './fixture-summary.ts';

const rawJsonGz = fileURLToPath(new URL('../../fixtures/results/small-sale.json.gz', import.meta.url));
const MIN = 60_000;

/**
 * The recorded small sale (k = 30, target "p95 ≤ 20 min" of sale time) with person records:
 * 40 people admitted after 1…40 s of run time (0.5…20 min of sale time), 60 who gave up after
 * 50 s (25 min of sale time). Over everyone, Ŝ stays at 0.6 past 20 min: the target fails,
 * while the admitted alone all waited at most 20 min.
 */
const people: PersonRecord[] = [
  ...Array.from({ length: 40 }, (_, i): PersonRecord => ({
    actor: 'person',
    outcome: 'bought',
    joinedAtMs: 0,
    admittedAtMs: (i + 1) * 1_000,
    leftAtMs: 100_000,
  })),
  ...Array.from({ length: 60 }, (): PersonRecord => ({
    actor: 'person',
    outcome: 'gave_up',
    joinedAtMs: 0,
    admittedAtMs: null,
    leftAtMs: 50_000,
  })),
];

async function summaryWithPeople(): Promise<RunSummary> {
  const ingest = await ingestK6Output(rawJsonGz);
  const over = estimateQueueWaitOverEveryone(people);
  return parseRunSummary(
    buildRunSummary({
      ingest,
      verdicts: judgeQueueWaitOverEveryone(evaluateTargets(ingest, fixtureTargets), fixtureTargets, over),
      toolVersion: '0.1.0-test',
      scenario: { name: 'small-sale', timeScale: 30, people: 262, stock: 150 },
      target: { url: 'http://127.0.0.1:40709', embedded: true },
      startedAt: new Date(ingest.firstSampleMs ?? 0),
      endedAt: new Date(ingest.lastSampleMs ?? 0),
      shopStats: {
        unitsSold: 117,
        ordersTotal: 117,
        ticketsInvalidated: 42,
        rejections: { ticket_invalidated: 40 },
        byActor: { person: { orders: 117 } },
        firstLoginAtMs: 1_000,
        soldOutAtMs: 61_000,
      },
      queueWaitOverEveryone: over,
    }),
  );
}

describe('queue waits over everyone in summary.json', () => {
  it('judges the wait target on Kaplan–Meier over everyone who joined and keeps the admitted-only figure beside it', async () => {
    const summary = await summaryWithPeople();
    const wait = summary.targets.find((target) => target.id === 'wait.person.p95')!;
    expect(wait.verdict).toBe('fail');
    expect(wait.measured).toBeNull();
    expect(wait.samples).toBe(100);
    expect(wait.overEveryone).toMatchObject({
      method: 'kaplan-meier',
      interval: 'log-log',
      joined: 100,
      admitted: 40,
      leftBeforeAdmission: 60,
    });
    expect(wait.overEveryone!.stillWaitingAtThreshold).toBeCloseTo(0.6, 12);
    expect(wait.overEveryone!.admittedOnly.samples).toBeGreaterThan(0);
    const over = summary.queueWait.overEveryone!;
    expect(over).toMatchObject({ joined: 100, admitted: 40, leftBeforeAdmission: 60, leftByOutcome: { gave_up: 60 } });
    expect(over.saleTime.p50).toBeNull(); // Ŝ stays at 0.6
    expect(over.saleTime.longestSeenMs).toBe(50_000 * 30);
    expect(over.curve.at(-1)!.tSaleMs).toBe(50_000 * 30);
    expect(over.curve.at(-1)!.stillWaiting).toBeCloseTo(0.6, 12);
    // other targets are untouched
    expect(summary.targets.find((target) => target.id === 'latency.checkout.p95')!.overEveryone).toBeUndefined();
  });
});

describe('the run report', () => {
  it('reads a headline first — units sold and what happened to people — in English and Korean', async () => {
    const summary = await summaryWithPeople();
    const withPeople: RunSummary = {
      ...summary,
      stock: { ...summary.stock, stock: 167, unitsSold: 117 },
      actors: {
        person: {
          arrivals: 3_327,
          admitted: 196,
          outcomes: { bought: 117, sold_out: 5, limit_reached: 0, gave_up: 3_205, lost_place: 0, error: 0 },
          unitsBought: 117,
          reentries: 0,
          sessionExpiries: 0,
        },
      },
    };
    expect(buildRunHeadline(withPeople, 'en')).toBe(
      '117 of 167 units sold; 3,205 of 3,327 people gave up after waiting, 117 bought, 5 found it sold out.',
    );
    expect(buildRunHeadline(withPeople, 'ko')).toBe(
      '재고 167개 중 117개 판매; 3,327명 중 3,205명 기다리다 포기, 117명 구매, 5명 품절 확인.',
    );
    for (const lang of ['en', 'ko'] as const) {
      const html = await renderHtmlReport(withPeople, { lang });
      const headline = html.indexOf('id="headline"');
      expect(headline).toBeGreaterThan(0);
      expect(headline).toBeLessThan(html.indexOf('id="targets"'));
      expect(html).toContain(buildRunHeadline(withPeople, lang));
      const markdown = renderMarkdownReport(withPeople, { lang });
      expect(markdown.indexOf(buildRunHeadline(withPeople, lang))).toBeLessThan(markdown.indexOf('|'));
      expect(renderConsoleSummary(withPeople, lang)[0]).toBe(buildRunHeadline(withPeople, lang));
    }
  });

  it('shows the wait target over everyone, how many left before admission, and the admitted-only figure labelled as such', async () => {
    const summary = await summaryWithPeople();
    const html = await renderHtmlReport(summary, { lang: 'en' });
    const row = html.slice(
      html.indexOf('data-target="wait.person.p95"'),
      html.indexOf('</tr>', html.indexOf('data-target="wait.person.p95"')),
    );
    expect(row).toMatch(
      /95% of people who joined wait at most 20 min in the queue \(sale time; Kaplan–Meier, people who left censored\)/,
    );
    expect(row).toMatch(/100 people who joined, 60 of them left before admission \(censored\) · admitted people only/);
    expect(row).toMatch(/over 25 min \(beyond the longest wait seen\)/);
    expect(row).toMatch(/still waiting at 20 min: 60%/);
    expect(html).toMatch(/Greenwood.*log-log/);
    expect(html).toMatch(/Left the queue before admission<\/th><td class="num">60 of 100 who joined \(gave up 60\)/);
    expect(html).toMatch(/Queue wait of admitted people only, sale time/);
    // the Kaplan–Meier chart, and the admitted-only charts say so
    const charts = buildChartSpecs(summary, 'en');
    expect(charts.map((chart) => chart.id)).toContain('wait-over-everyone');
    expect(charts.find((chart) => chart.id === 'wait-distribution')!.title).toMatch(/admitted people only/);
    expect(html).toMatch(/id="chart-wait-over-everyone"><figcaption>[^<]+<\/figcaption><svg /);
    const korean = await renderHtmlReport(summary, { lang: 'ko' });
    expect(korean).toMatch(/줄을 선 100명 기준, 그중 60명은 입장 전에 떠남/);
    expect(korean).toMatch(/줄을 선 100명 중 60%가 20분에도 아직 기다리고 있었습니다/);
    const console = renderConsoleSummary(summary, 'en').join('\n');
    expect(console).toMatch(/60 of 100 who joined left before admission · admitted people only/);
  });

  it('names the shop’s figures in words, not field names', async () => {
    const summary = await summaryWithPeople();
    const rows = Object.fromEntries(shopFigureRows(summary.shop!, 'en'));
    expect(rows['queue tickets cancelled by re-login']).toBe('42');
    expect(rows['requests refused: queue ticket cancelled by re-login']).toBe('40');
    expect(rows['orders by people']).toBe('117');
    expect(rows['from the first login to the last unit sold (run time)']).toBe('1 min');
    expect(Object.fromEntries(shopFigureRows(summary.shop!, 'ko'))['다시 로그인해서 취소된 대기표']).toBe('42');
    const html = await renderHtmlReport(summary, { lang: 'en' });
    const shop = html.slice(html.indexOf('id="shop"'));
    expect(shop).toContain('queue tickets cancelled by re-login');
    expect(shop).not.toContain('ticketsInvalidated');
  });
});
