/**
 * The k6 scenario `bots`: one VU per bot account, one iteration each (`per-vu-iterations`),
 * all starting at the opening; each bot waits a uniform random part of the burst window
 * before its first request, so the bots arrive as a burst in the first seconds after opening.
 * Bots end when they bought, were refused, or the sale closed; maxDuration bounds them.
 */
import type { PlannedBots, RunPlan } from '../scenario/index.ts';
import { formatDuration } from './arrival-stages.ts';

/** Room after the sale closes for a bot's last requests, ms. */
const BOT_ALLOWANCE_MS = 5_000;

export interface BotScenario {
  /** The k6 scenario object (options.scenarios.bots). */
  readonly options: Record<string, unknown>;
  /** The same as readable JavaScript with intent comments, indented for `scenarios: {`. */
  readonly source: string;
}

function skipText(bots: PlannedBots): string {
  const percent = (chance: number): string => `${Number((chance * 100).toPrecision(3))}%`;
  const { checkoutWithoutToken, forgedToken, replayToken } = bots.skipQueue;
  return `${percent(checkoutWithoutToken)} check out without a token, ${percent(forgedToken)} with a forged token, ${percent(replayToken)} replay a token from another session`;
}

/** The bots scenario for a plan with bots. */
export function buildBotScenario(plan: RunPlan & { readonly bots: PlannedBots }): BotScenario {
  const { bots } = plan;
  const maxDurationMs = Math.max(1000, Math.ceil(plan.saleClosesAtMs - bots.startMs + BOT_ALLOWANCE_MS));
  const options = {
    executor: 'per-vu-iterations',
    exec: 'bot',
    vus: bots.count,
    iterations: 1,
    startTime: `${Math.round(bots.startMs)}ms`,
    maxDuration: `${maxDurationMs}ms`,
    gracefulStop: '5s',
  };
  const lines = [
    `    // Bots: ${bots.count} bot accounts in ${bots.rings} ring(s) of up to ${bots.ringSize}, each ring buying to one address.`,
    `    // They burst in within ${formatDuration(bots.burstMs)} of opening, take ${bots.ticketsPerBot} ticket(s) each, poll every ${formatDuration(bots.pollIntervalMs)};`,
    `    // ${skipText(bots)}.`,
    '    bots: {',
    "      executor: 'per-vu-iterations',",
    "      exec: 'bot',",
    '      // one VU per bot account, one iteration each',
    `      vus: ${options.vus},`,
    '      iterations: 1,',
    `      // the sale opens ${formatDuration(bots.startMs)} into the run`,
    `      startTime: '${options.startTime}',`,
    `      // bots stop when the sale closes (${formatDuration(plan.saleClosesAtMs - bots.startMs)} after opening)`,
    `      maxDuration: '${options.maxDuration}',`,
    "      gracefulStop: '5s',",
    '    },',
  ];
  return { options, source: lines.join('\n') };
}
