import { beforeAll, describe, expect, it } from 'vitest';
import { renderJunit, renderMarkdownReport, type RunSummary } from '../../harness/report/index.ts';
import { buildFixtureSummary } from './fixture-summary.ts';
import { useChromium } from '../helpers/chromium.ts';

// junit.xml is checked with a real XML parser: Chromium's DOMParser (a <parsererror> element
// is how it reports a document that is not well-formed).
const chromium = useChromium();
let summary: RunSummary;
beforeAll(async () => {
  summary = await buildFixtureSummary();
});

describe('renderJunit', () => {
  it('is well-formed XML with one testcase per target; a failure names the target, measured value and threshold', async () => {
    const parsed = await chromium.parseXml(renderJunit(summary));
    expect(parsed.error).toBeNull();
    expect(parsed.suites[0]).toMatchObject({ tests: '4', failures: '1', skipped: '1' });
    expect(parsed.testcases.map((testcase) => testcase.name?.split(':')[0])).toEqual(
      summary.targets.map((target) => target.id),
    );
    const failed = parsed.testcases.find((testcase) => testcase.failure !== null);
    expect(failed?.failure).toBe('target errors.checkout missed: measured 3.213%, target rate < 1%');
    const skipped = parsed.testcases.find((testcase) => testcase.skipped !== null);
    expect(skipped?.skipped).toMatch(/^target latency\.probe\.p99 inconclusive: no samples recorded/);
  });

  it('stays well-formed with markup and control characters in names', async () => {
    const tricky: RunSummary = {
      ...summary,
      scenario: { ...summary.scenario, name: 'a <b> & "c" \u0001' },
      targets: summary.targets.map((target) => ({ ...target, description: `${target.description} <&> ]]>` })),
    };
    const parsed = await chromium.parseXml(renderJunit(tricky));
    expect(parsed.error).toBeNull();
    expect(parsed.testcases[0]?.name).toContain('<&> ]]>');
  });
});

describe('renderMarkdownReport', () => {
  it('leads with the verdict, then the targets table and key figures with sale-time waits', () => {
    const markdown = renderMarkdownReport(summary, { lang: 'en' });
    expect(markdown.split('\n')[0]).toBe('## ❌ FAIL: small-sale');
    // Text in cells is escaped for markdown (`_` and `<` render as themselves); ids are code.
    expect(markdown).toContain(
      '| The rate of http\\_req\\_failed{step:checkout} under 1% (`errors.checkout`)<br>measured 3.213%, target &lt; 1% | 3.213%<br>95% interval: 1.637% – 6.211% | 249 | ❌ FAIL |',
    );
    expect(markdown).toMatch(/\| Queue wait of admitted people, sale time, ×30 \| p50 .* · p95 .* · p99 .* \|/);
    expect(markdown).toContain('measured run time × 30');
  });

  it('speaks Korean with lang ko', () => {
    const markdown = renderMarkdownReport(summary, { lang: 'ko' });
    expect(markdown.split('\n')[0]).toBe('## ❌ 실패: small-sale');
    expect(markdown).toContain('| 목표 | 측정값 | 표본 수 | 결과 |');
    expect(markdown).toContain('시간 배율 k = 30');
  });
});
