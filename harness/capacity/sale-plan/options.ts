/**
 * The three ways to run a sale that `evaluatePlan` compares — one round, N rounds, a raffle —
 * each measured with the simulator under the recommended settings (admission at the margin
 * below capacity, sessions that outlast the wait, the sold-out announcement on). Rounds start
 * from Newell's fluid estimate R = ⌈N/(μ(T + W_r))⌉ (../rounds.ts) and are confirmed by
 * simulating every round; a raffle draws the winners and gives each a purchase slot. Pure.
 */
import { roundsForMaxWait } from '../rounds.ts';
import { simulateSale } from '../sale-sim/simulator.ts';
import type { OutcomeCounts, SaleSimulation, SimulateSaleOptions } from '../sale-sim/types.ts';
import { combineTimelines, type SaleTimeline } from '../sale-sim/timeline.ts';
import type { ResolvedSalePlan } from './plan.ts';

/** What one way of running the sale gives people, summed over its rounds. */
export interface OptionFigures {
  readonly people: number;
  readonly stock: number;
  readonly buyers: number;
  /** Longest wait of anyone who bought. */
  readonly lastBuyerWaitMinutes: number;
  readonly meanBuyerWaitMinutes: number;
  /** Highest 99th-percentile wait of everyone in a round. */
  readonly p99WaitMinutes: number;
  /** max(last buyer, p99 of everyone): compared with targets.maxWaitMinutes. */
  readonly worstWaitMinutes: number;
  readonly waitedForNothing: {
    readonly people: number;
    readonly meanWaitMinutes: number;
    readonly personHours: number;
  };
  /** Longest time from a round's opening until its stock was sold out (last unit claimed; null: stock left). */
  readonly sellOutMinutes: number | null;
  readonly botShareOfStock: number;
  readonly meetsTarget: boolean;
  /** How people's sale ended, summed over rounds (humans). */
  readonly outcomes: OutcomeCounts;
  /** Accounts waiting and waits of people let in over time; rounds laid end to end at their spacing. */
  readonly timeline: SaleTimeline;
}

export interface RoundsOption extends OptionFigures {
  readonly rounds: number;
  /** R from the fluid model before simulation. */
  readonly fluidRounds: number;
  readonly peoplePerRound: number;
  readonly stockPerRound: number;
  /** Minutes between round openings: a round's selling time plus the last journeys, rounded up to 5. */
  readonly spacingMinutes: number;
  /** True when some R ≤ maxRounds met the target in simulation. */
  readonly confirmed: boolean;
}

export interface RaffleOption {
  readonly people: number;
  readonly winners: number;
  readonly chance: number;
  /** Winners get purchase slots at the admission rate: this long in all. */
  readonly purchaseWindowMinutes: number;
  readonly slotsPerMinute: number;
  /** Nobody queues: each winner comes at their slot, waits at most about a minute. */
  readonly worstWaitMinutes: number;
  /** Winners coming at their slots: nobody waits in a queue. */
  readonly timeline: SaleTimeline;
}

/** Simulator options for `people`/`stock` of this plan under the recommended settings. */
export function fixedSaleOptions(
  plan: ResolvedSalePlan,
  rate: number,
  idleToleranceMinutes: number,
  people: number,
  stock: number,
  seed: number,
): SimulateSaleOptions {
  return {
    ...plannedBehaviour(plan, people, stock, seed),
    waitingRoom: { admissionRatePerMinute: rate, maxActiveUsers: Infinity },
    sessionTtlMinutes: Infinity,
    reloginRequeues: false,
    ticketTtlMinutes: idleToleranceMinutes,
    soldOutAnnouncement: true,
  };
}

/** The crowd, shop and people as the plan describes them (no waiting-room or session settings). */
export function plannedBehaviour(
  plan: ResolvedSalePlan,
  people: number,
  stock: number,
  seed: number,
): SimulateSaleOptions {
  const { arrival } = plan;
  return {
    people,
    stock,
    perPersonLimit: plan.perPersonLimit,
    ...(plan.unitsPerPerson !== undefined ? { unitsPerPerson: plan.unitsPerPerson } : {}),
    arrivals: { kind: 'crowd', ...arrival },
    shop: {
      peoplePerMinute: plan.capacity.peoplePerMinute,
      journeyMinutes: plan.journeyMinutes,
      journey: plan.journey,
    },
    sleepShare: plan.sleepShare,
    ...(plan.sleepMinutes !== undefined ? { sleepMinutes: plan.sleepMinutes } : {}),
    patience: plan.patience,
    ...(plan.bots ? { bots: plan.bots } : {}),
    longWaitMinutes: plan.targets.maxWaitMinutes,
    seed,
  };
}

/** Sums the figures of one or more simulated rounds; round r opens r × spacingMinutes after the first. */
export function combineRounds(
  sims: readonly SaleSimulation[],
  stock: number,
  maxWait: number,
  spacingMinutes = 0,
): OptionFigures {
  let people = 0,
    buyers = 0,
    last = 0,
    buyerWaitSum = 0,
    p99 = 0,
    nothingPeople = 0,
    nothingHours = 0,
    sold = 0,
    botUnits = 0;
  let sellOut: number | null = null;
  const outcomes: OutcomeCounts = { bought: 0, sold_out: 0, told_sold_out: 0, gave_up: 0, lost_place: 0 };
  for (const s of sims) {
    for (const key of Object.keys(outcomes) as (keyof OutcomeCounts)[]) outcomes[key] += s.outcomes.human[key];
    people += s.people;
    buyers += s.buyers;
    last = Math.max(last, s.waits.buyers.max);
    buyerWaitSum += s.waits.buyers.mean * s.waits.buyers.count;
    p99 = Math.max(p99, s.waits.everyone.p99);
    nothingPeople += s.waitedForNothing.people;
    nothingHours += s.waitedForNothing.personHours;
    sold += s.stockSold;
    botUnits += s.bots.unitsBought;
    if (s.soldOutAtMinutes !== null) sellOut = Math.max(sellOut ?? 0, s.soldOutAtMinutes);
  }
  const worst = Math.max(last, p99);
  return {
    people,
    stock,
    buyers,
    lastBuyerWaitMinutes: last,
    meanBuyerWaitMinutes: buyers > 0 ? buyerWaitSum / buyers : 0,
    p99WaitMinutes: p99,
    worstWaitMinutes: worst,
    waitedForNothing: {
      people: nothingPeople,
      meanWaitMinutes: nothingPeople > 0 ? (nothingHours * 60) / nothingPeople : 0,
      personHours: nothingHours,
    },
    sellOutMinutes: sellOut,
    botShareOfStock: sold > 0 ? botUnits / sold : 0,
    meetsTarget: worst <= maxWait,
    outcomes,
    timeline: combineTimelines(
      sims.map((s, round) => ({ timeline: s.timeline, offsetMinutes: round * spacingMinutes })),
    ),
  };
}

/** Splits `total` into `parts` whole shares differing by at most one. */
function split(total: number, parts: number, index: number): number {
  return Math.floor(total / parts) + (index < total % parts ? 1 : 0);
}

/** Simulates the sale in R equal rounds, each its own crowd and stock share. */
export function simulateRounds(plan: ResolvedSalePlan, rate: number, idle: number, rounds: number): SaleSimulation[] {
  const sims: SaleSimulation[] = [];
  for (let r = 0; r < rounds; r += 1) {
    const people = split(plan.people, rounds, r);
    const stock = split(plan.stock, rounds, r);
    if (people === 0) continue;
    sims.push(simulateSale(fixedSaleOptions(plan, rate, idle, people, stock, plan.seed + 1000 * (r + 1))));
  }
  return sims;
}

/**
 * Rounds: start at the fluid R for the people who get through the shop (min(N, S/u): with the
 * announcement the rest are told once the stock is spoken for) over the burst window, then add rounds until the
 * simulated worst wait meets the target or maxRounds is reached.
 */
export function evaluateRounds(
  plan: ResolvedSalePlan,
  rate: number,
  idle: number,
  journeyP99: number,
  onTry?: (rounds: number) => void,
): RoundsOption {
  const units = plan.unitsPerPerson ?? plan.perPersonLimit;
  const served = Math.min(plan.people, Math.ceil(plan.stock / units));
  const target = plan.targets.maxWaitMinutes;
  // The round's buyers arrive over the burst, unless the pre-queue alone holds them all (then W_r = 0).
  const window = plan.arrival.earlyShare * plan.people >= served ? 0 : plan.arrival.burstMinutes;
  const fluid = roundsForMaxWait(served, rate, target, window);
  const maxRounds = plan.decision.maxRounds;
  let rounds = Math.max(2, Math.min(fluid, maxRounds));
  onTry?.(rounds);
  let sims = simulateRounds(plan, rate, idle, rounds);
  let figures = combineRounds(sims, plan.stock, target);
  while (!figures.meetsTarget && rounds < maxRounds) {
    rounds += 1;
    onTry?.(rounds);
    sims = simulateRounds(plan, rate, idle, rounds);
    figures = combineRounds(sims, plan.stock, target);
  }
  const busy = Math.max(figures.sellOutMinutes ?? 0, served / rounds / rate, plan.arrival.burstMinutes) + journeyP99;
  const spacing = Math.ceil(busy / 5) * 5;
  return {
    ...figures,
    timeline: combineTimelines(sims.map((s, round) => ({ timeline: s.timeline, offsetMinutes: round * spacing }))),
    rounds,
    fluidRounds: fluid,
    peoplePerRound: Math.ceil(plan.people / rounds),
    stockPerRound: Math.ceil(plan.stock / rounds),
    spacingMinutes: spacing,
    confirmed: figures.meetsTarget,
  };
}

/** A raffle: ⌊stock/units⌋ winners drawn at random, each given a purchase slot at the admission rate. */
export function evaluateRaffle(plan: ResolvedSalePlan, rate: number): RaffleOption {
  const units = plan.unitsPerPerson ?? plan.perPersonLimit;
  const winners = Math.min(plan.people, Math.floor(plan.stock / units));
  const window = winners / rate;
  const bucket = window <= 60 ? 1 : Math.ceil(window / 60);
  const points = [];
  for (let minute = 0; minute <= window + bucket; minute += bucket) {
    const admitted = Math.max(0, Math.min(rate * bucket, winners - rate * minute));
    points.push({
      minute,
      waiting: 0,
      admitted,
      meanWaitMinutes: admitted > 0 ? 0 : null,
      maxWaitMinutes: admitted > 0 ? 0 : null,
    });
  }
  return {
    people: plan.people,
    winners,
    chance: winners / plan.people,
    purchaseWindowMinutes: window,
    slotsPerMinute: rate,
    worstWaitMinutes: 1,
    timeline: { bucketMinutes: bucket, points },
  };
}
