import { escapeXml } from './escape.ts';
import { formatValue } from './format-figures.ts';
import type { RunSummary, TargetResult } from './run-summary.ts';

/**
 * JUnit XML for CI: one testcase per target. A missed target is a <failure> whose message
 * names the target, the measured value and the threshold; an inconclusive one is <skipped>
 * with the reason. Run facts (scenario, k, complete) go into <properties>.
 */
export function renderJunit(summary: RunSummary): string {
  const failures = summary.targets.filter((target) => target.verdict === 'fail').length;
  const skipped = summary.targets.filter((target) => target.verdict === 'inconclusive').length;
  const seconds = (summary.durationMs / 1000).toFixed(3);
  const suite = `saleready ${summary.scenario.name}`;
  const properties: [string, string][] = [
    ['scenario', summary.scenario.name],
    ['timeScale', String(summary.scenario.timeScale)],
    ['target', summary.target.url],
    ['complete', String(summary.complete)],
    ['verdict', summary.verdict],
    ...(summary.interruption ? [['interruption', summary.interruption] as [string, string]] : []),
  ];
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="saleready" tests="${summary.targets.length}" failures="${failures}" skipped="${skipped}" errors="0" time="${seconds}">`,
    `  <testsuite name="${escapeXml(suite)}" tests="${summary.targets.length}" failures="${failures}" skipped="${skipped}" errors="0" time="${seconds}" timestamp="${escapeXml(summary.startedAt)}">`,
    '    <properties>',
    ...properties.map(([name, value]) => `      <property name="${escapeXml(name)}" value="${escapeXml(value)}"/>`),
    '    </properties>',
    ...summary.targets.map((target) => testcase(summary, target)),
    '  </testsuite>',
    '</testsuites>',
    '',
  ];
  return lines.join('\n');
}

function testcase(summary: RunSummary, target: TargetResult): string {
  const open = `    <testcase classname="${escapeXml(`saleready.${summary.scenario.name}`)}" name="${escapeXml(`${target.id}: ${target.description}`)}" time="0">`;
  const measured = formatValue(target.measured, target.unit, 'en');
  const threshold = formatValue(target.threshold, target.unit, 'en');
  if (target.verdict === 'fail') {
    const message = `target ${target.id} missed: measured ${measured}, target ${target.stat} ${target.op} ${threshold}`;
    const detail = [target.description, `metric ${target.metric}`, `samples ${target.samples}`, target.note ?? '']
      .filter(Boolean)
      .join('\n');
    return `${open}\n      <failure message="${escapeXml(message)}" type="target-missed">${escapeXml(detail)}</failure>\n    </testcase>`;
  }
  if (target.verdict === 'inconclusive') {
    const message = `target ${target.id} inconclusive: ${target.note ?? 'not enough data to judge'}`;
    return `${open}\n      <skipped message="${escapeXml(message)}"/>\n    </testcase>`;
  }
  return `${open}\n      <system-out>${escapeXml(`measured ${measured} (target ${target.op} ${threshold}, ${target.samples} samples)`)}</system-out>\n    </testcase>`;
}
