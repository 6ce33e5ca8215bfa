import {
  aggregateOf,
  measure,
  tagValuesOf,
  type IngestResult,
  type QueueWaitOverEveryone,
  type RunTargetVerdict,
} from '../results/index.ts';
import { describeTarget, summarizeVerdicts, type TargetVerdict } from '../stats/index.ts';
import { summarizeQueueWaitOverEveryone } from './wait-over-everyone.ts';
import { buildTimeline, type QueueLengthSample } from './build-timeline.ts';
import { countOf, distribution } from './ingest-figures.ts';
import { waitBins } from './wait-bins.ts';
import {
  OUTCOMES,
  SUMMARY_SCHEMA_VERSION,
  type ActorFigures,
  type Distribution,
  type RunSummary,
  type TargetResult,
  type CrowdFigures,
  type BrowserJourney,
  probeReportSchema,
} from './run-summary.ts';

export interface BuildRunSummaryInput {
  readonly ingest: IngestResult;
  /** Target verdicts; queue-wait targets judged over everyone carry `overEveryone` (judgeQueueWaitOverEveryone). */
  readonly verdicts: readonly (TargetVerdict | RunTargetVerdict)[];
  readonly toolVersion: string;
  /**
   * The scenario as run: name, time scale k (waits are shown × k), and the run's (scaled)
   * people and stock; any other JSON-safe fields are kept as given.
   */
  readonly scenario: {
    readonly name: string;
    readonly timeScale: number;
    readonly people?: number;
    readonly stock?: number;
  } & Readonly<Record<string, unknown>>;
  /**
   * The run plan (harness/scenario's RunPlan fits): when given, its timeScale, people and stock
   * — the run's scaled figures — take precedence over the scenario's.
   */
  readonly plan?: { readonly timeScale: number; readonly people: number; readonly stock: number } | null;
  readonly target: { readonly url: string; readonly embedded: boolean };
  readonly startedAt: Date | string;
  readonly endedAt: Date | string;
  /** false when the run stopped early; default true. */
  readonly complete?: boolean;
  readonly interruption?: string | null;
  /** Units for sale in this run; default scenario.stock. */
  readonly stock?: number;
  /** Units sold as the caller counted them; default the shop's `unitsSold`, else what the engine saw bought. */
  readonly unitsSold?: number;
  /** The shop's own stats (any JSON object: numeric leaves are kept as dotted keys); `unitsSold` is used. */
  readonly shopStats?: object | null;
  /** The shop's queue length over time, when it reported one (else it is derived). */
  readonly shopQueueLength?: readonly QueueLengthSample[];
  /** What generated the load (summary.json `engine`). */
  readonly engine?: RunSummary['engine'];
  /** Bots, fairness and lost places (buildCrowdFigures). */
  readonly crowd?: CrowdFigures;
  readonly browsers?: readonly (Omit<BrowserJourney, 'screenshots'> & {
    readonly screenshots: readonly BrowserJourney['screenshots'][number][];
  })[];
  /** harness/probe's ProbeReport (checked against the summary schema here). */
  readonly probes?: object;
  /** Waits over everyone who joined, from the engine's person records (estimateQueueWaitOverEveryone). */
  readonly queueWaitOverEveryone?: QueueWaitOverEveryone | null;
}

const WAIT = 'sr_queue_wait';

/** Builds summary.json's content from an ingest, the target verdicts and what the caller knows. */
export function buildRunSummary(input: BuildRunSummaryInput): RunSummary {
  const { ingest } = input;
  const timeScale = input.plan?.timeScale ?? input.scenario.timeScale;
  const people = input.plan?.people ?? input.scenario.people;
  const startedAt = new Date(input.startedAt);
  const endedAt = new Date(input.endedAt);
  const complete = input.complete ?? true;
  const actors = actorFigures(ingest);
  const stock = input.stock ?? input.plan?.stock ?? input.scenario.stock ?? null;
  const shop = input.shopStats ? flattenNumbers(input.shopStats as Record<string, unknown>) : null;
  const unitsSoldSource = input.unitsSold !== undefined ? 'caller' : shop?.unitsSold !== undefined ? 'shop' : 'engine';
  const unitsSold = Math.max(
    0,
    Math.round(
      input.unitsSold ?? shop?.unitsSold ?? Object.values(actors).reduce((sum, actor) => sum + actor.unitsBought, 0),
    ),
  );
  const requestsTotal = countOf(ingest, 'http_reqs');
  const failedRequests = countOf(ingest, 'http_req_failed');
  const failedSamples = measure(ingest, 'http_req_failed', 'rate');
  const runTime = distribution(ingest, WAIT, 1);
  const { timeline, stepLatencyTimeline, bucketSeconds, queueLengthSource } = buildTimeline(
    ingest,
    timeScale,
    input.shopQueueLength,
  );
  const reentryReasons = tagValuesOf(ingest, 'sr_reentries', 'reason');
  return {
    schemaVersion: SUMMARY_SCHEMA_VERSION,
    tool: { name: 'saleready', version: input.toolVersion },
    scenario: {
      ...jsonSafe(input.scenario),
      name: input.scenario.name,
      timeScale,
      ...(people !== undefined ? { people } : {}),
      ...(stock !== null ? { stock } : {}),
    },
    target: { url: input.target.url, embedded: input.target.embedded },
    engine: input.engine ?? null,
    startedAt: startedAt.toISOString(),
    endedAt: endedAt.toISOString(),
    durationMs: Math.max(0, endedAt.getTime() - startedAt.getTime()),
    complete,
    interruption: complete ? null : (input.interruption ?? 'The run stopped before its end.'),
    verdict: summarizeVerdicts(input.verdicts),
    targets: input.verdicts.map(targetResult),
    actors,
    requests: {
      total: requestsTotal,
      failed: failedRequests,
      errorRate: failedSamples?.value ?? null,
    },
    queueWait: {
      timeScale,
      runTime,
      saleTime: scaleDistribution(runTime, timeScale),
      saleTimeBins: waitBins(aggregateOf(ingest, WAIT), timeScale),
      ...(input.queueWaitOverEveryone
        ? { overEveryone: summarizeQueueWaitOverEveryone(input.queueWaitOverEveryone, timeScale) }
        : {}),
    },
    reentries: {
      total: countOf(ingest, 'sr_reentries'),
      byReason: Object.fromEntries(
        reentryReasons.map((reason) => [reason, countOf(ingest, `sr_reentries{reason:${reason}}`)]),
      ),
    },
    sessionExpiries: countOf(ingest, 'sr_session_expiries'),
    stock: {
      stock,
      unitsSold,
      unitsSoldSource,
      oversold: stock === null ? null : Math.max(0, unitsSold - stock),
    },
    latencyByStep: tagValuesOf(ingest, 'http_req_duration', 'step').map((step) => ({
      step,
      ...distribution(ingest, `http_req_duration{step:${step}}`, 1),
    })),
    timelineBucketSeconds: bucketSeconds,
    queueLengthSource,
    timeline,
    stepLatencyTimeline,
    shop,
    ingest: {
      samples: ingest.samples,
      lines: ingest.lines,
      badLines: ingest.badLines,
      sources: [...ingest.sources],
      warnings: [...ingest.warnings],
    },
    ...(input.crowd ? { crowd: input.crowd } : {}),
    ...(input.browsers ? { browsers: jsonSafeArray(input.browsers) as BrowserJourney[] } : {}),
    ...(input.probes ? { probes: probeReportSchema.parse(jsonSafe(input.probes as Record<string, unknown>)) } : {}),
  };
}

function jsonSafeArray<T>(values: readonly T[]): T[] {
  return JSON.parse(JSON.stringify(values)) as T[];
}

function actorFigures(ingest: IngestResult): Record<string, ActorFigures> {
  // Actors are who arrived or ended a journey; requests tagged otherwise (the harness's own
  // probes) are not people and stay out, unless the run has no journey metrics at all.
  const journeyActors = ['sr_arrivals', 'sr_outcome'].flatMap((metric) => tagValuesOf(ingest, metric, 'actor'));
  const actors = ingest.tagKeys.includes('actor')
    ? [...new Set(journeyActors.length > 0 ? journeyActors : tagValuesOf(ingest, 'http_reqs', 'actor'))].sort()
    : [];
  const figures: Record<string, ActorFigures> = {};
  for (const actor of actors) {
    const of = (metric: string, extra = ''): number => countOf(ingest, `${metric}{actor:${actor}${extra}}`);
    figures[actor] = {
      arrivals: of('sr_arrivals'),
      admitted: of('sr_admitted'),
      outcomes: Object.fromEntries(
        OUTCOMES.map((outcome) => [outcome, of('sr_outcome', `,outcome:${outcome}`)]),
      ) as ActorFigures['outcomes'],
      unitsBought: of('sr_units_bought'),
      reentries: of('sr_reentries'),
      sessionExpiries: of('sr_session_expiries'),
    };
  }
  return figures;
}

function scaleDistribution(runTime: Distribution, k: number): Distribution {
  const times = (value: number | null): number | null => (value === null ? null : value * k);
  return {
    count: runTime.count,
    mean: times(runTime.mean),
    p50: times(runTime.p50),
    p90: times(runTime.p90),
    p95: times(runTime.p95),
    p99: times(runTime.p99),
    max: times(runTime.max),
  };
}

function targetResult(verdict: TargetVerdict | RunTargetVerdict): TargetResult {
  const over = 'overEveryone' in verdict ? verdict.overEveryone : undefined;
  const finitePair = (pair: readonly [number, number] | null): [number, number] | null =>
    pair && pair.every(Number.isFinite) ? [pair[0], pair[1]] : null;
  const finiteOrNull = (value: number | null): number | null =>
    value !== null && Number.isFinite(value) ? value : null;
  return {
    id: verdict.id,
    description: verdict.description,
    descriptionKo: describeTarget(verdict, 'ko'),
    metric: verdict.metric,
    stat: verdict.stat,
    op: verdict.op,
    threshold: verdict.threshold,
    unit: verdict.unit,
    verdict: verdict.verdict,
    measured: finiteOrNull(verdict.measured),
    interval:
      verdict.interval && verdict.interval.every(Number.isFinite) ? [verdict.interval[0], verdict.interval[1]] : null,
    confidence: verdict.confidence,
    samples: verdict.samples,
    ...(verdict.minSamples !== undefined ? { minSamples: verdict.minSamples } : {}),
    ...(verdict.note !== undefined ? { note: verdict.note } : {}),
    ...(verdict.reason !== undefined ? { reason: verdict.reason } : {}),
    ...(over
      ? {
          overEveryone: {
            method: over.method,
            interval: over.interval,
            joined: over.joined,
            admitted: over.admitted,
            leftBeforeAdmission: over.leftBeforeAdmission,
            stillWaitingAtThreshold: over.stillWaitingAtThreshold,
            stillWaitingInterval: finitePair(over.stillWaitingInterval),
            quantileInterval: [finiteOrNull(over.quantileInterval[0]), finiteOrNull(over.quantileInterval[1])] as [
              number | null,
              number | null,
            ],
            longestSeen: over.longestSeen,
            admittedOnly: {
              verdict: over.admittedOnly.verdict,
              measured: finiteOrNull(over.admittedOnly.measured),
              interval: finitePair(over.admittedOnly.interval),
              samples: over.admittedOnly.samples,
            },
          },
        }
      : {}),
  };
}

/** Numeric leaves of a nested object as dotted keys: { byActor: { bot: { orders: 3 } } } → byActor.bot.orders. */
export function flattenNumbers(value: Readonly<Record<string, unknown>>, prefix = ''): Record<string, number> {
  const flat: Record<string, number> = {};
  for (const [key, item] of Object.entries(value)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof item === 'number' && Number.isFinite(item)) flat[path] = item;
    else if (typeof item === 'object' && item !== null && !Array.isArray(item)) {
      Object.assign(flat, flattenNumbers(item as Record<string, unknown>, path));
    }
  }
  return flat;
}

/** A JSON round trip: drops functions, undefined and class instances' methods. */
function jsonSafe(value: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
}
