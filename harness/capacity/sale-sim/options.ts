/**
 * Checks the simulator's options before a run, so a bad number fails with a message that
 * names the option instead of producing NaN waits. Pure.
 */
import { UsageError } from '../../errors.ts';
import type { SimulateSaleOptions } from './types.ts';

const MAX_ACCOUNTS = 50_000_000;

function fail(field: string, value: unknown, allowed: string): never {
  throw new UsageError('capacity.sim-option', `simulator option ${field} is ${String(value)}: must be ${allowed}`);
}

function positive(field: string, value: number | undefined, allowInfinity = false): void {
  if (value === undefined) return;
  if (!(value > 0) || (!allowInfinity && !Number.isFinite(value)))
    fail(field, value, allowInfinity ? 'a number above 0 (Infinity allowed)' : 'a finite number above 0');
}

function share(field: string, value: number | undefined): void {
  if (value === undefined) return;
  if (!(value >= 0 && value <= 1)) fail(field, value, 'a share between 0 and 1');
}

export function checkSimulateSaleOptions(options: SimulateSaleOptions): void {
  if (!Number.isInteger(options.people) || options.people < 1 || options.people > MAX_ACCOUNTS) {
    fail('people', options.people, `a whole number from 1 to ${MAX_ACCOUNTS}`);
  }
  if (!(options.stock >= 0)) fail('stock', options.stock, '0 or more (Infinity allowed)');
  const limit = options.perPersonLimit ?? 1;
  if (!Number.isInteger(limit) || limit < 1 || limit > 65_535)
    fail('perPersonLimit', limit, 'a whole number from 1 to 65535');
  const units = options.unitsPerPerson;
  if (units !== undefined && (!Number.isInteger(units) || units < 1))
    fail('unitsPerPerson', units, 'a whole number of 1 or more');
  positive('shop.peoplePerMinute', options.shop.peoplePerMinute);
  positive('shop.journeyMinutes', options.shop.journeyMinutes);
  const servers = options.shop.servers;
  if (servers !== undefined && (!Number.isInteger(servers) || servers < 1))
    fail('shop.servers', servers, 'a whole number of 1 or more');
  positive('waitingRoom.admissionRatePerMinute', options.waitingRoom?.admissionRatePerMinute, true);
  positive('waitingRoom.maxActiveUsers', options.waitingRoom?.maxActiveUsers, true);
  positive('sessionTtlMinutes', options.sessionTtlMinutes, true);
  positive('ticketTtlMinutes', options.ticketTtlMinutes, true);
  positive('sleepAfterMinutes', options.sleepAfterMinutes);
  positive('sleepMinutes', options.sleepMinutes, true);
  positive('longWaitMinutes', options.longWaitMinutes, true);
  share('sleepShare', options.sleepShare);
  const reEntries = options.maxReEntries;
  if (reEntries !== undefined && (!Number.isInteger(reEntries) || reEntries < 0 || reEntries > 255))
    fail('maxReEntries', reEntries, 'a whole number from 0 to 255');
  positive('horizonMinutes', options.horizonMinutes);
  const { arrivals } = options;
  if (arrivals.kind === 'poisson') positive('arrivals.ratePerMinute', arrivals.ratePerMinute);
  else {
    share('arrivals.earlyShare', arrivals.earlyShare);
    share('arrivals.burstShare', arrivals.burstShare);
    if (arrivals.earlyShare + arrivals.burstShare > 1 + 1e-9)
      fail('arrivals.earlyShare + burstShare', arrivals.earlyShare + arrivals.burstShare, 'at most 1');
    for (const key of ['earlyMinutes', 'burstMinutes', 'tailMinutes'] as const) {
      if (!(arrivals[key] >= 0 && Number.isFinite(arrivals[key])))
        fail(`arrivals.${key}`, arrivals[key], 'a finite number of 0 or more');
    }
  }
  if (options.bots) {
    share('bots.share', options.bots.share);
    if (!(options.bots.ticketsPerBot >= 1)) fail('bots.ticketsPerBot', options.bots.ticketsPerBot, '1 or more');
    if (options.people * (1 + options.bots.share * (options.bots.ticketsPerBot - 1)) > MAX_ACCOUNTS) {
      fail('bots', 'too many accounts', `at most ${MAX_ACCOUNTS} accounts in all`);
    }
  }
  const p = options.patience;
  if (p?.kind === 'fixed') positive('patience.minutes', p.minutes, true);
  if (p?.kind === 'exponential') positive('patience.meanMinutes', p.meanMinutes, true);
  if (p?.kind === 'lognormal') {
    positive('patience.medianMinutes', p.medianMinutes);
    positive('patience.sigma', p.sigma);
  }
}
