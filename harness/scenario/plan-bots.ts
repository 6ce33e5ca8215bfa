/**
 * Bots in run time: their count divides by the time scale k like people's (rounded, at
 * least 1), and so do their burst window and poll interval. Bot accounts are numbered
 * 0 … count−1; account i belongs to ring ⌊i / ringSize⌋ (the last ring may be smaller), is
 * called `b-<ring>-<member>` and buys to its ring's single address. Pure: no I/O.
 */
import { botCountOf, type Bots } from './bots-schema.ts';
import { saleSecondsToRunMs, scaleCount } from './time-scale.ts';

export interface PlannedBots {
  /** Bot accounts in this run (sale-scale bots ÷ k). */
  readonly count: number;
  /** Bot accounts in the sale (before scaling), part of `crowd.people`. */
  readonly saleCount: number;
  readonly ringSize: number;
  /** ⌈count / ringSize⌉: rings, and distinct delivery addresses the bots use. */
  readonly rings: number;
  /** Bots start arriving at the opening (run time, ms since start)… */
  readonly startMs: number;
  /** …spread uniformly over this window, ms. */
  readonly burstMs: number;
  readonly pollIntervalMs: number;
  readonly ticketsPerBot: number;
  /** Units each bot account tries to buy: the per-person limit. */
  readonly quantity: number;
  /** Chance per bot account of each attempt to skip the queue. */
  readonly skipQueue: Readonly<Bots['skipQueue']>;
}

/** Bots in sale scale (count or share of the people); 0 when the section is absent. */
export function saleBotCount(bots: Bots | undefined, people: number): number {
  return bots ? botCountOf(bots, people) : 0;
}

export interface PlanBotsInput {
  readonly bots: Bots;
  readonly salePeople: number;
  readonly timeScale: number;
  readonly opensAtMs: number;
  readonly perPersonLimit: number;
}

/** The bots of a run, or null when the scenario has none. */
export function planBots(input: PlanBotsInput): PlannedBots | null {
  const { bots, timeScale: k } = input;
  const saleCount = saleBotCount(bots, input.salePeople);
  if (saleCount === 0) return null;
  const count = scaleCount(saleCount, k);
  const ringSize = Math.min(bots.rings.size, count);
  return {
    count,
    saleCount,
    ringSize,
    rings: Math.ceil(count / ringSize),
    startMs: input.opensAtMs,
    burstMs: saleSecondsToRunMs(bots.burstSeconds, k),
    pollIntervalMs: saleSecondsToRunMs(bots.pollIntervalSeconds, k),
    ticketsPerBot: bots.ticketsPerBot,
    quantity: input.perPersonLimit,
    skipQueue: { ...bots.skipQueue },
  };
}
