/**
 * Arrival times for the sale-day simulator, generated already sorted so the simulator reads
 * them in order instead of keeping them in its event heap. Pure; O(n).
 */
import { createRandom, drawSortedUniform } from './random.ts';
import type { ArrivalPlan, SimArrivals } from '../sale-sim/types.ts';

export type { ArrivalPlan };

/**
 * Crowd arrivals: early share uniform on [−earlyMinutes, 0), burst share uniform on
 * [0, burstMinutes) (all at 0 when burstMinutes is 0), the rest uniform on the tail;
 * bot accounts uniform over the burst. Poisson arrivals: exponential gaps at the rate.
 */
export function planArrivals(
  arrivals: SimArrivals,
  people: number,
  bots: { share: number; ticketsPerBot: number } | undefined,
  seed: number,
): ArrivalPlan {
  const random = createRandom(seed ^ 0x5a1e);
  if (arrivals.kind === 'poisson') {
    const times = new Float64Array(people);
    let t = 0;
    for (let i = 0; i < people; i += 1) {
      t += -Math.log(1 - random()) / arrivals.ratePerMinute;
      times[i] = t;
    }
    return { times, isBot: new Uint8Array(people), early: 0, humans: people, botAccounts: 0 };
  }
  const botPeople = bots ? Math.round(people * bots.share) : 0;
  const botAccounts = bots ? botPeople * Math.max(1, Math.round(bots.ticketsPerBot)) : 0;
  const humans = people - botPeople;
  const early = Math.round(humans * arrivals.earlyShare);
  const burst = Math.min(humans - early, Math.round(humans * arrivals.burstShare));
  const tail = humans - early - burst;
  const earlyTimes = drawSortedUniform(random, early, -arrivals.earlyMinutes, 0);
  const burstTimes = drawSortedUniform(random, burst, 0, arrivals.burstMinutes);
  const botTimes = drawSortedUniform(random, botAccounts, 0, arrivals.burstMinutes);
  const tailStart = arrivals.burstMinutes;
  const tailTimes = drawSortedUniform(random, tail, tailStart, tailStart + arrivals.tailMinutes);

  const total = humans + botAccounts;
  const times = new Float64Array(total);
  const isBot = new Uint8Array(total);
  times.set(earlyTimes, 0);
  let out = early;
  let h = 0;
  let b = 0;
  while (h < burst || b < botAccounts) {
    const takeBot = h >= burst || (b < botAccounts && botTimes[b]! < burstTimes[h]!);
    if (takeBot) {
      times[out] = botTimes[b]!;
      isBot[out] = 1;
      b += 1;
    } else {
      times[out] = burstTimes[h]!;
      h += 1;
    }
    out += 1;
  }
  times.set(tailTimes, out);
  return { times, isBot, early, humans, botAccounts };
}
