import { describe, expect, it } from 'vitest';
import { renderProbeMarkdown } from '../../harness/probe/index.ts';
import type { ProbeFinding, ProbeReport } from '../../harness/probe/index.ts';

const bypassed: ProbeFinding = {
  id: 'skip-queue',
  title: { en: 'Skipping the queue', ko: '대기열 건너뛰기' },
  severity: 'high',
  passed: false,
  verdict: 'bypassed',
  observed: { en: 'Bought without a token.', ko: '토큰 없이 구매했습니다.' },
  evidence: {
    method: 'POST',
    path: '/api/checkout',
    status: 200,
    bodyExcerpt: '{"orderId":"o-1"}',
    sent: 'no admission token',
  },
  fix: { en: 'Check the token | on the server.', ko: '서버에서 토큰을 확인하십시오.' },
  durationMs: 12,
};
const held: ProbeFinding = {
  ...bypassed,
  id: 'ticket-cap',
  title: { en: 'Ticket hoarding', ko: '대기표 독점' },
  severity: 'medium',
  passed: true,
  verdict: 'held',
  observed: { en: 'One live ticket.', ko: '대기표 하나.' },
  evidence: {
    method: 'POST',
    path: '/api/queue/join',
    status: 200,
    bodyExcerpt: '{"reused":true}',
    sent: 'same session',
  },
  fix: { en: 'HELD-FIX', ko: 'HELD-FIX' },
};
const report: ProbeReport = {
  target: 'http://127.0.0.1:1',
  startedAt: '2026-01-01T00:00:00.000Z',
  findings: [bypassed, held],
  highSeverityFailures: 1,
  inconclusive: 0,
};

describe('renderProbeMarkdown', () => {
  it('lists every finding with its verdict and proving request, in English', () => {
    const markdown = renderProbeMarkdown(report, 'en');
    expect(markdown).toContain('1 held, 1 bypassed (1 of high severity), 0 inconclusive.');
    expect(markdown).toContain('| Skipping the queue | high | ✖ bypassed | `POST /api/checkout` → 200 |');
    expect(markdown).toContain('| Ticket hoarding | medium | ✔ held | `POST /api/queue/join` → 200 |');
    expect(markdown).toContain('**Fix:** Check the token | on the server.');
  });

  it('shows a fix only for a defence that did not hold', () => {
    expect(renderProbeMarkdown(report, 'en')).not.toContain('HELD-FIX');
  });

  it('writes Korean titles, verdicts and fixes for lang ko', () => {
    const markdown = renderProbeMarkdown(report, 'ko');
    expect(markdown).toContain('## 대기열 무결성 점검');
    expect(markdown).toContain('| 대기열 건너뛰기 | 높음 | ✖ 우회됨 |');
    expect(markdown).toContain('**조치 방법:** 서버에서 토큰을 확인하십시오.');
    expect(markdown).toContain('방어 성공 1건, 우회됨 1건(심각도 높음 1건), 판정 불가 0건.');
  });
});
