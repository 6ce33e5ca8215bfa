/**
 * The sale-day simulator: a discrete-event simulation of a whole first-come sale with the
 * person model of DESIGN.md — arrivals (pre-queue, burst, tail), a waiting room that admits
 * at a rate with a cap on active people, the shop as c parallel servers with a FIFO beyond c
 * (an M/G/c station: c = peoplePerMinute × journeyMinutes by Little's law), stock and limits,
 * lost tickets (phones asleep), login sessions that expire while waiting (and, with
 * `reloginRequeues`, send people to the back), patience, bots and an optional sold-out
 * announcement. Method: next-event time advance (Law, *Simulation Modeling and Analysis*,
 * ch. 1) over a typed-array binary heap with generation counters for stale events.
 * Every simulation ends: an admitted person meets "sold out" before any session check (so
 * nobody circles the queue once the stock is gone), each account re-enters at most
 * `maxReEntries` times, and simulated time stops at `horizonMinutes`.
 * Deterministic for a seed. Cost O(E log H) for E events and heap size H, with
 * E ≤ accounts × (maxReEntries + 1) × a few events; pure, no I/O.
 */
import { EventHeap } from '../sim/event-heap.ts';
import { TicketQueue } from '../sim/ticket-queue.ts';
import { planArrivals, type ArrivalPlan } from '../sim/arrivals.ts';
import { createRandom, drawExponential, drawLognormal, shuffleRange, type Uniform } from '../sim/random.ts';
import { summarizeSale, OUTCOME_CODE, type SaleRunRecord } from './summary.ts';
import { SIM_LIMITS, type SaleSimulation, type SimulateSaleOptions, type SimPatience } from './types.ts';
import { checkSimulateSaleOptions } from './options.ts';

const ADMIT = 1;
const SERVICE_DONE = 2;
const GIVE_UP = 3;
const TICKET_EXPIRE = 4;
const WAKE = 5;

const QUEUED = 1;
const ASLEEP = 2;
const IN_SHOP = 3;
const DONE = 4;

/** Simulates one sale round; see the file comment. Throws UsageError on impossible options. */
export function simulateSale(options: SimulateSaleOptions): SaleSimulation {
  checkSimulateSaleOptions(options);
  const run = new SaleRun(options);
  run.run();
  return summarizeSale(run.record());
}

class SaleRun {
  private readonly random: Uniform;
  private readonly plan: ArrivalPlan;
  private readonly heap: EventHeap;
  private readonly queue: TicketQueue;
  private readonly shopQueue = new TicketQueue(256);
  // Settings.
  private readonly stock: number;
  private readonly limit: number;
  private readonly unitsHuman: number;
  private readonly rate: number;
  private readonly maxActive: number;
  private readonly sessionTtl: number;
  private readonly requeue: boolean;
  private readonly ticketTtl: number;
  private readonly sleepShare: number;
  private readonly sleepAfter: number;
  private readonly sleepMinutes: number;
  private readonly patience: SimPatience;
  private readonly announce: boolean;
  private readonly longWait: number;
  private readonly servers: number;
  private readonly journeyMean: number;
  private readonly journeyFixed: boolean;
  private readonly shufflePreQueue: boolean;
  private readonly maxReEntries: number;
  private readonly horizon: number;
  private readonly options: SimulateSaleOptions;
  // Per account.
  private readonly loginAt: Float64Array;
  private readonly waitStart: Float64Array;
  private readonly visitStart: Float64Array;
  private readonly deadline: Float64Array;
  private readonly sleepAt: Float64Array;
  private readonly shopEnter: Float64Array;
  private readonly wait: Float64Array;
  private readonly state: Uint8Array;
  private readonly outcome: Uint8Array;
  private readonly waitedAndLost: Uint8Array;
  private readonly units: Uint16Array;
  private readonly reEntered: Uint8Array;
  private readonly gen: Uint32Array;
  // Running state.
  private opened = false;
  private credit = 1;
  private creditAt = 0;
  private admitPending = false;
  private active = 0;
  private busy = 0;
  private sold = 0;
  private committed = 0;
  private queueLive = 0;
  private lastChange = 0;
  private now = 0;
  /** When the last person left (bought, sold out, gave up …): the simulation's end. */
  private lastLeft = 0;
  private admittedPerMinute = new Uint32Array(64);
  private announcedAt: number | null = null;
  /** Past the horizon: nobody joins or re-enters any more. */
  private cut = false;
  // Counters.
  private c = {
    events: 0,
    visits: 0,
    queueArea: 0,
    sojourn: 0,
    maxQueued: 0,
    maxActive: 0,
    sessionExpiries: 0,
    lostTickets: 0,
    reEntriesTicket: 0,
    reEntriesRelogin: 0,
    told: 0,
    botUnits: 0,
    timeInShop: 0,
    shopVisits: 0,
    firstArrival: 0,
    reEntryCapped: 0,
    cutAtHorizon: 0,
    soldOutAt: null as number | null,
    claimedAt: null as number | null,
    overhangAt: null as number | null,
    overhangQueued: 0,
  };

  constructor(options: SimulateSaleOptions) {
    const seed = options.seed ?? 1;
    this.options = options;
    this.shufflePreQueue = options.arrivals.kind === 'crowd' && options.arrivals.preQueue === 'shuffle';
    this.random = createRandom(seed);
    this.plan = planArrivals(options.arrivals, options.people, options.bots, seed);
    const n = this.plan.times.length;
    this.heap = new EventHeap(Math.min(n + 16, 1 << 20));
    this.queue = new TicketQueue(Math.min(n + 16, 1 << 21));
    this.stock = options.stock;
    this.limit = options.perPersonLimit ?? 1;
    this.unitsHuman = Math.min(this.limit, options.unitsPerPerson ?? this.limit);
    this.rate = options.waitingRoom?.admissionRatePerMinute ?? Infinity;
    this.maxActive = options.waitingRoom?.maxActiveUsers ?? Infinity;
    this.sessionTtl = options.sessionTtlMinutes ?? Infinity;
    this.requeue = options.reloginRequeues ?? false;
    this.ticketTtl = options.ticketTtlMinutes ?? Infinity;
    this.sleepShare = options.sleepShare ?? 0;
    this.sleepAfter = options.sleepAfterMinutes ?? 10;
    this.sleepMinutes = options.sleepMinutes ?? 1.5 * this.ticketTtl;
    this.patience = options.patience ?? { kind: 'infinite' };
    this.announce = options.soldOutAnnouncement ?? false;
    this.longWait = options.longWaitMinutes ?? 30;
    const { shop } = options;
    this.servers = shop.servers ?? Math.max(1, Math.round(shop.peoplePerMinute * shop.journeyMinutes));
    this.journeyMean = shop.journeyMinutes;
    this.journeyFixed = shop.journey === 'fixed';
    this.maxReEntries = options.maxReEntries ?? SIM_LIMITS.maxReEntries;
    const lastArrival = n > 0 ? Math.max(0, this.plan.times[n - 1]!) : 0;
    this.horizon = options.horizonMinutes ?? lastArrival + SIM_LIMITS.horizonAfterArrivalsMinutes;
    this.loginAt = new Float64Array(n);
    this.waitStart = new Float64Array(n);
    this.visitStart = new Float64Array(n);
    this.deadline = new Float64Array(n);
    this.sleepAt = new Float64Array(n).fill(NaN);
    this.shopEnter = new Float64Array(n);
    this.wait = new Float64Array(n);
    this.state = new Uint8Array(n);
    this.outcome = new Uint8Array(n).fill(255);
    this.waitedAndLost = new Uint8Array(n);
    this.units = new Uint16Array(n);
    this.reEntered = new Uint8Array(n);
    this.gen = new Uint32Array(n);
  }

  run(): void {
    const times = this.plan.times;
    const n = times.length;
    const heap = this.heap;
    let next = 0;
    this.c.firstArrival = n > 0 ? Math.min(times[0]!, 0) : 0;
    this.lastChange = this.c.firstArrival;
    for (;;) {
      const ta = next < n ? times[next]! : Infinity;
      const th = heap.peekTime();
      const t = ta <= th ? ta : th;
      if (t === Infinity) break;
      if (!this.opened && t >= 0) {
        this.open();
        continue;
      }
      if (!this.cut && t > this.horizon) this.cutAtHorizon(this.horizon);
      this.now = t;
      this.c.events += 1;
      if (ta <= th) {
        this.arrive(next, t);
        next += 1;
        continue;
      }
      heap.pop();
      const id = heap.topId;
      switch (heap.topKind) {
        case ADMIT:
          this.admitPending = false;
          this.tryAdmit(t);
          break;
        case SERVICE_DONE:
          this.finishJourney(id, t);
          break;
        case GIVE_UP:
          if (heap.topGen === this.gen[id] && this.state[id] === QUEUED) {
            this.leaveQueue(id, t);
            this.finish(id, t, OUTCOME_CODE.gave_up);
          }
          break;
        case TICKET_EXPIRE:
          if (heap.topGen === this.gen[id] && this.state[id] === QUEUED) this.loseTicket(id, t);
          break;
        case WAKE:
          if (heap.topGen === this.gen[id] && this.state[id] === ASLEEP) this.wake(id, t);
          break;
      }
    }
  }

  /** Opening: the pre-queue (FIFO, or shuffled like Cloudflare's scheduled events) becomes the front of the queue. */
  private open(): void {
    this.opened = true;
    this.now = 0;
    const early = this.plan.early;
    const order = new Int32Array(early);
    for (let i = 0; i < early; i += 1) order[i] = i;
    if (this.shufflePreQueue) shuffleRange(this.random, order, 0, early);
    for (let i = 0; i < early; i += 1) {
      const id = order[i]!;
      if (this.state[id] === QUEUED) this.queue.push(id, this.gen[id]!);
    }
    this.checkOverhang(0);
    this.tryAdmit(0);
  }

  private arrive(id: number, t: number): void {
    const bot = this.plan.isBot[id] === 1;
    this.loginAt[id] = t;
    const start = t > 0 ? t : 0;
    this.waitStart[id] = start;
    if (this.announcedAt !== null) {
      this.finish(id, t, OUTCOME_CODE.told_sold_out);
      return;
    }
    if (this.cut) {
      this.finish(id, t, OUTCOME_CODE.gave_up);
      this.c.cutAtHorizon += 1;
      return;
    }
    this.deadline[id] = bot ? Infinity : start + this.drawPatience();
    if (!bot && this.sleepShare > 0 && this.sleepMinutes > this.ticketTtl && this.random() < this.sleepShare) {
      this.sleepAt[id] = start + drawExponential(this.random, this.sleepAfter);
    }
    this.enqueue(id, t, this.opened);
    if (this.opened) this.tryAdmit(t);
  }

  /** A new queue visit: counts for Little's law, schedules give-up and ticket expiry. */
  private enqueue(id: number, t: number, intoQueue: boolean): void {
    this.advance(t);
    this.queueLive += 1;
    if (this.queueLive > this.c.maxQueued) this.c.maxQueued = this.queueLive;
    this.c.visits += 1;
    this.visitStart[id] = t;
    const gen = (this.gen[id] = this.gen[id]! + 1);
    this.state[id] = QUEUED;
    if (intoQueue) this.queue.push(id, gen);
    const deadline = this.deadline[id]!;
    if (deadline !== Infinity) this.heap.push(deadline > t ? deadline : t, id, GIVE_UP, gen);
    const sleepAt = this.sleepAt[id]!;
    if (sleepAt === sleepAt) {
      const expireAt = sleepAt + this.ticketTtl;
      if (expireAt >= t) this.heap.push(expireAt, id, TICKET_EXPIRE, gen);
      else this.sleepAt[id] = NaN;
    }
    if (this.opened) this.checkOverhang(t);
  }

  private leaveQueue(id: number, t: number): void {
    this.advance(t);
    this.queueLive -= 1;
    this.c.sojourn += t - this.visitStart[id]!;
    this.gen[id] = this.gen[id]! + 1;
  }

  /** Admits while credit (continuous, capped at one person) and the active cap allow. */
  private tryAdmit(t: number): void {
    if (!this.opened) return;
    while (this.queueLive > 0 && this.active < this.maxActive) {
      if (this.rate !== Infinity) {
        const credit = this.credit + (t - this.creditAt) * this.rate;
        this.credit = credit < 1 ? credit : 1;
        this.creditAt = t;
        if (this.credit < 1 - 1e-9) {
          if (!this.admitPending) {
            this.admitPending = true;
            this.heap.push(t + (1 - this.credit) / this.rate, -1, ADMIT, 0);
          }
          return;
        }
        this.credit -= 1;
      }
      const id = this.queue.popLive(this.gen);
      if (id < 0) return;
      this.admit(id, t);
    }
  }

  private admit(id: number, t: number): void {
    this.leaveQueue(id, t);
    // Sold out first: once the stock is gone nobody is sent back to queue for it again.
    const remaining = this.stock - this.sold - this.committed;
    if (this.announcedAt !== null || remaining <= 0) {
      this.finish(id, t, OUTCOME_CODE.sold_out);
      return;
    }
    const bot = this.plan.isBot[id] === 1;
    if (!bot && t - this.loginAt[id]! > this.sessionTtl) {
      this.c.sessionExpiries += 1;
      this.loginAt[id] = t;
      if (this.requeue) {
        if (t - this.waitStart[id]! > this.longWait) this.waitedAndLost[id] = 1;
        if (!this.mayReEnter(id, t)) return;
        this.c.reEntriesRelogin += 1;
        this.enqueue(id, t, true);
        return;
      }
    }
    this.wait[id] = t - this.waitStart[id]!;
    this.countAdmission(t);
    this.active += 1;
    if (this.active > this.c.maxActive) this.c.maxActive = this.active;
    this.state[id] = IN_SHOP;
    this.shopEnter[id] = t;
    if (this.busy < this.servers) this.startJourney(id, t);
    else this.shopQueue.push(id, this.gen[id]!);
  }

  /**
   * A person gets a free server (product → cart → checkout) and claims their units; if
   * nothing is left unclaimed they leave sold out, their queue wait unchanged.
   */
  private startJourney(id: number, t: number): void {
    const remaining = this.stock - this.sold - this.committed;
    if (remaining <= 0) {
      this.active -= 1;
      this.state[id] = DONE;
      this.outcome[id] = OUTCOME_CODE.sold_out;
      if (t > this.lastLeft) this.lastLeft = t;
      return;
    }
    const want = this.plan.isBot[id] === 1 ? this.limit : this.unitsHuman;
    const got = want < remaining ? want : remaining;
    this.units[id] = got;
    this.committed += got;
    this.busy += 1;
    this.heap.push(t + this.drawJourney(), id, SERVICE_DONE, 0);
    if (this.sold + this.committed >= this.stock && this.c.claimedAt === null) {
      this.c.claimedAt = t;
      if (this.announce) this.announceSoldOut(t);
    }
  }

  private finishJourney(id: number, t: number): void {
    this.busy -= 1;
    const got = this.units[id]!;
    this.sold += got;
    this.committed -= got;
    if (this.plan.isBot[id] === 1) this.c.botUnits += got;
    if (this.sold >= this.stock && this.c.soldOutAt === null) this.c.soldOutAt = t;
    this.c.timeInShop += t - this.shopEnter[id]!;
    this.c.shopVisits += 1;
    this.active -= 1;
    this.state[id] = DONE;
    this.outcome[id] = OUTCOME_CODE.bought;
    if (t > this.lastLeft) this.lastLeft = t;
    while (this.busy < this.servers) {
      const nextId = this.shopQueue.popLive(this.gen);
      if (nextId < 0) break;
      this.startJourney(nextId, t);
    }
    this.tryAdmit(t);
  }

  private loseTicket(id: number, t: number): void {
    this.leaveQueue(id, t);
    this.c.lostTickets += 1;
    if (t - this.waitStart[id]! > this.longWait) this.waitedAndLost[id] = 1;
    this.state[id] = ASLEEP;
    const wakeAt = this.sleepAt[id]! + this.sleepMinutes;
    this.sleepAt[id] = NaN;
    this.heap.push(wakeAt > t ? wakeAt : t, id, WAKE, this.gen[id]!);
    this.tryAdmit(t);
  }

  /** Back from sleep: re-enter at the back if still patient and not told it is sold out. */
  private wake(id: number, t: number): void {
    if (this.announcedAt !== null) this.finish(id, t, OUTCOME_CODE.told_sold_out);
    else if (t >= this.deadline[id]!) this.finish(id, t, OUTCOME_CODE.lost_place);
    else if (this.mayReEnter(id, t)) {
      this.c.reEntriesTicket += 1;
      this.enqueue(id, t, true);
      this.tryAdmit(t);
    }
  }

  /** One more trip to the back of the queue, unless this account has made maxReEntries already (then it gives up). */
  private mayReEnter(id: number, t: number): boolean {
    if (this.reEntered[id]! < this.maxReEntries) {
      this.reEntered[id] = this.reEntered[id]! + 1;
      return true;
    }
    this.c.reEntryCapped += 1;
    this.finish(id, t, OUTCOME_CODE.gave_up);
    return false;
  }

  /**
   * The horizon: everyone still queued gives up there, everyone asleep does not come back.
   * Journeys under way finish; nothing new starts after it. O(accounts), once.
   */
  private cutAtHorizon(t: number): void {
    this.cut = true;
    const n = this.state.length;
    for (let id = 0; id < n; id += 1) {
      const state = this.state[id]!;
      if (state === QUEUED) {
        this.leaveQueue(id, t);
        this.finish(id, t, OUTCOME_CODE.gave_up);
        this.c.cutAtHorizon += 1;
      } else if (state === ASLEEP) {
        this.finish(id, t, OUTCOME_CODE.lost_place);
        this.c.cutAtHorizon += 1;
      }
    }
    this.now = t;
  }

  private announceSoldOut(t: number): void {
    this.announcedAt = t;
    this.queue.drain(this.gen, (id) => {
      this.leaveQueue(id, t);
      this.finish(id, t, OUTCOME_CODE.told_sold_out);
      this.c.told += 1;
    });
  }

  private finish(id: number, t: number, outcome: number): void {
    if (t > this.lastLeft) this.lastLeft = t;
    this.state[id] = DONE;
    this.outcome[id] = outcome;
    this.wait[id] = t - this.waitStart[id]!;
  }

  private checkOverhang(t: number): void {
    if (this.c.overhangAt !== null) return;
    if (this.queueLive * this.unitsHuman > this.stock - this.sold - this.committed) {
      this.c.overhangAt = t;
      this.c.overhangQueued = this.queueLive;
    }
  }

  private countAdmission(t: number): void {
    const minute = t > 0 ? Math.floor(t) : 0;
    if (minute >= this.admittedPerMinute.length) {
      const grown = new Uint32Array(Math.max(minute + 1, this.admittedPerMinute.length * 2));
      grown.set(this.admittedPerMinute);
      this.admittedPerMinute = grown;
    }
    this.admittedPerMinute[minute] = this.admittedPerMinute[minute]! + 1;
  }

  /** Time-weighted integral of the queue length (for L in Little's law). */
  private advance(t: number): void {
    this.c.queueArea += this.queueLive * (t - this.lastChange);
    this.lastChange = t;
  }

  private drawPatience(): number {
    const p = this.patience;
    switch (p.kind) {
      case 'infinite':
        return Infinity;
      case 'fixed':
        return p.minutes;
      case 'exponential':
        return drawExponential(this.random, p.meanMinutes);
      case 'lognormal':
        return drawLognormal(this.random, p.medianMinutes, p.sigma);
    }
  }

  private drawJourney(): number {
    return this.journeyFixed ? this.journeyMean : drawExponential(this.random, this.journeyMean);
  }

  record(): SaleRunRecord {
    return {
      plan: this.plan,
      wait: this.wait,
      outcome: this.outcome,
      waitedAndLost: this.waitedAndLost,
      units: this.units,
      counters: this.c,
      stock: this.stock,
      sold: this.sold,
      endMinutes: this.lastLeft,
      admittedPerMinute: this.admittedPerMinute,
      servers: this.servers,
      announcedAt: this.announcedAt,
      longWait: this.longWait,
      options: this.options,
      maxReEntries: this.maxReEntries,
      horizonMinutes: this.horizon,
    };
  }
}
