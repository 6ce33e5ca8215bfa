/**
 * Renders k6 `options` as readable JavaScript: the same values as the options object, with a
 * comment above each stage and threshold saying its intent in words.
 */
import type { ArrivalStages } from './arrival-stages.ts';
import type { K6Threshold } from './k6-thresholds.ts';
import type { VuSizing } from './size-vus.ts';
import { formatDuration } from './arrival-stages.ts';

export interface RenderOptionsInput {
  readonly arrival: ArrivalStages;
  readonly vus: VuSizing;
  readonly gracefulStopMs: number;
  readonly targetThresholds: readonly K6Threshold[];
  readonly countingThresholds: readonly K6Threshold[];
  readonly notExpressible: readonly string[];
  /** Rendered `bots` scenario (buildBotScenario), when the plan has bots. */
  readonly botScenarioSource?: string;
}


function quote(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** Groups thresholds by metric, keeping first-seen order. */
function byMetric(thresholds: readonly K6Threshold[]): Map<string, K6Threshold[]> {
  const groups = new Map<string, K6Threshold[]>();
  for (const threshold of thresholds) groups.set(threshold.metric, [...(groups.get(threshold.metric) ?? []), threshold]);
  return groups;
}

export function renderOptions(input: RenderOptionsInput): string {
  const { arrival, vus } = input;
  const lines: string[] = [];
  lines.push('export const options = {');
  lines.push('  scenarios: {');
  lines.push('    // Each iteration is one person: arrivals follow the sale\'s arrival curve.');
  lines.push('    people: {');
  lines.push("      executor: 'ramping-arrival-rate',");
  lines.push("      exec: 'person',");
  lines.push('      startRate: 0,');
  lines.push(`      // targets below count people per ${arrival.timeUnit === '1s' ? 'second' : arrival.timeUnit === '1m' ? 'minute' : 'hour'}`);
  lines.push(`      timeUnit: ${quote(arrival.timeUnit)},`);
  lines.push(
    `      // Little's law: about ${vus.preAllocatedVUs} people in the shop at once (patience-bounded time in system ${formatDuration(vus.expectedTimeInSystemMs)}),`,
  );
  lines.push(
    `      // up to ${vus.maxVUs} when people wait long (${formatDuration(vus.longTimeInSystemMs)})${vus.capped ? ', capped for this machine' : ''}`,
  );
  lines.push(`      preAllocatedVUs: ${vus.preAllocatedVUs},`);
  lines.push(`      maxVUs: ${vus.maxVUs},`);
  lines.push('      stages: [');
  arrival.stages.forEach((stage, index) => {
    const intent = arrival.intents[index] ?? '';
    if (stage.duration === '0s') lines.push(`        // ${intent.replace(/ — jump to the rate$/, '')}`);
    lines.push(`        { duration: ${quote(stage.duration)}, target: ${stage.target} },`);
  });
  lines.push('      ],');
  lines.push(`      // people still in the journey after the last arrival get ${formatDuration(input.gracefulStopMs)} to finish (until the sale closes)`);
  lines.push(`      gracefulStop: ${quote(`${Math.round(input.gracefulStopMs)}ms`)},`);
  lines.push('    },');
  if (input.botScenarioSource) lines.push(input.botScenarioSource);
  lines.push('  },');
  lines.push('  thresholds: {');
  for (const [metric, group] of byMetric(input.targetThresholds)) {
    for (const threshold of group) lines.push(`    // ${threshold.intent}`);
    lines.push(`    ${quote(metric)}: [${group.map((threshold) => quote(threshold.expression)).join(', ')}],`);
  }
  for (const description of input.notExpressible) lines.push(`    // (judged by saleready, not expressible in k6: ${description})`);
  lines.push('    // Counted for the summary, always met: outcomes, re-entries and requests per step');
  for (const [metric, group] of byMetric(input.countingThresholds)) {
    lines.push(`    ${quote(metric)}: [${group.map((threshold) => quote(threshold.expression)).join(', ')}],`);
  }
  lines.push('  },');
  lines.push("  summaryTrendStats: ['avg', 'min', 'med', 'max', 'p(90)', 'p(95)', 'p(99)', 'count'],");
  lines.push("  setupTimeout: '30s',");
  lines.push('};');
  return lines.join('\n');
}
