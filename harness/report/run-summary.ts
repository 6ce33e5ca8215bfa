import { z } from 'zod';
import { describeZodIssues, UsageError } from '../errors.ts';

/**
 * summary.json: what one run measured and how it was judged (docs/SUMMARY-SCHEMA.md).
 * The zod schema is the contract; `RunSummary` is inferred from it. Bump
 * SUMMARY_SCHEMA_VERSION on any change a reader of version 1 would misread.
 */
export const SUMMARY_SCHEMA_VERSION = 1;

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
  reason: z.enum(['no-samples', 'too-few-samples', 'not-a-number', 'interval-crosses-threshold', 'missed']).optional(),
});

export const OUTCOMES = ['bought', 'sold_out', 'limit_reached', 'gave_up', 'lost_place', 'error'] as const;
export type Outcome = (typeof OUTCOMES)[number];

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
  k6: z.object({ version: z.string(), exitCode: z.number().int().nullable() }).nullable(),
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
  }),
  reentries: z.object({ total: count, byReason: z.record(z.string(), count) }),
  sessionExpiries: count,
  stock: z.object({
    stock: count.nullable(),
    unitsSold: count,
    /** Where unitsSold comes from: the shop's own count, or the units k6 saw bought. */
    unitsSoldSource: z.enum(['shop', 'caller', 'k6']),
    /** Units sold beyond stock (must be 0); null when the stock is not known. */
    oversold: count.nullable(),
  }),
  latencyByStep: z.array(distributionSchema.extend({ step: z.string() })),
  /** Width of one timeline bucket, s (1 unless the run was longer than 600 s). */
  timelineBucketSeconds: z.number().int().positive(),
  /** Where timeline[].queueLength comes from: the shop's own readings, or derived from k6 counts. */
  queueLengthSource: z.enum(['shop', 'derived']),
  timeline: z.array(timelinePointSchema),
  stepLatencyTimeline: z.array(stepLatencyPointSchema),
  /** The shop's own counters (its admin stats), when it reported them. */
  shop: z.record(z.string(), finite).nullable(),
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
    throw new UsageError('REPORT_BAD_SUMMARY', describeZodIssues(parsed.error.issues, `${where} does not match schema version ${SUMMARY_SCHEMA_VERSION}`));
  }
  return parsed.data;
}
export type TargetResult = z.infer<typeof targetResultSchema>;
export type Distribution = z.infer<typeof distributionSchema>;
export type ActorFigures = z.infer<typeof actorFiguresSchema>;
export type TimelinePoint = z.infer<typeof timelinePointSchema>;
