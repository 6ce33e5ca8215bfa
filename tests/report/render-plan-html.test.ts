// plan.html: one offline page, the decision first, Vega-Lite charts as inline SVG, en and ko;
// sentences only where they mean something (no announcement advice in a plan nobody waits in).
import { describe, expect, it } from 'vitest';
import { evaluatePlan, parseSalePlan } from '../../harness/capacity/index.ts';
import { buildPlanReport, renderPlanHtml } from '../../harness/report/index.ts';
import { escapeHtml } from '../../harness/report/index.ts';
import { SMALL_SALE_PLAN } from '../helpers/small-sale-plan.ts';

const queued = evaluatePlan(parseSalePlan({ ...SMALL_SALE_PLAN, opensAt: '10:00' }));
const noWait = evaluatePlan(parseSalePlan({ people: 100_000, stock: 20_000, capacity: { peoplePerMinute: 1_000 } }));

describe('renderPlanHtml', () => {
  it('puts the decision sentence first, then every chart as inline SVG, with no script and nothing to fetch', async () => {
    for (const lang of ['en', 'ko'] as const) {
      const html = await renderPlanHtml(queued, lang);
      const decision = buildPlanReport(queued, lang).verdict;
      expect(html).toContain(`<html lang="${lang}">`);
      const first = html.indexOf('<p class="decision"');
      expect(first).toBeGreaterThan(0);
      expect(html.indexOf('<h2')).toBeGreaterThan(first);
      expect(html).toContain(escapeHtml(decision));
      for (const id of ['options', 'queue-over-time', 'wait-over-time', 'who-buys']) {
        expect(html).toMatch(new RegExp(`<figure class="chart" id="chart-${id}"><figcaption>[^<]+</figcaption><svg `));
      }
      expect(html.match(/<svg /g)).toHaveLength(4);
      expect(html).not.toMatch(/<script|src="http|href="http/);
      expect(html).toContain("default-src 'none'");
      // the waiting-room settings, one table per product
      expect(html).toMatch(/data-product="Cloudflare Waiting Room"[\s\S]*total_active_users/);
      expect(html).toMatch(/data-product="AWS Virtual Waiting Room"[\s\S]*QueuePositionExpiryPeriod/);
    }
    const korean = await renderPlanHtml(queued, 'ko');
    expect(korean).toMatch(/대기실 설정/);
    expect(korean).toMatch(/로그인 세션과 대기표/);
    expect(korean).toMatch(/매진을 알리세요/);
  });

  it('the target appears in the options chart and the wait chart, and the rounds with their clock times', async () => {
    const html = await renderPlanHtml(queued, 'en');
    const options = html.slice(html.indexOf('id="chart-options"'), html.indexOf('id="chart-queue-over-time"'));
    expect(options).toContain('target 10 min');
    expect(options).toContain('One round');
    expect(options).toContain(`${queued.options.rounds.rounds} rounds`);
    expect(options).toContain('Raffle');
    const wait = html.slice(html.indexOf('id="chart-wait-over-time"'), html.indexOf('id="chart-who-buys"'));
    expect(wait).toContain('target 10 min');
    expect(html).toMatch(/opening at 10:00/);
  });

  it('says nothing about announcing sold out when nobody waits for it', async () => {
    for (const lang of ['en', 'ko'] as const) {
      const html = await renderPlanHtml(noWait, lang);
      expect(html).not.toMatch(/Announce &quot;sold out&quot;|매진을 알리세요|beyond position|번 뒤의 사람들/);
      expect(html).toMatch(lang === 'en' ? /no announcement is needed/ : /매진 안내가 필요 없습니다/);
    }
  });
});
