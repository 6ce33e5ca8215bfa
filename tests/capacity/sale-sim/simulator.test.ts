import { describe, expect, it } from 'vitest';
import { simulateSale } from '../../../harness/capacity/sale-sim/simulator.ts';
import type { SimulateSaleOptions } from '../../../harness/capacity/sale-sim/types.ts';
import { UsageError } from '../../../harness/errors.ts';

/**
 * Erlang C mean wait Wq for M/M/c, via the Erlang B recursion
 * B₀ = 1, B_k = A·B_{k−1}/(k + A·B_{k−1}), C = c·B/(c − A(1−B)), Wq = C/(cμ − λ)
 * (REFERENCES.md, "Queueing"). Computed here so the test does not depend on the code under test.
 */
function erlangC(c: number, lambda: number, mu: number): { pWait: number; wq: number } {
  const a = lambda / mu;
  let b = 1;
  for (let k = 1; k <= c; k += 1) b = (a * b) / (k + a * b);
  const pWait = (c * b) / (c - a * (1 - b));
  return { pWait, wq: pWait / (c * mu - lambda) };
}

function mmc(c: number, lambda: number, mu: number, people: number, warmup: number, seed: number): SimulateSaleOptions {
  return {
    people,
    stock: Infinity,
    arrivals: { kind: 'poisson', ratePerMinute: lambda },
    shop: { peoplePerMinute: c * mu, journeyMinutes: 1 / mu, servers: c, journey: 'exponential' },
    waitingRoom: { admissionRatePerMinute: Infinity, maxActiveUsers: c },
    warmupPeople: warmup,
    seed,
  };
}

/** Everyone (or a share) arriving uniformly over `windowMinutes` from opening. */
function flashCrowd(windowMinutes: number): SimulateSaleOptions['arrivals'] {
  return { kind: 'crowd', earlyShare: 0, earlyMinutes: 0, burstShare: 1, burstMinutes: windowMinutes, tailMinutes: 0 };
}

describe('simulateSale against queueing theory', () => {
  it('M/M/c mean wait is within 2% of Erlang C (c=10, λ=8, μ=1 → Wq 0.204590; 2·10⁶ customers after 2·10⁵ warm-up)', () => {
    const reference = erlangC(10, 8, 1);
    expect(reference.wq).toBeCloseTo(0.20459, 5); // REFERENCES.md row, closed form
    const result = simulateSale(mmc(10, 8, 1, 2_200_000, 200_000, 11));
    expect(result.waits.everyone.count).toBe(2_000_000);
    expect(Math.abs(result.waits.everyone.mean / reference.wq - 1)).toBeLessThan(0.02);
  });

  it('M/M/c with c=3, λ=2, μ=1 (PDQ demo: Wq 0.444444) is within 2% on 10⁶ customers', () => {
    const reference = erlangC(3, 2, 1);
    expect(reference.wq).toBeCloseTo(0.444444, 5);
    const result = simulateSale(mmc(3, 2, 1, 1_100_000, 100_000, 5));
    expect(Math.abs(result.waits.everyone.mean / reference.wq - 1)).toBeLessThan(0.02);
  });

  it("Little's law L = λW holds on the simulator's own queue counters (M/M/c and a full sale)", () => {
    const a = simulateSale(mmc(10, 8, 1, 200_000, 0, 3)).littlesLaw;
    expect(a.meanInQueue).toBeCloseTo(a.arrivalRatePerMinute * a.meanWaitMinutes, 6);
    const b = simulateSale({
      people: 50_000,
      stock: 5_000,
      arrivals: {
        kind: 'crowd',
        earlyShare: 0.2,
        earlyMinutes: 20,
        burstShare: 0.5,
        burstMinutes: 5,
        tailMinutes: 30,
        preQueue: 'shuffle',
      },
      shop: { peoplePerMinute: 300, journeyMinutes: 3 },
      waitingRoom: { admissionRatePerMinute: 250, maxActiveUsers: 900 },
      sessionTtlMinutes: 15,
      reloginRequeues: true,
      ticketTtlMinutes: 3,
      sleepShare: 0.2,
      patience: { kind: 'exponential', meanMinutes: 40 },
      bots: { share: 0.05, ticketsPerBot: 4 },
      seed: 9,
    }).littlesLaw;
    expect(a.visits).toBe(200_000);
    expect(b.meanInQueue / (b.arrivalRatePerMinute * b.meanWaitMinutes)).toBeCloseTo(1, 9);
  });
});

describe('simulateSale against the fluid model of a flash crowd (REFERENCES.md, Newell)', () => {
  // c = 50 servers, mean service 0.1 s → μ = 500/s; N = 10,000. Times in minutes, checked in seconds.
  const shop = (journey: 'fixed' | 'exponential') => ({
    peoplePerMinute: 30_000,
    journeyMinutes: 0.1 / 60,
    servers: 50,
    journey,
  });
  const room = { admissionRatePerMinute: Infinity, maxActiveUsers: 50 };
  const averaged = (windowSeconds: number, journey: 'fixed' | 'exponential', seeds: number) => {
    let last = 0;
    let mean = 0;
    for (let seed = 1; seed <= seeds; seed += 1) {
      const r = simulateSale({
        people: 10_000,
        stock: Infinity,
        arrivals: flashCrowd(windowSeconds / 60),
        shop: shop(journey),
        waitingRoom: room,
        seed,
      });
      last += (r.waits.everyone.max * 60) / seeds;
      mean += (r.waits.everyone.mean * 60) / seeds;
    }
    return { last, mean };
  };

  it('W = 10 s: last/mean wait ≈ 10.0/5.0 s within ±2% (mean of 40 seeds)', () => {
    // The fluid values ignore the c people served at once, which shift every wait by about
    // −c/μ = −0.1 s; a single seed scatters by about ±2%, so the check averages 40 seeds.
    const { last, mean } = averaged(10, 'exponential', 40);
    expect(Math.abs(last / 10 - 1)).toBeLessThan(0.02);
    expect(Math.abs(mean / 5 - 1)).toBeLessThan(0.02);
  });

  it('W = 0 with deterministic service: last/mean wait exactly 19.9/9.95 s', () => {
    const { last, mean } = averaged(0, 'fixed', 1);
    expect(last).toBeCloseTo(19.9, 6);
    expect(mean).toBeCloseTo(9.95, 6);
  });

  it('W = 30 s (ρ = 0.67): practically no wait', () => {
    const r = simulateSale({
      people: 10_000,
      stock: Infinity,
      arrivals: flashCrowd(0.5),
      shop: shop('exponential'),
      waitingRoom: room,
      seed: 4,
    });
    expect(r.waits.everyone.mean * 60).toBeLessThan(0.01);
    expect(r.waits.everyone.p99 * 60).toBeLessThan(0.05);
  });

  it('everyone at opening, no expiry, infinite patience: sells out at stock / purchase rate within 1%', () => {
    const base = { people: 100_000, stock: 20_000, arrivals: flashCrowd(0), seed: 2 } as const;
    // Admission-limited: 1,000/min into a shop that serves 1,500/min → 20 min.
    const byRoom = simulateSale({
      ...base,
      shop: { peoplePerMinute: 1_500, journeyMinutes: 0.1, journey: 'fixed' },
      waitingRoom: { admissionRatePerMinute: 1_000, maxActiveUsers: Infinity },
    });
    expect(Math.abs(byRoom.soldOutAtMinutes! / 20 - 1)).toBeLessThan(0.01);
    // Shop-limited: no waiting room, the shop's 150 servers serve 1,500/min → 13.33 min.
    const byShop = simulateSale({ ...base, shop: { peoplePerMinute: 1_500, journeyMinutes: 0.1, journey: 'fixed' } });
    expect(Math.abs(byShop.soldOutAtMinutes! / (20_000 / 1_500) - 1)).toBeLessThan(0.01);
    expect(byShop.shop.peakLoadRatio).toBeGreaterThan(10); // everyone walks into the shop at once
    // Two units per person halve the time.
    const pairs = simulateSale({
      ...base,
      perPersonLimit: 2,
      shop: { peoplePerMinute: 1_500, journeyMinutes: 0.1, journey: 'fixed' },
      waitingRoom: { admissionRatePerMinute: 1_000, maxActiveUsers: Infinity },
    });
    expect(Math.abs(pairs.soldOutAtMinutes! / 10 - 1)).toBeLessThan(0.01);
    expect(pairs.buyers).toBe(10_000);
  });
});

describe('simulateSale behaviour', () => {
  const sale = (overrides: Partial<SimulateSaleOptions> = {}): SimulateSaleOptions => ({
    people: 20_000,
    stock: 2_000,
    arrivals: {
      kind: 'crowd',
      earlyShare: 0.3,
      earlyMinutes: 30,
      burstShare: 0.5,
      burstMinutes: 2,
      tailMinutes: 20,
      preQueue: 'shuffle',
    },
    shop: { peoplePerMinute: 100, journeyMinutes: 3 },
    waitingRoom: { admissionRatePerMinute: 80, maxActiveUsers: 300 },
    sessionTtlMinutes: 20,
    patience: { kind: 'lognormal', medianMinutes: 60, sigma: 0.8 },
    seed: 42,
    ...overrides,
  });

  it('is deterministic for a seed and differs for another seed', () => {
    const a = simulateSale(sale({ ticketTtlMinutes: 2, sleepShare: 0.1, bots: { share: 0.05, ticketsPerBot: 3 } }));
    const b = simulateSale(sale({ ticketTtlMinutes: 2, sleepShare: 0.1, bots: { share: 0.05, ticketsPerBot: 3 } }));
    const c = simulateSale(
      sale({ ticketTtlMinutes: 2, sleepShare: 0.1, bots: { share: 0.05, ticketsPerBot: 3 }, seed: 43 }),
    );
    expect(b).toEqual(a);
    expect(c.waits.everyone.mean).not.toBe(a.waits.everyone.mean);
  });

  it('session expiry sends people to the back only when reloginRequeues is on', () => {
    const off = simulateSale(sale({ reloginRequeues: false }));
    const on = simulateSale(sale({ reloginRequeues: true }));
    expect(off.sessionExpiries).toBeGreaterThan(0);
    expect(off.reEntries.afterRelogin).toBe(0);
    expect(on.reEntries.afterRelogin).toBe(on.sessionExpiries);
    expect(on.reEntries.afterRelogin).toBeGreaterThan(100);
    expect(on.waitedAndLost.people).toBeGreaterThan(0);
    expect(on.waits.buyers.max).toBeGreaterThan(off.waits.buyers.max);
  });

  it('phones asleep longer than the ticket validity lose their place and come back at the back', () => {
    const r = simulateSale(sale({ ticketTtlMinutes: 2, sleepShare: 0.3, sleepMinutes: 5 }));
    expect(r.lostTickets).toBeGreaterThan(0);
    expect(r.reEntries.afterLostTicket).toBeGreaterThan(0);
    expect(r.reEntries.afterLostTicket).toBeLessThanOrEqual(r.lostTickets);
    const asleepShort = simulateSale(sale({ ticketTtlMinutes: 10, sleepShare: 0.3, sleepMinutes: 5 }));
    expect(asleepShort.lostTickets).toBe(0);
  });

  it('every account ends with one outcome; stock and limits are never exceeded', () => {
    const r = simulateSale(
      sale({
        perPersonLimit: 2,
        unitsPerPerson: 1,
        bots: { share: 0.1, ticketsPerBot: 5 },
        ticketTtlMinutes: 2,
        sleepShare: 0.1,
        arrivals: { kind: 'crowd', earlyShare: 0, earlyMinutes: 0, burstShare: 0.6, burstMinutes: 2, tailMinutes: 20 },
      }),
    );
    const total = (counts: Record<string, number>) => Object.values(counts).reduce((s, v) => s + v, 0);
    expect(total(r.outcomes.human) + total(r.outcomes.bot)).toBe(r.accounts);
    expect(r.accounts).toBe(18_000 + 2_000 * 5);
    expect(r.stockSold).toBe(2_000);
    expect(r.outcomes.human.bought + r.outcomes.bot.bought * 2).toBeGreaterThanOrEqual(1_000);
    expect(r.bots.shareOfStock).toBeGreaterThan(0.1); // bots arrive in the burst with many tickets
    expect(r.bots.unitsBought).toBeLessThanOrEqual(r.outcomes.bot.bought * 2);
  });

  it('the sold-out announcement tells everyone still queued at once and cuts waiting for nothing', () => {
    const quiet = simulateSale(sale({ patience: { kind: 'infinite' } }));
    const told = simulateSale(sale({ patience: { kind: 'infinite' }, soldOutAnnouncement: true }));
    expect(told.announcement.atMinutes).toBe(told.soldOutAtMinutes);
    expect(told.lastCheckoutAtMinutes!).toBeGreaterThan(told.soldOutAtMinutes!);
    expect(told.lastWaiterLearnsAtMinutes).toBeCloseTo(told.soldOutAtMinutes!, 9); // everyone still queued is told at once
    expect(told.announcement.told).toBeGreaterThan(10_000);
    expect(told.outcomes.human.told_sold_out).toBeGreaterThanOrEqual(told.announcement.told);
    expect(told.waitedForNothing.personHours).toBeLessThan(quiet.waitedForNothing.personHours / 3);
    expect(told.buyers).toBe(quiet.buyers);
    expect(quiet.overhang.atMinutes).toBe(0); // the pre-queue alone holds more people than the stock
  });

  it('an admission rate above the shop capacity shows as load over capacity and slower journeys', () => {
    const over = simulateSale(
      sale({ waitingRoom: { admissionRatePerMinute: 300, maxActiveUsers: Infinity }, stock: 10_000 }),
    );
    const under = simulateSale(
      sale({ waitingRoom: { admissionRatePerMinute: 75, maxActiveUsers: Infinity }, stock: 10_000 }),
    );
    expect(over.shop.peakLoadRatio).toBeGreaterThan(2.5);
    expect(over.shop.minutesOverCapacity).toBeGreaterThan(10);
    expect(over.shop.meanTimeInShopMinutes).toBeGreaterThan(2 * under.shop.meanTimeInShopMinutes);
    expect(under.shop.peakLoadRatio).toBeLessThanOrEqual(0.76);
  });

  it('patience: fixed patience means nobody waits longer than it', () => {
    const r = simulateSale(sale({ patience: { kind: 'fixed', minutes: 15 } }));
    expect(r.outcomes.human.gave_up).toBeGreaterThan(0);
    expect(r.waits.everyone.max).toBeLessThanOrEqual(15 + 1e-9);
  });

  it('grows about linearly with the crowd: 200,000 people take at most 8× the time of 50,000 (its speed is bench/simulator.ts’s)', () => {
    // a ratio measured in the same test, not a wall-clock limit: linear is 4×, quadratic 16×
    const timed = (people: number): { ms: number; events: number } => {
      const started = performance.now();
      const r = simulateSale(
        sale({
          people,
          stock: people / 10,
          shop: { peoplePerMinute: 1_500, journeyMinutes: 4 },
          waitingRoom: { admissionRatePerMinute: 1_100, maxActiveUsers: 4_400 },
        }),
      );
      return { ms: performance.now() - started, events: r.eventsProcessed };
    };
    timed(10_000); // warm up the JIT
    // the fastest of three each: a pause of the machine's other work lengthens one, not all
    const fastest = (people: number) => [timed(people), timed(people), timed(people)].sort((a, b) => a.ms - b.ms)[0]!;
    const small = fastest(50_000);
    const large = fastest(200_000);
    expect(large.events).toBeGreaterThan(200_000);
    expect(large.ms / small.ms).toBeLessThan(8);
  });

  it('rejects impossible options with a UsageError naming the option', () => {
    expect(() => simulateSale(sale({ stock: -1 }))).toThrow(UsageError);
    expect(() => simulateSale(sale({ shop: { peoplePerMinute: 0, journeyMinutes: 1 } }))).toThrow(
      /shop\.peoplePerMinute/,
    );
  });
});
