import { z } from 'zod';
import { describeZodIssues, UsageError } from '../errors.ts';

/**
 * summary.json: what one run measured and how it was judged (docs/SUMMARY-SCHEMA.md).
 * The zod schema is the contract; `RunSummary` is inferred from it. Bump
 * SUMMARY_SCHEMA_VERSION on any change a reader of version 1 would misread.
 */
export const SUMMARY_SCHEMA_VERSION = 2;

const count = z.number().int().nonnegative();
const finite = z.number().refine(Number.isFinite, 'must be a finite number');
const nullableNumber = finite.nullable();
const verdict = z.enum(['pass', 'fail', 'inconclusive']);

/** Figures of a latency-like distribution, in ms; null figures when it had no samples. */
export const distributionSchema = z.object({
  count,
  mean: nullableNumber,
  p50: nullableNumber,
  p90: nullableNumber,
  p95: nullableNumber,
  p99: nullableNumber,
  max: nullableNumber,
});

/** A queue-wait target judged over everyone who joined (harness/results queue-wait-over-everyone.ts). */
export const targetOverEveryoneSchema = z.object({
  method: z.literal('kaplan-meier'),
  /** How the pointwise interval of the curve is made (Greenwood's variance on the log-log scale). */
  interval: z.literal('log-log'),
  joined: count,
  admitted: count,
  leftBeforeAdmission: count,
  /** Ŝ(threshold): estimated share of people who joined still waiting at the threshold; null beyond the longest time seen. */
  stillWaitingAtThreshold: z.number().min(0).max(1).nullable(),
  stillWaitingInterval: z.tuple([finite, finite]).nullable(),
  /** The percentile's interval; a bound is null where the pointwise curve never falls far enough. */
  quantileInterval: z.tuple([nullableNumber, nullableNumber]),
  /** Longest time anyone was seen waiting, admitted or not (the target's unit). */
  longestSeen: z.number().nonnegative(),
  /** The same target judged on admitted people only (as before this field): kept for comparison. */
  admittedOnly: z.object({
    verdict,
    measured: nullableNumber,
    interval: z.tuple([finite, finite]).nullable(),
    samples: count,
  }),
});

export const targetResultSchema = z.object({
  id: z.string().min(1),
  description: z.string(),
  /** The target in Korean words, for Korean reports. */
  descriptionKo: z.string(),
  metric: z.string(),
  stat: z.string(),
  op: z.enum(['<', '<=', '>', '>=', '==']),
  threshold: finite,
  unit: z.string(),
  verdict,
  measured: nullableNumber,
  interval: z.tuple([finite, finite]).nullable(),
  confidence: z.number().gt(0).lt(1),
  samples: count,
  minSamples: count.optional(),
  note: z.string().optional(),
  reason: z
    .enum(['no-samples', 'too-few-samples', 'not-a-number', 'interval-crosses-threshold', 'missed', 'run-interrupted'])
    .optional(),
  /** Present on queue-wait targets judged over everyone who joined (Kaplan–Meier). */
  overEveryone: targetOverEveryoneSchema.optional(),
});

import { OUTCOMES, type Outcome } from '../vocabulary.ts';

export { OUTCOMES, type Outcome };

export const actorFiguresSchema = z.object({
  arrivals: count,
  admitted: count,
  outcomes: z.object(Object.fromEntries(OUTCOMES.map((outcome) => [outcome, count])) as Record<Outcome, typeof count>),
  unitsBought: count,
  reentries: count,
  sessionExpiries: count,
});

/** One bucket of the run: t is seconds since the first sample's second (run time). */
export const timelinePointSchema = z.object({
  t: count,
  arrivals: count,
  joins: count,
  admitted: count,
  /** People waiting: the shop's own figure when it was given, else joins − admitted − left. */
  queueLength: count,
  requests: count,
  failedRequests: count,
  /** Queue waits that ended in this second, sale time (× timeScale), ms. */
  waitP50SaleMs: nullableNumber,
  waitP95SaleMs: nullableNumber,
});

export const stepLatencyPointSchema = z.object({
  t: count,
  step: z.string(),
  p50: nullableNumber,
  p95: nullableNumber,
  p99: nullableNumber,
});

const bilingual = z.object({ en: z.string(), ko: z.string() });

const quantileInterval = z.tuple([nullableNumber, nullableNumber]);

/** Kaplan–Meier estimate of the queue wait over everyone who joined, sale time (ms). */
export const queueWaitOverEveryoneSchema = z.object({
  method: z.literal('kaplan-meier'),
  interval: z.literal('log-log'),
  confidence: z.number().gt(0).lt(1),
  joined: count,
  admitted: count,
  leftBeforeAdmission: count,
  /** The censored by how their journey ended (gave_up, lost_place, sold_out, error …). */
  leftByOutcome: z.record(z.string(), count),
  /** Person records without a join (not in the estimate). */
  neverJoined: count,
  /** Percentiles of the wait, sale time (ms); null when the curve never falls that far ("not reached"). */
  saleTime: z.object({
    p50: nullableNumber,
    p90: nullableNumber,
    p95: nullableNumber,
    p99: nullableNumber,
    longestSeenMs: z.number().nonnegative(),
  }),
  /** Brookmeyer–Crowley intervals of those percentiles; a bound is null where it is not reached. */
  intervals: z.object({ p50: quantileInterval, p90: quantileInterval, p95: quantileInterval, p99: quantileInterval }),
  /** The curve at its event times (at most ~400 points kept): share still waiting after tSaleMs. */
  curve: z.array(
    z.object({
      tSaleMs: z.number().nonnegative(),
      stillWaiting: z.number().min(0).max(1),
      lower: z.number().min(0).max(1),
      upper: z.number().min(0).max(1),
      atRisk: count,
    }),
  ),
});
export type QueueWaitOverEveryoneSummary = z.infer<typeof queueWaitOverEveryoneSchema>;

/** Bots, fairness and lost places (harness/report/crowd-figures.ts). */
export const crowdFiguresSchema = z.object({
  bots: z
    .object({
      accounts: count,
      units: count,
      /** Bots' units over the stock of this run; null when the stock is not known. */
      shareOfStock: z.number().min(0).nullable(),
      rings: count,
      /** Units bought per ring; a ring buys to one delivery address. */
      unitsByRing: z.record(z.string(), count),
      ringsOverAddressLimit: count.nullable(),
      unitsOverAddressLimit: count.nullable(),
      shopAddressesOverLimit: count.nullable(),
      /** Queue-bypass attempts: kind (no_token, forged_token, replayed_token) → result → count. */
      bypass: z.record(z.string(), z.record(z.string(), count)),
    })
    .nullable(),
  fairness: z
    .object({
      people: count,
      /** Share of person pairs admitted in the reverse of their join order. */
      invertedShare: z.number().min(0).max(1),
      peopleOvertaken: count,
      maxOvertakenBy: count,
      /** Reversals closer than this (sale time, ms) are not counted: polling hides them. */
      toleranceSaleMs: z.number().nonnegative(),
      samplesDropped: count,
    })
    .nullable(),
  waitedAndLost: z.object({
    thresholdSaleMs: z.number().nonnegative(),
    /** Places lost after a wait of at least thresholdSaleMs. */
    people: count,
    lostPlaces: count,
    waitedSaleTime: distributionSchema,
  }),
});
export type CrowdFigures = z.infer<typeof crowdFiguresSchema>;

/** A real person in Chromium (harness/browser). */
export const browserJourneySchema = z.object({
  person: z.string(),
  outcome: z.string(),
  queueShownMs: nullableNumber,
  admissionMs: nullableNumber,
  movedOnByItself: z.boolean(),
  confirmationMs: nullableNumber,
  message: z.string().nullable(),
  screenshots: z.array(z.object({ step: z.string(), file: z.string(), atMs: z.number().nonnegative() })),
  trace: z.string().nullable(),
});

/** Queue-integrity probes (harness/probe). */
export const probeReportSchema = z.object({
  target: z.string(),
  startedAt: z.string(),
  highSeverityFailures: count,
  inconclusive: count,
  findings: z.array(
    z.looseObject({
      id: z.string(),
      title: bilingual,
      severity: z.enum(['high', 'medium', 'low']),
      verdict: z.enum(['held', 'bypassed', 'inconclusive']),
      observed: bilingual,
      fix: bilingual,
    }),
  ),
});

/** One group of requests of a plain k6 run (saleready analyze): the tags it shares, its figures. */
export const requestGroupSchema = z.object({
  /** The group's tag values as one readable key, e.g. `group=::checkout · name=checkout`. */
  key: z.string().min(1),
  /** The grouping tags and their values ('' when a request did not carry the tag). */
  tags: z.record(z.string(), z.string()),
  requests: count,
  failed: count,
  errorRate: z.number().min(0).max(1).nullable(),
  /** Wilson 95% interval of errorRate. */
  errorRateInterval: z.tuple([finite, finite]).nullable(),
  /** http_req_duration of the group, ms. */
  latency: distributionSchema,
  /** Distribution-free 95% intervals of the p95 and p99. */
  p95Interval: z.tuple([finite, finite]).nullable(),
  p99Interval: z.tuple([finite, finite]).nullable(),
  /** Requests by `status` tag. */
  statuses: z.record(z.string(), count),
});

/** Requests of a plain k6 run grouped by the tags it has (scenario, group, name, method). */
export const requestGroupsSchema = z.object({
  /** The tags that split the groups, in key order. */
  by: z.array(z.string()),
  rows: z.array(requestGroupSchema),
  /** Per group and bucket (timelineBucketSeconds wide); buckets without requests left out. */
  timeline: z.array(
    z.object({
      t: count,
      key: z.string(),
      requests: count,
      failed: count,
      p50: nullableNumber,
      p95: nullableNumber,
      p99: nullableNumber,
    }),
  ),
});

/** One thing to change, read off the run (harness/report/run-recommendations.ts). */
export const recommendationSchema = z.object({
  id: z.string(),
  severity: z.enum(['high', 'medium', 'low']),
  en: z.string(),
  ko: z.string(),
});
export type Recommendation = z.infer<typeof recommendationSchema>;

export const summarySchema = z.object({
  schemaVersion: z.literal(SUMMARY_SCHEMA_VERSION),
  tool: z.object({ name: z.literal('saleready'), version: z.string().min(1) }),
  /** The scenario as the caller describes it; name and timeScale always, anything else kept. */
  scenario: z.looseObject({
    name: z.string().min(1),
    /** k: waits are measured in run time and shown × k as sale time. */
    timeScale: z.number().positive(),
    people: count.optional(),
    stock: count.optional(),
  }),
  target: z.object({ url: z.string().min(1), embedded: z.boolean() }),
  /**
   * What generated the load: `artillery` with saleready's person engine for `run`, gate and
   * capacity; `k6` or `artillery` for a run `saleready analyze` read; null when unknown.
   */
  engine: z
    .object({
      name: z.string().min(1),
      version: z.string().nullable(),
      exitCode: z.number().int().nullable(),
      /** The person engine and its version (`saleready 1.0.0`), when it ran the crowd. */
      personEngine: z.string().nullable(),
    })
    .nullable(),
  startedAt: z.iso.datetime(),
  endedAt: z.iso.datetime(),
  durationMs: z.number().nonnegative(),
  complete: z.boolean(),
  /** Why the run stopped early; null for a complete run. */
  interruption: z.string().nullable(),
  verdict,
  targets: z.array(targetResultSchema),
  /** Per actor (person, bot, …): arrivals, admissions, outcomes, re-entries, session expiries. */
  actors: z.record(z.string(), actorFiguresSchema),
  requests: z.object({ total: count, failed: count, errorRate: z.number().min(0).max(1).nullable() }),
  queueWait: z.object({
    timeScale: z.number().positive(),
    runTime: distributionSchema,
    saleTime: distributionSchema,
    /** Distribution of sale-time waits: [fromMs, toMs) bins with their counts. */
    saleTimeBins: z.array(z.object({ fromMs: z.number().nonnegative(), toMs: z.number().nonnegative(), count })),
    /** Waits over everyone who joined (Kaplan–Meier; leaving before admission = censored); from the engine's person records. */
    overEveryone: queueWaitOverEveryoneSchema.optional(),
  }),
  reentries: z.object({ total: count, byReason: z.record(z.string(), count) }),
  sessionExpiries: count,
  stock: z.object({
    stock: count.nullable(),
    unitsSold: count,
    /** Where unitsSold comes from: the shop's own count, or the units the load engine saw bought. */
    unitsSoldSource: z.enum(['shop', 'caller', 'engine']),
    /** Units sold beyond stock (must be 0); null when the stock is not known. */
    oversold: count.nullable(),
  }),
  latencyByStep: z.array(distributionSchema.extend({ step: z.string() })),
  /** Width of one timeline bucket, s (1 unless the run was longer than 600 s). */
  timelineBucketSeconds: z.number().int().positive(),
  /** Where timeline[].queueLength comes from: the shop's own readings, or derived from the engine's counts. */
  queueLengthSource: z.enum(['shop', 'derived']),
  timeline: z.array(timelinePointSchema),
  stepLatencyTimeline: z.array(stepLatencyPointSchema),
  /** The shop's own counters (its admin stats), when it reported them. */
  shop: z.record(z.string(), finite).nullable(),
  /** Bots, bulk buying, fairness and lost places; absent in summaries made before it existed. */
  crowd: crowdFiguresSchema.optional(),
  /** Real browsers run beside the load, when the scenario asked for them. */
  browsers: z.array(browserJourneySchema).optional(),
  /** Queue-integrity probe findings, when the scenario asked for them. */
  probes: probeReportSchema.optional(),
  /** What to change, read off the run: session and ticket lengths, a sold-out announcement, … */
  recommendations: z.array(recommendationSchema).optional(),
  /** Requests grouped by the run's own tags; written by `saleready analyze` for plain k6 runs. */
  groups: requestGroupsSchema.optional(),
  ingest: z.object({
    samples: count,
    lines: count,
    badLines: count,
    sources: z.array(z.string()),
    warnings: z.array(z.string()),
  }),
});

export type RunSummary = z.infer<typeof summarySchema>;

/** Reads and validates a summary.json object; a UsageError lists every bad field. */
export function parseRunSummary(json: unknown, where = 'summary.json'): RunSummary {
  const parsed = summarySchema.safeParse(json);
  if (!parsed.success) {
    throw new UsageError(
      'report.bad-summary',
      describeZodIssues(parsed.error.issues, `${where} does not match schema version ${SUMMARY_SCHEMA_VERSION}`),
    );
  }
  return parsed.data;
}
export type TargetResult = z.infer<typeof targetResultSchema>;
export type Distribution = z.infer<typeof distributionSchema>;
export type ActorFigures = z.infer<typeof actorFiguresSchema>;
export type TimelinePoint = z.infer<typeof timelinePointSchema>;

export type BrowserJourney = z.infer<typeof browserJourneySchema>;
export type ProbeReportSummary = z.infer<typeof probeReportSchema>;
export type RequestGroup = z.infer<typeof requestGroupSchema>;
export type RequestGroups = z.infer<typeof requestGroupsSchema>;
