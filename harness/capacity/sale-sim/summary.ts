/**
 * Turns the simulator's per-account arrays and counters into a `SaleSimulation`: wait
 * distributions (type-7 percentiles on sorted copies, O(n log n)), outcomes per actor,
 * the people who waited for nothing, shop load and Little's-law counters. Pure.
 */
import { percentileSorted } from '../../stats/index.ts';
import type { ArrivalPlan } from './types.ts';
import {
  SALE_OUTCOMES,
  type OutcomeCounts,
  type PersonWaits,
  type SaleSimulation,
  type SimulateSaleOptions,
  type WaitDistribution,
} from './types.ts';
import { buildSaleTimeline, lastWaiterLearnsAt } from './timeline.ts';

export const OUTCOME_CODE = { bought: 0, sold_out: 1, told_sold_out: 2, gave_up: 3, lost_place: 4 } as const;

export interface SaleRunRecord {
  readonly options: SimulateSaleOptions;
  readonly plan: ArrivalPlan;
  readonly wait: Float64Array;
  readonly outcome: Uint8Array;
  readonly waitedAndLost: Uint8Array;
  readonly units: Uint16Array;
  readonly counters: {
    readonly events: number;
    readonly visits: number;
    readonly queueArea: number;
    readonly sojourn: number;
    readonly maxQueued: number;
    readonly maxActive: number;
    readonly sessionExpiries: number;
    readonly lostTickets: number;
    readonly reEntriesTicket: number;
    readonly reEntriesRelogin: number;
    readonly told: number;
    readonly botUnits: number;
    readonly timeInShop: number;
    readonly shopVisits: number;
    readonly firstArrival: number;
    readonly soldOutAt: number | null;
    readonly claimedAt: number | null;
    readonly overhangAt: number | null;
    readonly overhangQueued: number;
    readonly reEntryCapped: number;
    readonly cutAtHorizon: number;
  };
  readonly stock: number;
  readonly sold: number;
  readonly endMinutes: number;
  readonly admittedPerMinute: Uint32Array;
  readonly servers: number;
  readonly announcedAt: number | null;
  readonly longWait: number;
  readonly maxReEntries: number;
  readonly horizonMinutes: number;
}

/** Distribution of `values[0..count)` (sorted in place). */
export function describeWaits(values: Float64Array): WaitDistribution {
  values.sort();
  let sum = 0;
  for (let i = 0; i < values.length; i += 1) sum += values[i]!;
  return {
    count: values.length,
    mean: values.length > 0 ? sum / values.length : 0,
    p50: values.length > 0 ? percentileSorted(values, 0.5) : 0,
    p95: values.length > 0 ? percentileSorted(values, 0.95) : 0,
    p99: values.length > 0 ? percentileSorted(values, 0.99) : 0,
    max: values.length > 0 ? values[values.length - 1]! : 0,
  };
}

function zeroCounts(): Record<(typeof SALE_OUTCOMES)[number], number> {
  return { bought: 0, sold_out: 0, told_sold_out: 0, gave_up: 0, lost_place: 0 };
}

/** Outcomes that end a wait with the person's turn; outcomes of people who learned it was sold out. */
const TURN_CODES = [OUTCOME_CODE.bought, OUTCOME_CODE.sold_out];
const SOLD_OUT_CODES = [OUTCOME_CODE.sold_out, OUTCOME_CODE.told_sold_out];

/** Humans' waits (after warm-up) with whether their turn came. */
function personWaits(run: SaleRunRecord): PersonWaits {
  const { plan, wait, outcome } = run;
  const warmup = run.options.warmupPeople ?? 0;
  const waits: number[] = [];
  const turns: number[] = [];
  for (let id = warmup; id < plan.times.length; id += 1) {
    if (plan.isBot[id] === 1) continue;
    waits.push(wait[id]!);
    turns.push(outcome[id] === OUTCOME_CODE.bought || outcome[id] === OUTCOME_CODE.sold_out ? 1 : 0);
  }
  return { waitMinutes: Float64Array.from(waits), reachedTurn: Uint8Array.from(turns) };
}

export function summarizeSale(run: SaleRunRecord): SaleSimulation {
  const { plan, wait, outcome, counters: c, options } = run;
  const timelineInput = { plan, wait, outcome, turnCodes: TURN_CODES, soldOutCodes: SOLD_OUT_CODES };
  const n = plan.times.length;
  const warmup = options.warmupPeople ?? 0;
  const everyone = new Float64Array(n);
  const buyers = new Float64Array(n);
  let everyoneCount = 0;
  let buyerCount = 0;
  const human: OutcomeCounts = zeroCounts();
  const bot: OutcomeCounts = zeroCounts();
  let humanBuyers = 0;
  let nothingCount = 0;
  let nothingWait = 0;
  let waitedAndLost = 0;
  for (let id = 0; id < n; id += 1) {
    const code = outcome[id]!;
    const name = SALE_OUTCOMES[code];
    if (plan.isBot[id] === 1) {
      if (name) bot[name] += 1;
      continue;
    }
    if (name) human[name] += 1;
    if (run.waitedAndLost[id] === 1) waitedAndLost += 1;
    const w = wait[id]!;
    if (code === OUTCOME_CODE.bought) humanBuyers += 1;
    else if (w > 0) {
      nothingCount += 1;
      nothingWait += w;
    }
    if (id < warmup) continue;
    everyone[everyoneCount++] = w;
    if (code === OUTCOME_CODE.bought) buyers[buyerCount++] = w;
  }
  const perMinute = run.admittedPerMinute;
  const ppm = options.shop.peoplePerMinute;
  let peak = 0;
  let overMinutes = 0;
  for (let m = 0; m < perMinute.length; m += 1) {
    const admitted = perMinute[m]!;
    if (admitted > peak) peak = admitted;
    if (admitted > ppm) overMinutes += 1;
  }
  const span = run.endMinutes - c.firstArrival;
  const sold = run.sold;
  return {
    people: options.people,
    accounts: n,
    waits: {
      everyone: describeWaits(everyone.subarray(0, everyoneCount)),
      buyers: describeWaits(buyers.subarray(0, buyerCount)),
    },
    soldOutAtMinutes: c.claimedAt,
    lastCheckoutAtMinutes: c.soldOutAt,
    lastWaiterLearnsAtMinutes: lastWaiterLearnsAt(timelineInput),
    timeline: buildSaleTimeline(timelineInput),
    ...(options.keepPersonWaits ? { personWaits: personWaits(run) } : {}),
    stockSold: sold,
    buyers: humanBuyers,
    outcomes: { human, bot },
    waitedForNothing: {
      people: nothingCount,
      meanWaitMinutes: nothingCount > 0 ? nothingWait / nothingCount : 0,
      personHours: nothingWait / 60,
    },
    reEntries: {
      total: c.reEntriesTicket + c.reEntriesRelogin,
      afterLostTicket: c.reEntriesTicket,
      afterRelogin: c.reEntriesRelogin,
    },
    sessionExpiries: c.sessionExpiries,
    lostTickets: c.lostTickets,
    waitedAndLost: { thresholdMinutes: run.longWait, people: waitedAndLost },
    shop: {
      peoplePerMinute: ppm,
      servers: run.servers,
      journeyMinutes: options.shop.journeyMinutes,
      peakAdmittedPerMinute: peak,
      peakLoadRatio: peak / ppm,
      minutesOverCapacity: overMinutes,
      maxActive: c.maxActive,
      meanTimeInShopMinutes: c.shopVisits > 0 ? c.timeInShop / c.shopVisits : 0,
    },
    bots: { accounts: plan.botAccounts, unitsBought: c.botUnits, shareOfStock: sold > 0 ? c.botUnits / sold : 0 },
    announcement: { atMinutes: run.announcedAt, told: c.told },
    overhang: { atMinutes: c.overhangAt, queued: c.overhangQueued },
    littlesLaw: {
      meanInQueue: span > 0 ? c.queueArea / span : 0,
      arrivalRatePerMinute: span > 0 ? c.visits / span : 0,
      meanWaitMinutes: c.visits > 0 ? c.sojourn / c.visits : 0,
      spanMinutes: span,
      visits: c.visits,
    },
    maxQueued: c.maxQueued,
    limits: {
      maxReEntries: run.maxReEntries,
      reEntryCapped: c.reEntryCapped,
      horizonMinutes: run.horizonMinutes,
      cutAtHorizon: c.cutAtHorizon,
    },
    eventsProcessed: c.events,
    endMinutes: run.endMinutes,
  };
}
