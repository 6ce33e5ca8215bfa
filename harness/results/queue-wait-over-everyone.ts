/**
 * Queue waits that count everyone who joined. The engine's person records give each person's
 * first join, last admission and leaving time: a person admitted waited admittedAtMs −
 * joinedAtMs (an event); a person who left before admission (gave up, lost the place, found
 * it sold out, an error) is censored at leftAtMs − joinedAtMs — they would have waited at
 * least that long. The Kaplan–Meier curve over these (harness/stats) estimates the share of
 * people still waiting after t; its percentiles are "95% of people who joined wait at most
 * t". It assumes leaving is independent of the wait one would have had (a person's patience
 * does not depend on their place), the usual non-informative censoring. The admission is the
 * last one recorded: a person sent back after admission counts from their first join to their
 * last admission. Cost O(n log n) for n people.
 */
import {
  describeTarget,
  kaplanMeier,
  kaplanMeierQuantile,
  percentileOfStat,
  survivalAt,
  type KaplanMeierCurve,
  type TargetSpec,
  type TargetSubject,
  type TargetVerdict,
  type VerdictReason,
} from '../stats/index.ts';
import type { PersonRecord } from './ingest-engine-records.ts';

export interface QueueWaitOverEveryone {
  /** The curve in run time, ms (multiply by the time scale for sale time). */
  readonly curve: KaplanMeierCurve;
  /** People who joined the queue (the subjects). */
  readonly joined: number;
  readonly admitted: number;
  /** Joined and left before their admission (censored). */
  readonly leftBeforeAdmission: number;
  /** The censored by how their journey ended (gave_up, lost_place, sold_out, error …). */
  readonly leftByOutcome: Readonly<Record<string, number>>;
  /** Person records without a join (logged in and never queued): not in the curve. */
  readonly neverJoined: number;
}

/** The survival data of the people (actor `person` by default) in the engine's records. */
export function estimateQueueWaitOverEveryone(
  people: readonly PersonRecord[],
  actor = 'person',
  confidence = 0.95,
): QueueWaitOverEveryone {
  const times: number[] = [];
  const events: boolean[] = [];
  const leftByOutcome: Record<string, number> = {};
  let neverJoined = 0;
  for (const person of people) {
    if (person.actor !== actor) continue;
    const joined = person.joinedAtMs;
    if (typeof joined !== 'number') {
      neverJoined += 1;
      continue;
    }
    if (typeof person.admittedAtMs === 'number') {
      times.push(Math.max(0, person.admittedAtMs - joined));
      events.push(true);
    } else if (typeof person.leftAtMs === 'number') {
      times.push(Math.max(0, person.leftAtMs - joined));
      events.push(false);
      leftByOutcome[person.outcome] = (leftByOutcome[person.outcome] ?? 0) + 1;
    } else neverJoined += 1;
  }
  const curve = kaplanMeier(times, events, { confidence });
  return {
    curve,
    joined: curve.subjects,
    admitted: curve.events,
    leftBeforeAdmission: curve.censored,
    leftByOutcome,
    neverJoined,
  };
}

/** What a queue-wait target says over everyone, beside the admitted-only figure it replaced. */
export interface WaitsOverEveryoneVerdict {
  readonly method: 'kaplan-meier';
  readonly interval: 'log-log';
  readonly joined: number;
  readonly admitted: number;
  readonly leftBeforeAdmission: number;
  /** Ŝ(threshold): the estimated share of people who joined still waiting at the threshold; null beyond the longest time seen. */
  readonly stillWaitingAtThreshold: number | null;
  readonly stillWaitingInterval: readonly [number, number] | null;
  /** The quantile's interval bounds, null where the pointwise curve never falls to 1 − p. */
  readonly quantileInterval: readonly [number | null, number | null];
  /** Longest time anyone was seen waiting, admitted or not (sale time, the target's unit). */
  readonly longestSeen: number;
  /** The target judged on admitted people only, as before: kept beside for comparison. */
  readonly admittedOnly: {
    readonly verdict: TargetVerdict['verdict'];
    readonly measured: number | null;
    readonly interval: readonly [number, number] | null;
    readonly samples: number;
  };
}

export type RunTargetVerdict = TargetVerdict & { readonly overEveryone?: WaitsOverEveryoneVerdict };

/** Minutes in one of a wait target's units (`ms` as scenarios compile them, or `s`, `min`, `h`). */
const MINUTES_PER_UNIT: Readonly<Record<string, number>> = { ms: 1 / 60_000, s: 1 / 60, min: 1, h: 60 };
/** Everyone who joined the queue, waiting: "95% of people who joined wait at most 20 min in the queue". */
const PEOPLE_WHO_JOINED: TargetSubject = {
  en: 'people who joined',
  ko: '줄을 선 사람',
  every: { en: 'every person who joined', ko: '줄을 선 모든 사람' },
  verb: { en: 'wait', enOne: 'waits', ko: '기다림', where: { en: 'in the queue', ko: '대기열에서' } },
  note: {
    en: 'sale time; Kaplan–Meier, people who left censored',
    ko: '판매 시간 기준, 카플란-마이어: 떠난 사람은 중도 절단',
  },
};
const share = (value: number): string => `${Number((value * 100).toPrecision(3))}%`;
const people = (value: number): string => value.toLocaleString('en-US');

/** True for the targets judged here: a percentile or the maximum of `sr_queue_wait`, with a ≤ or < threshold. */
function isQueueWaitTarget(spec: TargetSpec): boolean {
  const p = percentileOfStat(spec.stat);
  return (
    spec.metric.startsWith('sr_queue_wait') &&
    (spec.op === '<=' || spec.op === '<') &&
    (spec.stat === 'max' || (p !== null && p > 0 && p < 1))
  );
}

/**
 * Re-judges every queue-wait target on everyone who joined (the same ids, in the same order;
 * other verdicts are returned as they are). The rule for "p-th percentile ≤ T":
 * Q̂(p) = min{t : Ŝ(t) ≤ 1 − p} from the Kaplan–Meier curve decides (pass when Q̂(p) ≤ T);
 * its Brookmeyer–Crowley interval says whether a rerun may differ. When Ŝ never falls to
 * 1 − p: a fail if the curve reaches T (more than 1 − p still waited at T), else
 * inconclusive (everyone was admitted or gone before T). For `max`, the longest anyone was
 * seen waiting, admitted or not. Needs `over.joined` ≥ the spec's minimum samples.
 */
export function judgeQueueWaitOverEveryone(
  verdicts: readonly TargetVerdict[],
  specs: readonly TargetSpec[],
  over: QueueWaitOverEveryone | null,
): RunTargetVerdict[] {
  return verdicts.map((verdict, index) => {
    const spec = specs[index];
    if (!over || !spec || spec.id !== verdict.id || !isQueueWaitTarget(spec) || over.joined === 0) return verdict;
    return judgeOne(verdict, spec, over);
  });
}

function judgeOne(verdict: TargetVerdict, spec: TargetSpec, over: QueueWaitOverEveryone): RunTargetVerdict {
  const scale = spec.scale ?? 1;
  const perUnit = MINUTES_PER_UNIT[spec.unit] ?? 1 / 60_000;
  const inMinutes = (value: number): number => Number((value * perUnit).toPrecision(3));
  const minutes = (value: number): string => `${inMinutes(value)} min`;
  const threshold = spec.threshold;
  const { curve } = over;
  const at = survivalAt(curve, threshold / scale);
  const p = spec.stat === 'max' ? 1 : percentileOfStat(spec.stat)!;
  const quantile = spec.stat === 'max' ? null : kaplanMeierQuantile(curve, p);
  const scaled = (value: number | null): number | null => (value === null ? null : value * scale);
  const overEveryone: WaitsOverEveryoneVerdict = {
    method: 'kaplan-meier',
    interval: 'log-log',
    joined: over.joined,
    admitted: over.admitted,
    leftBeforeAdmission: over.leftBeforeAdmission,
    stillWaitingAtThreshold: at?.survival ?? null,
    stillWaitingInterval: at ? [at.lower, at.upper] : null,
    quantileInterval: quantile ? [scaled(quantile.lower), scaled(quantile.upper)] : [null, null],
    longestSeen: curve.lastTime * scale,
    admittedOnly: {
      verdict: verdict.verdict,
      measured: verdict.measured,
      interval: verdict.interval,
      samples: verdict.samples,
    },
  };
  const words = { ...spec, subject: PEOPLE_WHO_JOINED, description: undefined, descriptionKo: undefined };
  const base = {
    ...verdict,
    description: describeTarget(words, 'en'),
    descriptionKo: describeTarget(words, 'ko'),
    samples: over.joined,
    confidence: curve.confidence,
    overEveryone,
  };
  const { note: _note, reason: _reason, ...withoutNote } = base;
  /** The verdict over everyone, with why when it is not a plain pass. */
  const judged = (
    outcome: TargetVerdict['verdict'],
    measured: number | null,
    interval: readonly [number, number] | null,
    why?: { reason: VerdictReason; note: string },
  ): RunTargetVerdict => ({ ...withoutNote, verdict: outcome, measured, interval, ...why });
  const minSamples = verdict.minSamples ?? spec.minSamples ?? 1;
  if (over.joined < minSamples) {
    return judged('inconclusive', null, null, {
      reason: 'too-few-samples',
      note: `too few people joined to judge: ${people(over.joined)}, at least ${minSamples} needed for ${spec.stat}`,
    });
  }
  const meets = (value: number): boolean => (spec.op === '<' ? value < threshold : value <= threshold);
  if (spec.stat === 'max') {
    const longest = curve.lastTime * scale;
    if (meets(longest)) return judged('pass', longest, null);
    return judged('fail', longest, null, {
      reason: 'missed',
      note: `someone waited ${minutes(longest)} (admitted or not), target ${spec.op} ${minutes(threshold)}`,
    });
  }
  const q = quantile!;
  if (q.value === null) {
    const stillWaiting = share(q.survivalAtLastTime);
    if (curve.lastTime * scale >= threshold) {
      return judged('fail', null, null, {
        reason: 'missed',
        note: `${at ? share(at.survival) : stillWaiting} of the ${people(over.joined)} people who joined were still waiting at ${minutes(threshold)} (Kaplan–Meier); the ${spec.stat} lies beyond the longest wait seen, ${minutes(curve.lastTime * scale)}`,
      });
    }
    return judged('inconclusive', null, null, {
      reason: 'too-few-samples',
      note: `everyone had been admitted or had left by ${minutes(curve.lastTime * scale)}, with ${stillWaiting} estimated still waiting: the ${spec.stat} cannot be told`,
    });
  }
  const measured = q.value * scale;
  const lower = q.lower === null ? null : q.lower * scale;
  const upper = q.upper === null ? null : q.upper * scale;
  const interval: readonly [number, number] | null = lower !== null && upper !== null ? [lower, upper] : null;
  // the interval crosses T when its bounds fall on both sides; an open upper bound may lie beyond T
  const crosses = (lower === null || meets(lower)) !== (upper !== null && meets(upper));
  if (meets(measured)) {
    if (!crosses) return judged('pass', measured, interval);
    return judged('pass', measured, interval, {
      reason: 'interval-crosses-threshold',
      note: `met with ${minutes(measured)}, but the ${Math.round(curve.confidence * 100)}% interval [${lower === null ? '?' : minutes(lower)}, ${upper === null ? 'not reached' : minutes(upper)}] crosses ${minutes(threshold)}: a rerun may miss it`,
    });
  }
  const missed = `measured ${minutes(measured)} over everyone who joined, target ${spec.op} ${minutes(threshold)}`;
  if (!crosses) return judged('fail', measured, interval, { reason: 'missed', note: missed });
  return judged('fail', measured, interval, {
    reason: 'interval-crosses-threshold',
    note: `${missed}; the interval crosses the threshold: a rerun may meet it`,
  });
}
