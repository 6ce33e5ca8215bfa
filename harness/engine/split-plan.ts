/**
 * A run plan split into N shares, one per load-generating worker of a distributed run
 * (Artillery's `run-fargate` / `run-lambda --count N`, where every worker runs the whole test):
 * - per arrival segment, the shares' people and bots add up to exactly the plan's;
 * - every bot ring stays whole on one worker (its accounts share an address, so the per-address
 *   limit is tested by one worker's requests, as in the sale);
 * - arrivals (people + bots) per segment are levelled across the shares: within ±1 of the
 *   segment's arrivals ÷ N wherever the rings allow it (always without bots);
 * - each share's accounts are disjoint from the others': people are a contiguous block of the
 *   people pool (`peopleOffset`), bots an explicit list of bot-pool indices (whole rings);
 * - stock is not split: the shop is shared, so every share still names the whole stock.
 * All workers run the same Artillery test, so its phases carry `slots` arrivals per segment,
 * the most any share has; a share with fewer leaves the rest of its slots idle (the person
 * engine ends them at once), spread evenly over the segment.
 *
 * Method: rings go to shares largest first, each to the share furthest below its bot quota
 * (largest-remainder quotas of bots ÷ N); a segment's bots go one at a time to the share with
 * the largest deficit against its own pro-rata curve, never past its total, so both sums are
 * exact; then a segment's people are poured into the shares with the fewest arrivals in that
 * segment (water-filling), ties to the share with the fewest arrivals so far. Pure: no I/O.
 * Cost O(bots × N + segments × N log(people)).
 */
import type { RunPlan } from '../scenario/index.ts';
import { buildArrivalSegments, wakeupsFor, type ArrivalSegment } from './arrival-segments.ts';

/** One segment of one share: the plan's segment with this worker's people and bots. */
export interface ShareSegment extends ArrivalSegment {
  /** Arrivals the test's phase brings on every worker (the most of any share): people + bots ≤ slots. */
  readonly slots: number;
}

export interface PlanShare {
  /** 1 … N. */
  readonly index: number;
  readonly people: number;
  readonly bots: number;
  /** Whole bot rings on this worker. */
  readonly rings: number;
  /** This share's people are people-pool indices peopleOffset … peopleOffset + people − 1. */
  readonly peopleOffset: number;
  /** This share's bots, as bot-pool indices in the order they arrive (whole rings). */
  readonly botIndices: readonly number[];
  readonly segments: readonly ShareSegment[];
}

export interface PlanSplit {
  readonly count: number;
  /** Per segment: the arrivals of the test's phase on every worker (max over the shares). */
  readonly slots: readonly number[];
  readonly segments: readonly ArrivalSegment[];
  readonly shares: readonly PlanShare[];
  /** Things to know, e.g. more workers than arrivals. */
  readonly warnings: readonly string[];
}

export interface SplitPlanOptions {
  /**
   * The ring of each bot-pool index (bots.json order). Default: ring ⌊i / ringSize⌋, the
   * layout of the engine's made-up bot accounts (harness/scenario, plan-bots).
   */
  readonly botRings?: readonly number[];
}

type SplitInput = Pick<RunPlan, 'arrivals' | 'arrivalEndMs' | 'bots' | 'people'>;

/** Largest-remainder split of `total` into `parts` quotas of total/parts: the first `total mod parts` get one more. */
function evenQuotas(total: number, parts: number): number[] {
  const base = Math.floor(total / parts);
  return Array.from({ length: parts }, (_, k) => base + (k < total % parts ? 1 : 0));
}

/** Bot-pool indices grouped by ring, each ring's members in index order. */
function ringsOf(botCount: number, ringSize: number, botRings: readonly number[] | undefined): number[][] {
  if (botRings !== undefined && botRings.length !== botCount) {
    throw new RangeError(`botRings has ${botRings.length} entries, but the plan has ${botCount} bots`);
  }
  const byRing = new Map<number, number[]>();
  for (let i = 0; i < botCount; i++) {
    const ring = botRings ? (botRings[i] as number) : Math.floor(i / ringSize);
    let members = byRing.get(ring);
    if (members === undefined) byRing.set(ring, (members = []));
    members.push(i);
  }
  return [...byRing.entries()].sort((a, b) => a[0] - b[0]).map(([, members]) => members);
}

/** Rings to shares: largest first, each to the share furthest below its quota (ties: lowest share). */
function assignRings(rings: readonly (readonly number[])[], parts: number): number[][] {
  const quotas = evenQuotas(
    rings.reduce((sum, ring) => sum + ring.length, 0),
    parts,
  );
  const held = Array.from({ length: parts }, () => [] as number[]);
  const order = rings.map((ring, id) => ({ ring, id })).sort((a, b) => b.ring.length - a.ring.length || a.id - b.id);
  for (const { ring } of order) {
    let best = 0;
    for (let k = 1; k < parts; k++) if (quotas[k]! - held[k]!.length > quotas[best]! - held[best]!.length) best = k;
    held[best]!.push(...ring);
  }
  return held.map((indices) => indices.sort((a, b) => a - b));
}

/**
 * Each segment's bots among shares whose totals are fixed: unit by unit, to the share with the
 * largest deficit against its pro-rata curve (totals[k] × bots so far ÷ all bots) that still
 * has room. Exact in both directions: columns sum to each segment's bots, rows to totals.
 */
function splitBotsBySegment(segmentBots: readonly number[], totals: readonly number[]): number[][] {
  const all = totals.reduce((sum, value) => sum + value, 0);
  const given = totals.map(() => 0);
  const result = segmentBots.map(() => totals.map(() => 0));
  let sofar = 0;
  segmentBots.forEach((bots, s) => {
    for (let unit = 0; unit < bots; unit++) {
      sofar++;
      let best = -1;
      let bestDeficit = -Infinity;
      for (let k = 0; k < totals.length; k++) {
        if (given[k]! >= totals[k]!) continue;
        const deficit = (totals[k]! * sofar) / all - given[k]!;
        if (deficit > bestDeficit + 1e-12) {
          best = k;
          bestDeficit = deficit;
        }
      }
      given[best]!++;
      result[s]![best]!++;
    }
  });
  return result;
}

/**
 * A segment's people poured into the shares with the fewest arrivals (water-filling): every
 * share ends at level L or L + 1 unless its bots alone are above L. The +1s go to the shares
 * with the fewest arrivals so far (then the lowest index), so totals stay level too.
 */
function pourPeople(people: number, bots: readonly number[], arrivedSoFar: readonly number[]): number[] {
  const room = (level: number): number => bots.reduce((sum, b) => sum + Math.max(0, level - b), 0);
  let low = 0;
  let high = people + bots.reduce((most, count) => Math.max(most, count), 0);
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (room(mid) <= people) low = mid;
    else high = mid - 1;
  }
  const level = low;
  const given = bots.map((b) => Math.max(0, level - b));
  let left = people - given.reduce((sum, value) => sum + value, 0);
  const atLevel = bots
    .map((b, k) => ({ k, b }))
    .filter(({ b }) => b <= level)
    .sort((x, y) => arrivedSoFar[x.k]! - arrivedSoFar[y.k]! || x.k - y.k);
  for (const { k } of atLevel) {
    if (left === 0) break;
    given[k]!++;
    left--;
  }
  return given;
}

/** Splits the plan's crowd into `count` shares (see the file comment). count = 1 gives the plan itself. */
export function splitPlan(plan: SplitInput, count: number, options: SplitPlanOptions = {}): PlanSplit {
  if (!Number.isInteger(count) || count < 1)
    throw new RangeError(`the number of workers must be a whole number ≥ 1, got ${count}`);
  const segments = buildArrivalSegments(plan);
  const botCount = plan.bots?.count ?? 0;
  const ringSize = plan.bots?.ringSize ?? 1;
  const rings = ringsOf(botCount, ringSize, options.botRings);
  const botIndices = assignRings(rings, count);
  const ringsHeld = botIndices.map(
    (indices) => new Set(indices.map((i) => (options.botRings ? options.botRings[i] : Math.floor(i / ringSize)))).size,
  );
  const botsBySegment = splitBotsBySegment(
    segments.map((segment) => segment.bots),
    botIndices.map((indices) => indices.length),
  );

  const arrived = Array.from({ length: count }, () => 0);
  const perShare = Array.from({ length: count }, () => [] as { people: number; bots: number }[]);
  const slots: number[] = [];
  segments.forEach((segment, s) => {
    const bots = botsBySegment[s] as number[];
    const people = pourPeople(segment.people, bots, arrived);
    let most = 0;
    for (let k = 0; k < count; k++) {
      perShare[k]!.push({ people: people[k]!, bots: bots[k]! });
      arrived[k]! += people[k]! + bots[k]!;
      most = Math.max(most, people[k]! + bots[k]!);
    }
    slots.push(most);
  });

  let offset = 0;
  const shares: PlanShare[] = perShare.map((counts, k) => {
    const people = counts.reduce((sum, c) => sum + c.people, 0);
    const share: PlanShare = {
      index: k + 1,
      people,
      bots: botIndices[k]!.length,
      rings: ringsHeld[k]!,
      peopleOffset: offset,
      botIndices: botIndices[k]!,
      segments: segments.map((segment, s) => ({
        ...segment,
        people: counts[s]!.people,
        bots: counts[s]!.bots,
        slots: slots[s]!,
        wakeups: wakeupsFor(slots[s]!, segment.durationMs),
      })),
    };
    offset += people;
    return share;
  });
  const warnings: string[] = [];
  const crowd = plan.people + botCount;
  if (count > crowd)
    warnings.push(
      `${count} workers for ${crowd} arrivals: ${count - crowd} worker${count - crowd === 1 ? '' : 's'} will have nobody to run`,
    );
  if (rings.length > 0 && rings.length < count)
    warnings.push(
      `${rings.length} bot ring${rings.length === 1 ? '' : 's'} for ${count} workers: rings stay whole, so some workers run no bots`,
    );
  return { count, slots, segments, shares, warnings };
}

/** The plan file of one share, as the person engine reads it (`plan-<k>.json`). */
export function sharePlanJson(
  planForEngine: Record<string, unknown>,
  split: PlanSplit,
  share: PlanShare,
): Record<string, unknown> {
  const bots = planForEngine.bots as Record<string, unknown> | null | undefined;
  return {
    ...planForEngine,
    people: share.people,
    ...(bots ? { bots: { ...bots, count: share.bots, rings: share.rings } } : {}),
    arrivalSegments: share.segments,
    share: { index: share.index, of: split.count, peopleOffset: share.peopleOffset, botIndices: share.botIndices },
  };
}
