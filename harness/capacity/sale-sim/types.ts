/**
 * What the sale-day simulator takes and what it returns. All times are in sale-time
 * minutes from the opening (negative before it); all rates are per minute.
 */

/**
 * Each person's (human, after warm-up) queue wait in minutes and whether it ended with their
 * turn (1: admitted — bought or turned away sold out at the front) or with leaving (0: gave
 * up, lost the place, told it is sold out): right-censored waits for a survival estimate.
 */
export interface PersonWaits {
  readonly waitMinutes: Float64Array;
  readonly reachedTurn: Uint8Array;
}

/** How long a person waits in the queue before giving up (from joining, or from opening for early arrivals). */
export type SimPatience =
  | { readonly kind: 'infinite' }
  | { readonly kind: 'fixed'; readonly minutes: number }
  | { readonly kind: 'exponential'; readonly meanMinutes: number }
  | { readonly kind: 'lognormal'; readonly medianMinutes: number; readonly sigma: number };

/**
 * When people arrive. `crowd`: a share before opening (uniform over `earlyMinutes` before it,
 * held in a pre-queue that opens FIFO or shuffled, like Cloudflare's scheduled-event
 * pre-queue), a share in the burst (uniform over `burstMinutes` from opening; 0 = all at
 * once), the rest uniform over the tail that follows. `poisson`: exponential gaps at
 * `ratePerMinute` from opening (for validation against queueing formulas).
 */
export type SimArrivals =
  | {
      readonly kind: 'crowd';
      readonly earlyShare: number;
      readonly earlyMinutes: number;
      readonly burstShare: number;
      readonly burstMinutes: number;
      readonly tailMinutes: number;
      readonly preQueue?: 'fifo' | 'shuffle';
    }
  | { readonly kind: 'poisson'; readonly ratePerMinute: number };

export interface SimShop {
  /** People per minute the shop serves at its capacity (from a measured capacity profile). */
  readonly peoplePerMinute: number;
  /** Mean time an admitted person spends in the shop (product, cart, checkout). */
  readonly journeyMinutes: number;
  /** Journey-time law; default exponential. */
  readonly journey?: 'fixed' | 'exponential';
  /** Parallel servers c; default round(peoplePerMinute × journeyMinutes) (Little's law), at least 1. */
  readonly servers?: number;
}

export interface SimulateSaleOptions {
  readonly people: number;
  /** Units for sale; Infinity for an unlimited shop (validation runs). */
  readonly stock: number;
  /** Most units one account may buy; default 1. */
  readonly perPersonLimit?: number;
  /** Units a person buys when they can; default perPersonLimit. Bots always buy the limit. */
  readonly unitsPerPerson?: number;
  readonly arrivals: SimArrivals;
  readonly shop: SimShop;
  /** Waiting room: admissions per minute (continuously accruing credit) and the cap on active people. Default: none (Infinity, Infinity). */
  readonly waitingRoom?: { readonly admissionRatePerMinute: number; readonly maxActiveUsers: number };
  /** Login session length; a person whose session ran out is logged out when their turn comes. Default Infinity. */
  readonly sessionTtlMinutes?: number;
  /** When true, logging in again invalidates the queue ticket: back of the queue (the 2021 failure). */
  readonly reloginRequeues?: boolean;
  /** A ticket not polled for this long is lost. Default Infinity. */
  readonly ticketTtlMinutes?: number;
  /** Share of people whose phone falls asleep once while waiting. Default 0. */
  readonly sleepShare?: number;
  /** Mean time from joining to falling asleep (exponential). Default 10 min. */
  readonly sleepAfterMinutes?: number;
  /** How long the phone sleeps. Default 1.5 × ticketTtlMinutes (so the ticket expires). */
  readonly sleepMinutes?: number;
  readonly patience?: SimPatience;
  /** Bots: a share of the people, arriving in the opening burst, each with several accounts (tickets), infinite patience. */
  readonly bots?: { readonly share: number; readonly ticketsPerBot: number };
  /** Tell everyone still queued that it is sold out once the last unit is spoken for. Default false. */
  readonly soldOutAnnouncement?: boolean;
  /** "Waited and lost": lost their place after waiting longer than this. Default 30 min. */
  readonly longWaitMinutes?: number;
  /** People (in arrival order) left out of the wait distributions, for steady-state runs. Default 0. */
  readonly warmupPeople?: number;
  /**
   * Most times one account goes back to the end of the queue (ticket lost, or logged out with
   * `reloginRequeues`); one more and they give up. Default 20 (SIM_LIMITS.maxReEntries).
   */
  readonly maxReEntries?: number;
  /**
   * Simulated time ends this many minutes after the opening: everyone still queued or asleep
   * then gives up there. Default: the last arrival plus 7 days (SIM_LIMITS.horizonAfterArrivalsMinutes).
   */
  readonly horizonMinutes?: number;
  readonly seed?: number;
  /** Keep every person's wait in the result (`personWaits`), e.g. to check a survival estimate. Default false. */
  readonly keepPersonWaits?: boolean;
}

/** The bounds every simulation runs within (the defaults of maxReEntries and horizonMinutes). */
export const SIM_LIMITS = { maxReEntries: 20, horizonAfterArrivalsMinutes: 7 * 24 * 60 } as const;

export const SALE_OUTCOMES = ['bought', 'sold_out', 'told_sold_out', 'gave_up', 'lost_place'] as const;
/**
 * How an account's sale ended: bought (some units); sold_out (their turn came, nothing
 * left); told_sold_out (the announcement reached them while queued); gave_up (patience ran
 * out); lost_place (the ticket expired and they did not come back).
 */
export type SaleOutcome = (typeof SALE_OUTCOMES)[number];
export type OutcomeCounts = Record<SaleOutcome, number>;

/** Queue waits in minutes (type-7 percentiles). */
export interface WaitDistribution {
  readonly count: number;
  readonly mean: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
}

export interface SaleSimulation {
  readonly people: number;
  /** People plus the extra accounts of bots. */
  readonly accounts: number;
  /** Queue wait per person, from joining (opening for early arrivals) to admission or leaving; humans only. */
  readonly waits: { readonly everyone: WaitDistribution; readonly buyers: WaitDistribution };
  /**
   * Sold out: when the last unit was claimed (a person started checking out with it), so
   * nobody after could buy; the moment to announce it. null when stock was left.
   */
  readonly soldOutAtMinutes: number | null;
  /** When the checkout of the last claimed unit finished (what a shop's own "sold out" clock reads); null when stock was left. */
  readonly lastCheckoutAtMinutes: number | null;
  /** When the last person who had waited learned nothing was left (turned away at their turn or told by the announcement); null when nobody was. */
  readonly lastWaiterLearnsAtMinutes: number | null;
  /** Accounts waiting and the waits of people let in, over time (timeline.ts). */
  readonly timeline: SaleTimeline;
  /** Every person's wait and whether their turn came; only with `keepPersonWaits`. */
  readonly personWaits?: PersonWaits;
  readonly stockSold: number;
  readonly buyers: number;
  readonly outcomes: { readonly human: OutcomeCounts; readonly bot: OutcomeCounts };
  /** Humans who waited (wait > 0) and did not buy. */
  readonly waitedForNothing: {
    readonly people: number;
    readonly meanWaitMinutes: number;
    readonly personHours: number;
  };
  readonly reEntries: { readonly total: number; readonly afterLostTicket: number; readonly afterRelogin: number };
  readonly sessionExpiries: number;
  /** Tickets lost by not polling (phone asleep). */
  readonly lostTickets: number;
  /** People sent back (ticket lost or relogin requeue) after waiting longer than `thresholdMinutes`. */
  readonly waitedAndLost: { readonly thresholdMinutes: number; readonly people: number };
  readonly shop: {
    readonly peoplePerMinute: number;
    readonly servers: number;
    readonly journeyMinutes: number;
    /** Most people admitted in one minute of sale time. */
    readonly peakAdmittedPerMinute: number;
    /** peakAdmittedPerMinute / peoplePerMinute. */
    readonly peakLoadRatio: number;
    /** Minutes in which more people were admitted than the shop serves per minute. */
    readonly minutesOverCapacity: number;
    readonly maxActive: number;
    /** Mean time from admission to leaving the shop, including waiting for a free server. */
    readonly meanTimeInShopMinutes: number;
  };
  readonly bots: { readonly accounts: number; readonly unitsBought: number; readonly shareOfStock: number };
  /** The sold-out announcement (when enabled): when, and how many queued people it reached. */
  readonly announcement: { readonly atMinutes: number | null; readonly told: number };
  /** First moment the queue held more people than the unclaimed stock can serve, and how many were queued. */
  readonly overhang: { readonly atMinutes: number | null; readonly queued: number };
  /** Little's law on the queue's own counters, over every visit (pre-queue included): L = λ·W. */
  readonly littlesLaw: {
    readonly meanInQueue: number;
    readonly arrivalRatePerMinute: number;
    readonly meanWaitMinutes: number;
    readonly spanMinutes: number;
    readonly visits: number;
  };
  readonly maxQueued: number;
  /** The bounds that make every simulation end, and how many accounts met them. */
  readonly limits: {
    readonly maxReEntries: number;
    /** Accounts that gave up because they were sent back more than maxReEntries times. */
    readonly reEntryCapped: number;
    readonly horizonMinutes: number;
    /** Accounts still queued or asleep at the horizon (counted as given up there). */
    readonly cutAtHorizon: number;
  };
  readonly eventsProcessed: number;
  /** Time the last person left. */
  readonly endMinutes: number;
}

/** Who arrives when in a simulated sale (planArrivals in ../sim/arrivals.ts). */
export interface ArrivalPlan {
  /** Arrival time per account, ascending (minutes from opening). */
  readonly times: Float64Array;
  /** 1 when the account belongs to a bot. */
  readonly isBot: Uint8Array;
  /** Accounts arriving before opening (they are the first `early` entries). */
  readonly early: number;
  readonly humans: number;
  readonly botAccounts: number;
}

/** One moment of the timeline: `minute` after opening (negative: before it). */
export interface SaleTimelinePoint {
  readonly minute: number;
  /** Accounts waiting at that moment (people and bots, pre-queue included). */
  readonly waiting: number;
  /** People let in (their turn came) in [minute, minute + bucket). */
  readonly admitted: number;
  /** Their mean and longest queue wait, minutes; null when nobody was let in. */
  readonly meanWaitMinutes: number | null;
  readonly maxWaitMinutes: number | null;
}

export interface SaleTimeline {
  readonly bucketMinutes: number;
  readonly points: readonly SaleTimelinePoint[];
}
