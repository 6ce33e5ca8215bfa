/**
 * The report of a distributed run: Artillery's merged `--output` report (from run-fargate or
 * run-lambda) read with harness/analyze's Artillery-report reader into a run summary, with
 * where the load came from (runner, region, N workers, Artillery's test run id and cluster
 * when the report names them, each worker's share) and how it was measured: counts are exact
 * sums over the workers; percentiles are Artillery's, read from its merged DDSketch summaries
 * (1% relative accuracy), since the workers' exact records stay on the workers. The scenario's
 * targets are judged on the report's figures where it has them (the person engine reports its
 * journey metrics to Artillery as `saleready.<actor>.<metric>` and `saleready.response_time.<step>`);
 * the others are inconclusive, with the reason.
 */
import { readFile } from 'node:fs/promises';
import { analyzeArtilleryReport, ARTILLERY_PERCENTILES_NOTE } from '../analyze/index.ts';
import { buildRunSummary, type RunSummary } from '../report/index.ts';
import type { ArtilleryReport, IngestResult } from '../results/index.ts';
import type { RunPlan } from '../scenario/index.ts';
import {
  evaluateTarget,
  wilsonInterval,
  type TargetMeasurement,
  type TargetSpec,
  type TargetVerdict,
} from '../stats/index.ts';
import { RUNNER_INFO, type CloudRunner, type PlanSplit } from '../engine/index.ts';

export interface CloudRunReportInput {
  /** Artillery's merged report (`--output`). */
  readonly reportPath: string;
  readonly scenarioName: string;
  readonly plan: Pick<RunPlan, 'timeScale' | 'people' | 'stock' | 'bots'>;
  readonly targets: readonly TargetSpec[];
  readonly runner: CloudRunner;
  readonly region: string;
  readonly workers: number;
  readonly split?: PlanSplit;
  readonly targetUrl: string;
  readonly toolVersion: string;
  readonly artilleryVersion: string | null;
  readonly exitCode: number | null;
  readonly complete?: boolean;
  readonly interruption?: string | null;
}

/** The sentence saying where the load came from and how its percentiles were measured. */
export function cloudOriginNote(runner: CloudRunner, region: string, workers: number): string {
  const info = RUNNER_INFO[runner];
  return (
    `Load from ${workers} worker${workers === 1 ? '' : 's'} of Artillery’s \`${info.command}\` on ${info.name} in ${region}, each running one share of the crowd ` +
    '(people and bots split exactly, bot rings whole, the stock shared). Artillery merged the workers’ metrics: counts are exact sums; ' +
    'percentiles come from Artillery’s merged DDSketch summaries (1% relative accuracy), not from saleready’s exact records, which stay on the workers. ' +
    ARTILLERY_PERCENTILES_NOTE
  );
}

/** The Artillery metric names a selector stands for in the person engine's report, or null. */
function artilleryNames(selector: string, hasBots: boolean): readonly string[] | null {
  const match = /^([^{]+)(?:\{(.*)\})?$/.exec(selector.trim());
  if (!match) return null;
  const metric = (match[1] as string).trim();
  const tags: Record<string, string> = {};
  for (const pair of (match[2] ?? '').split(',').filter(Boolean)) {
    const [key, value] = pair.split(':');
    if (key && value !== undefined) tags[key.trim()] = value.trim();
  }
  const keys = Object.keys(tags);
  if (metric === 'http_req_duration') {
    if (keys.length === 0) return ['http.response_time'];
    return keys.length === 1 && tags.step ? [`saleready.response_time.${tags.step}`] : null;
  }
  if (!metric.startsWith('sr_') || keys.some((key) => !['actor', 'outcome', 'reason', 'kind', 'result'].includes(key)))
    return null;
  const detail = [tags.outcome, tags.reason, tags.kind && `${tags.kind}.${tags.result ?? ''}`]
    .filter(Boolean)
    .join('.');
  const name = (actor: string): string => `saleready.${actor}.${metric.slice(3)}${detail ? `.${detail}` : ''}`;
  if (tags.actor) return [name(tags.actor)];
  return hasBots ? [name('person'), name('bot')] : [name('person')];
}

function inconclusive(target: TargetSpec, why: string): TargetVerdict {
  const verdict = evaluateTarget(target, null);
  return { ...verdict, note: why };
}

/** A scenario target judged on Artillery's merged report. */
function judgeOnReport(report: ArtilleryReport, target: TargetSpec, hasBots: boolean): TargetVerdict {
  const whole = report.aggregate;
  const counter = (names: readonly string[]): number =>
    names.reduce((sum, name) => sum + (whole.counters[name] ?? 0), 0);
  const scale = target.scale ?? 1;
  const scaled = (measurement: TargetMeasurement | null): TargetMeasurement | null =>
    measurement === null
      ? null
      : {
          ...measurement,
          value: measurement.value * scale,
          interval: measurement.interval && [measurement.interval[0] * scale, measurement.interval[1] * scale],
        };
  const share = (numerator: number, denominator: number): TargetMeasurement | null => {
    if (denominator === 0 || numerator > denominator) return null;
    const interval = wilsonInterval(numerator, denominator);
    return { value: numerator / denominator, interval: [interval.lower, interval.upper], samples: denominator };
  };
  if (target.metric === 'http_req_failed' && (target.stat === 'rate' || target.stat === 'of.mean')) {
    // the engine counts a request failed by its own rule (unexpected status or none): saleready.requests_failed of http.requests
    return evaluateTarget(target, share(counter(['saleready.requests_failed']), counter(['http.requests'])));
  }
  const names = artilleryNames(target.metric, hasBots);
  if (names === null)
    return inconclusive(
      target,
      `not judged on a distributed run: Artillery’s report has no figure for ${target.metric}`,
    );
  if (target.stat === 'count') {
    const value = counter(names);
    return evaluateTarget(
      target,
      scaled({ value, interval: null, samples: value > 0 ? value : Math.max(1, counter(['http.requests'])) }),
    );
  }
  if (target.stat === 'share') {
    const of = target.of ? artilleryNames(target.of, hasBots) : null;
    if (of === null)
      return inconclusive(
        target,
        `not judged on a distributed run: Artillery’s report has no figure for ${target.of ?? '(no denominator)'}`,
      );
    return evaluateTarget(target, share(counter(names), counter(of)));
  }
  const field = { p50: 'p50', p90: 'p90', p95: 'p95', p99: 'p99', max: 'max', min: 'min', 'of.mean': 'mean' }[
    target.stat as string
  ] as 'p50' | undefined;
  if (field === undefined)
    return inconclusive(target, `not judged on a distributed run: statistic ${target.stat} of ${target.metric}`);
  if (names.length !== 1)
    return inconclusive(
      target,
      `not judged on a distributed run: Artillery keeps people’s and bots’ ${target.metric} apart, and percentiles cannot be added`,
    );
  const summary = whole.summaries[names[0] as string];
  if (summary === undefined || summary.count === 0) return evaluateTarget(target, null);
  return evaluateTarget(target, scaled({ value: summary[field], interval: null, samples: summary.count }));
}

/** The merged report as a run summary of a distributed run (see the file comment). */
export async function buildCloudRunSummary(
  input: CloudRunReportInput,
): Promise<{ summary: RunSummary; ingest: IngestResult; report: ArtilleryReport }> {
  const analyzed = await analyzeArtilleryReport({
    path: input.reportPath,
    name: input.scenarioName,
    targets: [],
    toolVersion: input.toolVersion,
  });
  const { report, ingest } = analyzed;
  // the fields run-fargate adds to its report (testId, metadata: count, region, cluster, versions)
  const raw = JSON.parse(await readFile(input.reportPath, 'utf8')) as {
    testId?: unknown;
    metadata?: Record<string, unknown>;
  };
  const metadata = raw.metadata ?? {};
  const hasBots = (input.plan.bots?.count ?? 0) > 0;
  const verdicts = input.targets.map((target) => judgeOnReport(report, target, hasBots));
  const judged = buildRunSummary({
    ingest,
    verdicts,
    toolVersion: input.toolVersion,
    scenario: { name: input.scenarioName, timeScale: input.plan.timeScale },
    target: { url: input.targetUrl, embedded: false },
    startedAt: analyzed.summary.startedAt,
    endedAt: analyzed.summary.endedAt,
  });
  // the report's own metadata (run-fargate writes it) comes first: it is what ran
  const region = typeof metadata.region === 'string' ? metadata.region : input.region;
  const workers = typeof metadata.count === 'number' ? metadata.count : input.workers;
  const origin = cloudOriginNote(input.runner, region, workers);
  const artillery = (analyzed.summary.scenario.artillery ?? {}) as Record<string, unknown>;
  const complete = input.complete ?? true;
  const summary: RunSummary = {
    ...analyzed.summary,
    verdict: judged.verdict,
    targets: judged.targets,
    scenario: {
      ...analyzed.summary.scenario,
      timeScale: input.plan.timeScale,
      people: input.plan.people,
      stock: input.plan.stock,
      source: `Artillery’s merged report of a distributed run (artillery ${RUNNER_INFO[input.runner].command} --count ${input.workers})`,
      artillery: { ...artillery, percentiles: origin },
      cloud: {
        runner: input.runner,
        command: `artillery ${RUNNER_INFO[input.runner].command}`,
        platform: RUNNER_INFO[input.runner].name,
        region,
        workers,
        testRunId: typeof raw.testId === 'string' ? raw.testId : null,
        cluster: typeof metadata.cluster === 'string' ? metadata.cluster : null,
        percentiles: 'Artillery’s merged DDSketch summaries (1% relative accuracy)',
        idleSlots: report.aggregate.counters['saleready.idle_slots'] ?? 0,
        ...(input.split
          ? {
              shares: input.split.shares.map((share) => ({
                index: share.index,
                people: share.people,
                bots: share.bots,
                rings: share.rings,
              })),
            }
          : {}),
      },
    },
    target: { url: input.targetUrl, embedded: false },
    engine: {
      name: `artillery ${RUNNER_INFO[input.runner].command}`,
      version: input.artilleryVersion,
      exitCode: input.exitCode,
      personEngine: 'saleready (artillery-engine-saleready)',
    },
    complete,
    interruption: complete ? null : (input.interruption ?? 'The run stopped before its end.'),
  };
  return { summary, ingest, report };
}
