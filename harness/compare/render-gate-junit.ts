import { escapeXml, type RunSummary, type TargetResult } from '../report/index.ts';
import type { FigureComparison, RunComparison } from './comparison-types.ts';
import { formatChange, formatFigureValue, formatPValue } from './format-change.ts';
import type { GateDecision } from './gate-decision.ts';

function testcase(classname: string, name: string, body: string): string {
  const open = `    <testcase classname="${escapeXml(classname)}" name="${escapeXml(name)}" time="0">`;
  return `${open}\n${body}\n    </testcase>`;
}

function targetCase(summary: RunSummary, target: TargetResult): string {
  const measured = target.measured === null ? '—' : `${target.measured} ${target.unit}`;
  const name = `${target.id}: ${target.description}`;
  const classname = `saleready.${summary.scenario.name}.targets`;
  if (target.verdict === 'fail') {
    const message = `target ${target.id} missed: measured ${measured}, target ${target.stat} ${target.op} ${target.threshold} ${target.unit}`;
    return testcase(
      classname,
      name,
      `      <failure message="${escapeXml(message)}" type="target-missed">${escapeXml([target.description, `metric ${target.metric}`, target.note ?? ''].filter(Boolean).join('\n'))}</failure>`,
    );
  }
  if (target.verdict === 'inconclusive')
    return testcase(
      classname,
      name,
      `      <skipped message="${escapeXml(`target ${target.id} inconclusive: ${target.note ?? 'not enough data'}`)}"/>`,
    );
  return testcase(
    classname,
    name,
    `      <system-out>${escapeXml(`measured ${measured} (${target.samples} samples)`)}</system-out>`,
  );
}

function figureCase(summary: RunSummary, figure: FigureComparison): string {
  const classname = `saleready.${summary.scenario.name}.comparison`;
  const name = `${figure.id}: ${figure.label.en}`;
  const values = `A ${formatFigureValue(figure.a, figure.unit, 'en')}, B ${formatFigureValue(figure.b, figure.unit, 'en')}, change ${formatChange(figure, 'en')}, Holm-adjusted p ${formatPValue(figure.adjustedPValue)}`;
  if (figure.verdict === 'regressed') {
    const message = `regression: ${figure.id} (${figure.label.en}) ${formatChange(figure, 'en')}`;
    return testcase(
      classname,
      name,
      `      <failure message="${escapeXml(message)}" type="regression">${escapeXml(`${values}\nmetric ${figure.metric} ${figure.stat}`)}</failure>`,
    );
  }
  if (figure.verdict === 'not compared')
    return testcase(classname, name, `      <skipped message="${escapeXml(figure.note ?? 'not compared')}"/>`);
  return testcase(classname, name, `      <system-out>${escapeXml(`${figure.verdict}: ${values}`)}</system-out>`);
}

/**
 * The gate's junit.xml: a suite of the run's targets and a suite with one testcase per
 * compared figure. A missed target or a regression is a <failure> naming it, the change and
 * its interval; a figure that could not be compared is <skipped>.
 */
export function renderGateJunit(summary: RunSummary, comparison: RunComparison | null, decision: GateDecision): string {
  const seconds = (summary.durationMs / 1000).toFixed(3);
  const suites: { name: string; cases: string[]; failures: number; skipped: number }[] = [
    {
      name: `saleready ${summary.scenario.name} targets`,
      cases: summary.targets.map((target) => targetCase(summary, target)),
      failures: summary.targets.filter((target) => target.verdict === 'fail').length,
      skipped: summary.targets.filter((target) => target.verdict === 'inconclusive').length,
    },
  ];
  if (comparison) {
    suites.push({
      name: `saleready ${summary.scenario.name} vs baseline ${comparison.a.name}`,
      cases: comparison.figures.map((figure) => figureCase(summary, figure)),
      failures: comparison.figures.filter((figure) => figure.verdict === 'regressed').length,
      skipped: comparison.figures.filter((figure) => figure.verdict === 'not compared').length,
    });
  }
  const total = (pick: (suite: (typeof suites)[number]) => number): number =>
    suites.reduce((sum, suite) => sum + pick(suite), 0);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="saleready gate" tests="${total((suite) => suite.cases.length)}" failures="${total((suite) => suite.failures)}" skipped="${total((suite) => suite.skipped)}" errors="0" time="${seconds}">`,
  ];
  for (const suite of suites) {
    lines.push(
      `  <testsuite name="${escapeXml(suite.name)}" tests="${suite.cases.length}" failures="${suite.failures}" skipped="${suite.skipped}" errors="0" time="${seconds}" timestamp="${escapeXml(summary.startedAt)}">`,
      '    <properties>',
      `      <property name="scenario" value="${escapeXml(summary.scenario.name)}"/>`,
      `      <property name="gate" value="${decision.pass ? 'pass' : 'fail'}"/>`,
      ...(comparison
        ? [
            `      <property name="baseline" value="${escapeXml(comparison.a.name)}"/>`,
            `      <property name="correction" value="holm-bonferroni, family-wise alpha ${comparison.method.alpha}"/>`,
          ]
        : []),
      '    </properties>',
      ...suite.cases,
      '  </testsuite>',
    );
  }
  lines.push('</testsuites>', '');
  return lines.join('\n');
}
