/**
 * A probe report as markdown, in English or Korean: a summary line, a table of findings,
 * then per finding what happened, the request that proved it and, for a hole, the fix.
 */
import type { ProbeFinding, ProbeReport, ProbeVerdict, Severity } from './probe-types.ts';
import type { Language } from '../vocabulary.ts';

const words = {
  en: {
    heading: 'Queue-integrity probes',
    target: 'Target',
    started: 'Started',
    summary: (held: number, bypassed: number, high: number, inconclusive: number) =>
      `${held} held, ${bypassed} bypassed (${high} of high severity), ${inconclusive} inconclusive.`,
    columns: ['Probe', 'Severity', 'Result', 'Evidence'],
    verdict: { held: '✔ held', bypassed: '✖ bypassed', inconclusive: '? inconclusive' } satisfies Record<
      ProbeVerdict,
      string
    >,
    severity: { high: 'high', medium: 'medium', low: 'low' } satisfies Record<Severity, string>,
    observed: 'What happened',
    request: 'Request',
    sent: 'Sent',
    answer: 'Answer',
    fix: 'Fix',
    noEvidence: 'no request could be sent',
  },
  ko: {
    heading: '대기열 무결성 점검',
    target: '대상',
    started: '시작',
    summary: (held: number, bypassed: number, high: number, inconclusive: number) =>
      `방어 성공 ${held}건, 우회됨 ${bypassed}건(심각도 높음 ${high}건), 판정 불가 ${inconclusive}건.`,
    columns: ['점검', '심각도', '결과', '증거'],
    verdict: { held: '✔ 방어됨', bypassed: '✖ 우회됨', inconclusive: '? 판정 불가' } satisfies Record<
      ProbeVerdict,
      string
    >,
    severity: { high: '높음', medium: '중간', low: '낮음' } satisfies Record<Severity, string>,
    observed: '결과',
    request: '요청',
    sent: '보낸 내용',
    answer: '응답',
    fix: '조치 방법',
    noEvidence: '요청을 보내지 못함',
  },
} as const;

function cell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('\n', ' ');
}

function evidenceLine(finding: ProbeFinding, lang: Language): string {
  const evidence = finding.evidence;
  return evidence ? `\`${evidence.method} ${evidence.path}\` → ${evidence.status}` : words[lang].noEvidence;
}

function renderFinding(finding: ProbeFinding, lang: Language): string[] {
  const text = words[lang];
  const lines = [
    `### ${text.verdict[finding.verdict]} — ${finding.title[lang]} (\`${finding.id}\`)`,
    '',
    `**${text.observed}:** ${finding.observed[lang]}`,
    '',
  ];
  if (finding.evidence) {
    lines.push(
      `- ${text.request}: \`${finding.evidence.method} ${finding.evidence.path}\` → **${finding.evidence.status}**`,
      `- ${text.sent}: ${finding.evidence.sent}`,
      `- ${text.answer}: \`${finding.evidence.bodyExcerpt.replaceAll('`', "'")}\``,
      '',
    );
  }
  if (!finding.passed) lines.push(`**${text.fix}:** ${finding.fix[lang]}`, '');
  return lines;
}

export function renderProbeMarkdown(report: ProbeReport, lang: Language = 'en'): string {
  const text = words[lang];
  const count = (verdict: ProbeVerdict): number =>
    report.findings.filter((finding) => finding.verdict === verdict).length;
  const lines = [
    `## ${text.heading}`,
    '',
    `${text.target}: ${report.target} · ${text.started}: ${report.startedAt}`,
    '',
    text.summary(count('held'), count('bypassed'), report.highSeverityFailures, report.inconclusive),
    '',
    `| ${text.columns.join(' | ')} |`,
    `|${text.columns.map(() => '---').join('|')}|`,
    ...report.findings.map(
      (finding) =>
        `| ${cell(finding.title[lang])} | ${text.severity[finding.severity]} | ${text.verdict[finding.verdict]} | ${cell(evidenceLine(finding, lang))} |`,
    ),
    '',
    ...report.findings.flatMap((finding) => renderFinding(finding, lang)),
  ];
  return `${lines.join('\n').trimEnd()}\n`;
}
