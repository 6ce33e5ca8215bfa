/**
 * Applies the time scale k (DESIGN.md, "Time scale") and returns the numbers a run uses:
 * people and stock divide by k; TTLs, poll interval, patience, think time, the arrival
 * windows and the cap on active users (Little's law) divide by k; request rates and the
 * admission rate per minute stay. Pure: no I/O.
 */
import { planArrivals, type ArrivalPhase } from './arrival-curve.ts';
import { compileTargets } from './compile-targets.ts';
import { patienceP99Ms, scalePatience, type PlannedPatience } from './patience.ts';
import { planBots, saleBotCount, type PlannedBots } from './plan-bots.ts';
import type { Behaviour, Scenario } from './scenario-schema.ts';
import { SHOP_DEFAULTS } from '../shop/index.ts';
import type { TargetSpec } from '../stats/index.ts';
import type { PlannedShop } from './shop-settings-schema.ts';
import { normalizeTargetUrl, targetUrlProblem } from './target-url.ts';
import { saleMinutesToRunMs, saleSecondsToRunMs, scaleCount } from './time-scale.ts';

import { UsageError } from '../errors.ts';

export interface PlanRunOptions {
  /** Load this shop instead of `target.url` or the embedded shop (refused unless a valid http(s) URL; written normalised). */
  readonly targetUrl?: string;
}

/** The shop's URL as the plan and every file written from it carry it: normalised, or refused. */
function plannedTargetUrl(options: PlanRunOptions, scenario: Scenario): string | null {
  const raw = options.targetUrl ?? scenario.target.url;
  if (raw === undefined) return null;
  const problem = targetUrlProblem(raw);
  if (problem)
    throw new UsageError(
      'scenario.bad-target-url',
      `${options.targetUrl !== undefined ? 'the target URL' : 'target.url'} ${problem}.`,
    );
  return normalizeTargetUrl(raw);
}

/** Behaviour in run time. */
export interface PlannedBehaviour extends Omit<Behaviour, 'pollIntervalSeconds' | 'sleepSeconds' | 'thinkSeconds'> {
  readonly pollIntervalMs: number;
  readonly sleepMs: number;
  readonly thinkMs: number;
  /** Chance that a person who lost their place joins again at the back (from onTicketExpired). */
  readonly rejoinChance: number;
  /** Chance that a person logged out while waiting logs in again (from onSessionExpired). */
  readonly reloginChance: number;
}

export interface RunPlan {
  readonly scenario: string;
  readonly description: string | null;
  /** k: sale time = run time × k. */
  readonly timeScale: number;
  /** The shop to load; null means: start the embedded shop with `shop` and use its URL. */
  readonly targetUrl: string | null;
  readonly embeddedShop: boolean;
  /** People (not bots) in this run: crowd.people minus the bots, ÷ k. */
  readonly people: number;
  readonly stock: number;
  readonly perPersonLimit: number;
  readonly perAddressLimit: number;
  /** Run time at which the sale opens (the end of the early window), ms. */
  readonly opensAtMs: number;
  readonly arrivals: readonly ArrivalPhase[];
  /** End of the last arrival phase, ms of run time. */
  readonly arrivalEndMs: number;
  /** The sale closes here; people still waiting then give up. */
  readonly saleClosesAtMs: number;
  /** Upper bound of the run: the sale's close plus one person's shopping time. */
  readonly expectedDurationMs: number;
  readonly patience: PlannedPatience;
  /** 99th percentile of patience, ms: bounds the time a person spends in the queue. */
  readonly patienceP99Ms: number;
  readonly behaviour: PlannedBehaviour;
  /** Bot accounts of this run (interleaved with people by the person engine), or null. */
  readonly bots: PlannedBots | null;
  /** Real browsers to run beside the crowd (not scaled; run by harness/browser). */
  readonly browsers: number;
  /** Whether synthetic probes run beside the crowd. */
  readonly probes: boolean;
  /** Configuration for the embedded shop (ShopConfig field names, run time). */
  readonly shop: PlannedShop;
  /** The scenario's targets (compileTargets), for Artillery's ensure conditions and judging. */
  readonly targets: readonly TargetSpec[];
  /** Things a person should know about this plan, e.g. a large time scale. */
  readonly warnings: readonly string[];
}

/** Room for login, product, cart and checkout requests besides think time, ms. */
const SHOPPING_REQUEST_ALLOWANCE_MS = 5_000;

function scaleShop(scenario: Scenario, stock: number): PlannedShop {
  const k = scenario.timeScale;
  const settings = scenario.target.shop ?? {};
  const scaleMs = (ms: number): number => Math.max(1, Math.round(ms / k));
  const shop: PlannedShop = {
    ...settings,
    sessionTtlMs: scaleMs(settings.sessionTtlMs ?? SHOP_DEFAULTS.sessionTtlMs),
    ticketTtlMs: scaleMs(settings.ticketTtlMs ?? SHOP_DEFAULTS.ticketTtlMs),
    admissionTtlMs: scaleMs(settings.admissionTtlMs ?? SHOP_DEFAULTS.admissionTtlMs),
    maxActiveUsers: Math.max(1, Math.ceil((settings.maxActiveUsers ?? SHOP_DEFAULTS.maxActiveUsers) / k)),
    stock,
    perPersonLimit: scenario.sale.perPersonLimit,
    perAddressLimit: scenario.sale.perAddressLimit,
  };
  if (settings.faults?.slowdowns) {
    shop.faults = {
      ...settings.faults,
      // a window keeps at least 1 ms of run time, however short it was at this scale
      slowdowns: settings.faults.slowdowns.map((slowdown) => {
        const fromMs = Math.round(slowdown.fromMs / k);
        return { fromMs, toMs: Math.max(fromMs + 1, Math.round(slowdown.toMs / k)), factor: slowdown.factor };
      }),
    };
  }
  return shop;
}

/** `'rejoin'` → 1, `'leave'` → 0, `{ rejoin: 0.7 }` → 0.7. */
function chanceOf<Yes extends string>(choice: Yes | 'leave' | { readonly [key in Yes]: number }, yes: Yes): number {
  if (typeof choice === 'string') return choice === yes ? 1 : 0;
  return choice[yes];
}

/** Turns a validated scenario into run-time numbers. */
export function planRun(scenario: Scenario, options: PlanRunOptions = {}): RunPlan {
  const k = scenario.timeScale;
  const warnings: string[] = [];
  const toMs = (minutes: number): number => saleMinutesToRunMs(minutes, k);
  const saleBots = saleBotCount(scenario.bots, scenario.crowd.people);
  const salePeople = scenario.crowd.people - saleBots;
  const people = scaleCount(salePeople, k);
  const stock = scaleCount(scenario.sale.stock, k);
  if (k > 60) {
    warnings.push(
      `time scale ${k} is above 60: compressed TTLs and poll intervals come close to real request times, so waits and expiries may be distorted`,
    );
  }
  const shop = scaleShop(scenario, stock);
  const arrivals = planArrivals(scenario.crowd.arrivals, people, k);
  const opensAtMs = toMs(scenario.crowd.arrivals.early.windowMinutes);
  const arrivalEndMs =
    opensAtMs + toMs(scenario.crowd.arrivals.burst.durationMinutes + scenario.crowd.arrivals.tail.durationMinutes);
  const patience = scalePatience(scenario.crowd.patience, k);
  const p99 = patienceP99Ms(patience);
  const saleClosesAtMs =
    scenario.sale.durationMinutes !== undefined ? opensAtMs + toMs(scenario.sale.durationMinutes) : arrivalEndMs + p99;
  const { pollIntervalSeconds, sleepSeconds, thinkSeconds, ...choices } = scenario.behaviour;
  const behaviour: PlannedBehaviour = {
    ...choices,
    pollIntervalMs: saleSecondsToRunMs(pollIntervalSeconds, k),
    sleepMs: sleepSeconds !== undefined ? saleSecondsToRunMs(sleepSeconds, k) : shop.ticketTtlMs * 1.5,
    thinkMs: saleSecondsToRunMs(thinkSeconds, k),
    rejoinChance: chanceOf(choices.onTicketExpired, 'rejoin'),
    reloginChance: chanceOf(choices.onSessionExpired, 'relogin'),
  };
  if (behaviour.pollIntervalMs >= shop.ticketTtlMs) {
    warnings.push(
      `people poll every ${pollIntervalSeconds} s but tickets expire after ${(shop.ticketTtlMs * k) / 1000} s without a poll: every waiting person will lose their place`,
    );
  }
  const bots = scenario.bots
    ? planBots({
        bots: scenario.bots,
        salePeople: scenario.crowd.people,
        timeScale: k,
        opensAtMs,
        perPersonLimit: scenario.sale.perPersonLimit,
      })
    : null;
  if (bots && bots.pollIntervalMs >= shop.ticketTtlMs) {
    warnings.push(
      `bots poll every ${(bots.pollIntervalMs * k) / 1000} s but tickets expire after ${(shop.ticketTtlMs * k) / 1000} s without a poll: bots will keep losing their places`,
    );
  }
  if (bots && bots.startMs + bots.burstMs >= saleClosesAtMs) {
    warnings.push("the bots' burst window ends after the sale closes: late bots will find it closed");
  }
  if (people !== salePeople / k || stock !== scenario.sale.stock / k) {
    warnings.push(
      `people and stock were rounded to whole numbers at time scale ${k}: ${people} people, ${stock} units`,
    );
  }
  const targetUrl = plannedTargetUrl(options, scenario);
  return {
    scenario: scenario.name,
    description: scenario.description ?? null,
    timeScale: k,
    targetUrl,
    embeddedShop: targetUrl === null,
    people,
    stock,
    perPersonLimit: scenario.sale.perPersonLimit,
    perAddressLimit: scenario.sale.perAddressLimit,
    bots,
    browsers: scenario.browsers,
    probes: scenario.probes,
    opensAtMs,
    arrivals,
    arrivalEndMs,
    saleClosesAtMs,
    expectedDurationMs: Math.ceil(saleClosesAtMs + 3 * behaviour.thinkMs + SHOPPING_REQUEST_ALLOWANCE_MS),
    patience,
    patienceP99Ms: p99,
    behaviour,
    shop,
    targets: compileTargets(scenario),
    warnings,
  };
}
