/**
 * evaluatePlan: simulates the sale as planned, then recommends how to run it — waiting-room
 * settings below measured capacity, login-session and queue-ticket lengths that outlast the
 * simulated wait, one round vs N rounds vs a raffle with the figures behind the choice, and
 * when to announce that it is sold out. Pure; cost: 3 + maxRounds − 1 simulator runs of the
 * plan's size at most (docs/PLAN-FORMAT.md, "Limits", has the measured time and memory).
 */
import { simulateSale } from '../sale-sim/simulator.ts';
import { SIM_LIMITS, type SaleSimulation, type SimPatience, type SimulateSaleOptions } from '../sale-sim/types.ts';
import { resolvedCapacity, type ResolvedSalePlan, type SalePlan } from './plan.ts';
import { admissionRateBelow, recommendWaitingRoom, type WaitingRoomAdvice } from './room-settings.ts';
import {
  combineRounds,
  evaluateRaffle,
  evaluateRounds,
  fixedSaleOptions,
  plannedBehaviour,
  type OptionFigures,
  type RaffleOption,
  type RoundsOption,
} from './options.ts';

export type PlanChoice = 'one-round' | 'rounds' | 'raffle';

/** Why the plan as written fails, as keys the renderers turn into sentences. */
export type PlanProblem =
  | 'no-waiting-room'
  | 'over-capacity'
  | 'logged-out-requeued'
  | 'logged-out'
  | 'lost-places'
  | 'long-wait'
  | 'waiting-for-nothing'
  | 'bots';

export interface SessionAdvice {
  /** Login session: (pre-queue + worst wait + journey p99) × 1.25, rounded up to 5 min. */
  readonly sessionTtlMinutes: number;
  /** A queue ticket lasts the whole wait: same basis. */
  readonly ticketValidityMinutes: number;
  /** A place is kept this long without polling (phones asleep): max(10, 1.25 × sleep), rounded up to 5. */
  readonly idleToleranceMinutes: number;
  readonly basis: {
    readonly preQueueMinutes: number;
    readonly worstWaitMinutes: number;
    readonly journeyP99Minutes: number;
  };
  /** The session length each way of running the sale needs (same rule). */
  readonly sessionTtlByChoice: Readonly<Record<PlanChoice, number>>;
  /** Logging in again must keep the queue place (the plan sends people to the back). */
  readonly keepPlaceOnRelogin: boolean;
}

export interface AnnouncementAdvice {
  /**
   * What to say: `announce` when an announcement at the sold-out moment reaches people still
   * queued and saves waiting for nothing; `nobody-left-waiting` when the stock sells out but
   * nobody is queued for it then (an announcement would reach no one); `not-sold-out` when
   * stock is left. Only `announce` carries advice.
   */
  readonly advice: 'announce' | 'nobody-left-waiting' | 'not-sold-out';
  /** Sold out as planned: when the last unit is claimed (nobody after can buy); null when stock is left. */
  readonly soldOutAtMinutes: number | null;
  /** As planned: when the checkout of the last claimed unit finishes. */
  readonly lastCheckoutAtMinutes: number | null;
  /** Without an announcement: when the last person who had waited learns nothing is left (at their turn); null when nobody does. */
  readonly lastWaiterLearnsWithoutMinutes: number | null;
  /** With it: when the last such person learns (the announcement, or waking from sleep after it). */
  readonly lastWaiterLearnsWithMinutes: number | null;
  /** Without an announcement: when the queue first held more people than the unclaimed stock serves. */
  readonly overhangAtMinutes: number | null;
  readonly queuedAtOverhang: number;
  /** Position beyond which nobody can buy at that moment: ⌈stock/units⌉. */
  readonly lastHopefulPosition: number;
  /** With the announcement (otherwise as planned): when it goes out and how many queued people it reaches. */
  readonly announceAtMinutes: number | null;
  readonly told: number;
  /** Person-hours of waiting for nothing without and with the announcement. */
  readonly personHoursWithout: number;
  readonly personHoursWith: number;
}

/** What bounded the simulation or looks implausible in the plan; the plan is still evaluated. */
export type PlanWarning =
  /** 1% of people would wait longer than a day before giving up. */
  | { readonly code: 'patience-beyond-a-day'; readonly patienceP99Minutes: number }
  /** Accounts sent to the back more than `maxReEntries` times were counted as giving up. */
  | { readonly code: 're-entries-capped'; readonly accounts: number; readonly maxReEntries: number }
  /** Accounts still waiting at the simulation's horizon were counted as giving up there. */
  | { readonly code: 'horizon-reached'; readonly accounts: number; readonly horizonMinutes: number };

/** One simulation about to run: step of at most mostSteps (the rounds stop early once one meets the target). */
export interface PlanProgress {
  readonly step: number;
  readonly mostSteps: number;
  readonly what: 'as-planned' | 'announcement' | 'one-round' | 'rounds';
  /** Rounds simulated in this step (what = 'rounds'). */
  readonly rounds?: number;
  readonly people: number;
}

export interface EvaluatePlanOptions {
  /** Called before each simulation (synchronously): a caller can show progress. */
  readonly onProgress?: (progress: PlanProgress) => void;
}

export interface PlanResult {
  readonly plan: ResolvedSalePlan;
  /** people × units ≤ stock: everyone can buy, so no raffle is needed and no sell-out is expected. */
  readonly stockCoversEveryone: boolean;
  readonly warnings: readonly PlanWarning[];
  readonly verdict: {
    readonly choice: PlanChoice;
    readonly rounds: number;
    readonly because: 'one-round-meets-target' | 'demand-far-above-stock' | 'rounds-meet-target' | 'too-many-rounds';
  };
  /** people × units / stock. */
  readonly demandRatio: number;
  readonly asPlanned: {
    readonly simulation: SaleSimulation;
    readonly problems: readonly PlanProblem[];
    readonly worstWaitMinutes: number;
  };
  readonly options: { readonly oneRound: OptionFigures; readonly rounds: RoundsOption; readonly raffle: RaffleOption };
  readonly waitingRoom: WaitingRoomAdvice;
  readonly sessions: SessionAdvice;
  readonly announcement: AnnouncementAdvice;
}

const roundUp5 = (minutes: number): number => Math.max(5, Math.ceil(minutes / 5) * 5);

/** The 99th percentile of a patience law, in minutes (lognormal: median·e^(2.3263σ); exponential: mean·ln 100). */
export function patienceP99Minutes(patience: SimPatience): number {
  switch (patience.kind) {
    case 'infinite':
      return Infinity;
    case 'fixed':
      return patience.minutes;
    case 'exponential':
      return patience.meanMinutes * Math.log(100);
    case 'lognormal':
      return patience.medianMinutes * Math.exp(2.326347874 * patience.sigma);
  }
}

/** Warnings from the plan and from what bounded its simulations. */
function planWarnings(plan: ResolvedSalePlan, sims: readonly SaleSimulation[]): PlanWarning[] {
  const warnings: PlanWarning[] = [];
  const p99 = patienceP99Minutes(plan.patience);
  if (plan.patience.kind !== 'infinite' && p99 > 24 * 60)
    warnings.push({ code: 'patience-beyond-a-day', patienceP99Minutes: p99 });
  const capped = maxOf(sims, (sim) => sim.limits.reEntryCapped);
  if (capped > 0) warnings.push({ code: 're-entries-capped', accounts: capped, maxReEntries: SIM_LIMITS.maxReEntries });
  const cut = maxOf(sims, (sim) => sim.limits.cutAtHorizon);
  if (cut > 0)
    warnings.push({
      code: 'horizon-reached',
      accounts: cut,
      horizonMinutes: maxOf(sims, (sim) => sim.limits.horizonMinutes),
    });
  return warnings;
}

function maxOf<T>(items: readonly T[], value: (item: T) => number): number {
  let most = 0;
  for (const item of items) most = Math.max(most, value(item));
  return most;
}

/** Simulates and recommends; throws UsageError when the capacity is still a profile path. */
export function evaluatePlan(input: SalePlan, evaluateOptions: EvaluatePlanOptions = {}): PlanResult {
  const peoplePerMinute = resolvedCapacity(input);
  const plan: ResolvedSalePlan = { ...input, capacity: { ...input.capacity, peoplePerMinute } };
  const target = plan.targets.maxWaitMinutes;
  const units = plan.unitsPerPerson ?? plan.perPersonLimit;
  const rate = admissionRateBelow(peoplePerMinute, plan.decision.admissionMargin);
  const stockCoversEveryone = plan.people * units <= plan.stock;
  // The plan as written, with the announcement, one round, then rounds: maxRounds − 1 tries at most.
  const mostSteps = (plan.soldOutAnnouncement ? 2 : 3) + plan.decision.maxRounds - 1;
  let step = 0;
  const simulate = (what: PlanProgress['what'], options: SimulateSaleOptions, rounds?: number): SaleSimulation => {
    evaluateOptions.onProgress?.({
      step: (step += 1),
      mostSteps,
      what,
      people: plan.people,
      ...(rounds === undefined ? {} : { rounds }),
    });
    return simulateSale(options);
  };
  const sims: SaleSimulation[] = [];
  const journeyP99 = plan.journey === 'fixed' ? plan.journeyMinutes : plan.journeyMinutes * Math.log(100);
  const idle =
    plan.sleepShare > 0 && plan.sleepMinutes !== undefined ? roundUp5(Math.max(10, 1.25 * plan.sleepMinutes)) : 10;

  // 1. The plan as written.
  const planned = {
    ...plannedBehaviour(plan, plan.people, plan.stock, plan.seed),
    ...(plan.waitingRoom
      ? {
          waitingRoom: {
            admissionRatePerMinute: plan.waitingRoom.admissionRatePerMinute,
            maxActiveUsers: plan.waitingRoom.maxActiveUsers ?? Infinity,
          },
        }
      : {}),
    sessionTtlMinutes: plan.sessionTtlMinutes ?? Infinity,
    reloginRequeues: plan.reloginRequeues,
    ticketTtlMinutes: plan.ticketTtlMinutes ?? Infinity,
    soldOutAnnouncement: plan.soldOutAnnouncement,
  };
  const asPlanned = simulate('as-planned', planned);
  const announced = plan.soldOutAnnouncement
    ? asPlanned
    : simulate('announcement', { ...planned, soldOutAnnouncement: true });
  sims.push(asPlanned, announced);
  const quiet = plan.soldOutAnnouncement ? simulateSale({ ...planned, soldOutAnnouncement: false }) : asPlanned;
  const plannedWorst = Math.max(asPlanned.waits.buyers.max, asPlanned.waits.everyone.p99);

  // 2. The three ways, under recommended settings.
  const oneRoundSim = simulate('one-round', fixedSaleOptions(plan, rate, idle, plan.people, plan.stock, plan.seed));
  sims.push(oneRoundSim);
  const oneRound = combineRounds([oneRoundSim], plan.stock, target);
  const rounds = evaluateRounds(plan, rate, idle, journeyP99, (count) =>
    evaluateOptions.onProgress?.({ step: (step += 1), mostSteps, what: 'rounds', rounds: count, people: plan.people }),
  );
  const raffle = evaluateRaffle(plan, rate);
  const demandRatio = (plan.people * units) / plan.stock;
  let verdict: PlanResult['verdict'];
  if (oneRound.meetsTarget) verdict = { choice: 'one-round', rounds: 1, because: 'one-round-meets-target' };
  // Stock for everyone: a raffle would have only winners, so spread the crowd over rounds instead.
  else if (stockCoversEveryone)
    verdict = {
      choice: 'rounds',
      rounds: rounds.rounds,
      because: rounds.confirmed ? 'rounds-meet-target' : 'too-many-rounds',
    };
  else if (demandRatio >= plan.decision.raffleDemandRatio)
    verdict = { choice: 'raffle', rounds: 0, because: 'demand-far-above-stock' };
  else if (rounds.confirmed) verdict = { choice: 'rounds', rounds: rounds.rounds, because: 'rounds-meet-target' };
  else verdict = { choice: 'raffle', rounds: 0, because: 'too-many-rounds' };

  // 3. Sessions and tickets from the chosen way's waits.
  const worstByChoice: Record<PlanChoice, number> = {
    'one-round': oneRound.worstWaitMinutes,
    rounds: rounds.worstWaitMinutes,
    raffle: raffle.worstWaitMinutes,
  };
  const chosenWorst = worstByChoice[verdict.choice];
  const preQueue = plan.arrival.earlyShare > 0 ? plan.arrival.earlyMinutes : 0;
  const sessionFor = (worst: number): number => roundUp5(1.25 * (preQueue + worst + journeyP99));
  const sessionTtl = sessionFor(chosenWorst);
  const sessions: SessionAdvice = {
    sessionTtlMinutes: sessionTtl,
    ticketValidityMinutes: sessionTtl,
    idleToleranceMinutes: idle,
    basis: { preQueueMinutes: preQueue, worstWaitMinutes: chosenWorst, journeyP99Minutes: journeyP99 },
    keepPlaceOnRelogin: plan.reloginRequeues,
    sessionTtlByChoice: {
      'one-round': sessionFor(oneRound.worstWaitMinutes),
      rounds: sessionFor(rounds.worstWaitMinutes),
      raffle: sessionFor(raffle.worstWaitMinutes),
    },
  };
  const waitingRoom = recommendWaitingRoom({
    peoplePerMinute,
    journeyMinutes: plan.journeyMinutes,
    journey: plan.journey,
    margin: plan.decision.admissionMargin,
    ticketValidityMinutes: sessionTtl,
    idleToleranceMinutes: idle,
  });

  // 4. What is wrong with the plan as written.
  const problems: PlanProblem[] = [];
  if (!plan.waitingRoom) problems.push('no-waiting-room');
  if (asPlanned.shop.peakLoadRatio > 1) problems.push('over-capacity');
  if (asPlanned.reEntries.afterRelogin > 0) problems.push('logged-out-requeued');
  else if (asPlanned.sessionExpiries > 0) problems.push('logged-out');
  if (asPlanned.lostTickets > 0) problems.push('lost-places');
  if (plannedWorst > target) problems.push('long-wait');
  if (!plan.soldOutAnnouncement && asPlanned.waitedForNothing.people > 0) problems.push('waiting-for-nothing');
  if (asPlanned.bots.shareOfStock > 0.05) problems.push('bots');

  return {
    plan,
    stockCoversEveryone,
    warnings: planWarnings(plan, sims),
    verdict,
    demandRatio,
    asPlanned: { simulation: asPlanned, problems, worstWaitMinutes: plannedWorst },
    options: { oneRound, rounds, raffle },
    waitingRoom,
    sessions,
    announcement: announcementAdvice(plan, quiet, announced, units),
  };
}

/** Saving less than this many person-hours is not worth a sentence. */
const MIN_SAVED_PERSON_HOURS = 0.05;

/** When to announce sold out, from the plan simulated without and with the announcement. */
function announcementAdvice(
  plan: ResolvedSalePlan,
  quiet: SaleSimulation,
  announced: SaleSimulation,
  units: number,
): AnnouncementAdvice {
  const saved = quiet.waitedForNothing.personHours - announced.waitedForNothing.personHours;
  const advice: AnnouncementAdvice['advice'] =
    quiet.soldOutAtMinutes === null
      ? 'not-sold-out'
      : announced.announcement.told > 0 && saved >= MIN_SAVED_PERSON_HOURS
        ? 'announce'
        : 'nobody-left-waiting';
  return {
    advice,
    soldOutAtMinutes: quiet.soldOutAtMinutes,
    lastCheckoutAtMinutes: quiet.lastCheckoutAtMinutes,
    lastWaiterLearnsWithoutMinutes: quiet.lastWaiterLearnsAtMinutes,
    lastWaiterLearnsWithMinutes: announced.lastWaiterLearnsAtMinutes,
    overhangAtMinutes: quiet.overhang.atMinutes,
    queuedAtOverhang: quiet.overhang.queued,
    lastHopefulPosition: Math.ceil(plan.stock / units),
    announceAtMinutes: announced.announcement.atMinutes,
    told: announced.announcement.told,
    personHoursWithout: quiet.waitedForNothing.personHours,
    personHoursWith: announced.waitedForNothing.personHours,
  };
}
