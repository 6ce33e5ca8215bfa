/**
 * Waiting-room settings from measured capacity, named as each product names them. The rate
 * is a margin below what the shop serves (Cloudflare advises 75% of origin capacity); the cap
 * on active users follows from Little's law, concurrent = rate × time each admitted person
 * holds a slot (journey + the product's idle session), so the rate — not the cap — limits
 * entry and the shop sees rate × journey people at once (REFERENCES.md, "Admission
 * settings"; Little 1961). Limits: Cloudflare total_active_users ≥ 200, new_users_per_minute
 * 200…total_active_users, session_duration 1–30 min. Pure, O(1).
 */
import { littlesLawConcurrency } from '../littles-law.ts';

export type RoomWarning = 'rate-below-product-minimum' | 'journey-longer-than-session-maximum';

export interface ProductSetting {
  /** Product, e.g. "Cloudflare Waiting Room". */
  readonly product: string;
  /** The setting as the product names it. */
  readonly setting: string;
  readonly value: number;
  readonly unit: 'users' | 'users per minute' | 'minutes' | 'seconds' | 'redirects per minute' | 'users per increment';
  /** What the value protects, as a key the renderers turn into words. */
  readonly reason: 'rate' | 'active' | 'session' | 'queue-validity' | 'position-expiry' | 'token-validity';
}

export interface WaitingRoomAdvice {
  readonly measuredPeoplePerMinute: number;
  readonly margin: number;
  /** margin × measured capacity, rounded down: people admitted per minute. */
  readonly admissionRatePerMinute: number;
  /** People working in the shop at once at that rate (Little: rate × journey). */
  readonly concurrentInShop: number;
  /** Concurrency the shop holds at its capacity (Little: capacity × journey). */
  readonly shopConcurrency: number;
  readonly journeyMinutes: number;
  /** 99th percentile of one journey (exponential: mean·ln 100; fixed: the mean). */
  readonly journeyP99Minutes: number;
  /** Idle session the products hold after a person's last request. */
  readonly sessionDurationMinutes: number;
  /** Active-user cap: ⌈rate × (journey + session)⌉, at least 200. */
  readonly totalActiveUsers: number;
  readonly settings: readonly ProductSetting[];
  readonly warnings: readonly RoomWarning[];
}

export interface WaitingRoomInput {
  readonly peoplePerMinute: number;
  readonly journeyMinutes: number;
  readonly journey: 'fixed' | 'exponential';
  readonly margin: number;
  /** Queue-ticket validity (how long a place is kept, whole wait) in minutes. */
  readonly ticketValidityMinutes: number;
  /** How long a place is kept without polling (a phone asleep), minutes. */
  readonly idleToleranceMinutes: number;
}

const CLOUDFLARE_MIN_USERS = 200;
const SESSION_MAX = 30;
const SESSION_DEFAULT = 5;

/**
 * People to admit per minute: margin × capacity, rounded down to whole people from 1 a minute
 * up, and kept as a fraction below that (0.375 a minute is one person every 2 min 40 s), so
 * the advice never admits more than the shop serves. O(1).
 */
export function admissionRateBelow(peoplePerMinute: number, margin: number): number {
  const rate = margin * peoplePerMinute;
  return rate >= 1 ? Math.floor(rate) : rate;
}

/**
 * Recommends waiting-room settings for Cloudflare, Alibaba ESA, FortiWeb, Queue-it and AWS
 * Virtual Waiting Room. A rate below a product's minimum is advised as it is, with a warning:
 * raising it to the product's minimum would admit more people than the shop serves.
 */
export function recommendWaitingRoom(input: WaitingRoomInput): WaitingRoomAdvice {
  const rate = admissionRateBelow(input.peoplePerMinute, input.margin);
  const journeyP99 = input.journey === 'fixed' ? input.journeyMinutes : input.journeyMinutes * Math.log(100);
  const warnings: RoomWarning[] = [];
  if (rate < CLOUDFLARE_MIN_USERS) warnings.push('rate-below-product-minimum');
  if (journeyP99 > SESSION_MAX) warnings.push('journey-longer-than-session-maximum');
  const session = Math.min(SESSION_MAX, Math.max(SESSION_DEFAULT, Math.ceil(journeyP99)));
  const total = Math.max(CLOUDFLARE_MIN_USERS, Math.ceil(littlesLawConcurrency(rate, input.journeyMinutes + session)));
  const newUsers = Math.min(rate, total);
  const settings: ProductSetting[] = [];
  for (const [product, names] of [
    ['Cloudflare Waiting Room', ['total_active_users', 'new_users_per_minute', 'session_duration']],
    ['Alibaba Cloud ESA Waiting Room', ['TotalActiveUsers', 'NewUsersPerMinute', 'SessionDuration']],
    ['FortiWeb waiting-room-policy', ['total-active-users', 'new-users-per-min', 'session-duration']],
  ] as const) {
    settings.push({ product, setting: names[0], value: total, unit: 'users', reason: 'active' });
    settings.push({ product, setting: names[1], value: newUsers, unit: 'users per minute', reason: 'rate' });
    settings.push({ product, setting: names[2], value: session, unit: 'minutes', reason: 'session' });
  }
  settings.push({
    product: 'Queue-it',
    setting: 'max outflow',
    value: rate,
    unit: 'redirects per minute',
    reason: 'rate',
  });
  settings.push({
    product: 'Queue-it',
    setting: 'queue number validity',
    value: Math.ceil(input.ticketValidityMinutes),
    unit: 'minutes',
    reason: 'queue-validity',
  });
  settings.push({
    product: 'AWS Virtual Waiting Room',
    setting: 'serving counter increment (periodic inlet, every minute)',
    value: rate,
    unit: 'users per increment',
    reason: 'rate',
  });
  settings.push({
    product: 'AWS Virtual Waiting Room',
    setting: 'QueuePositionExpiryPeriod',
    value: Math.ceil(input.idleToleranceMinutes * 60),
    unit: 'seconds',
    reason: 'position-expiry',
  });
  settings.push({
    product: 'AWS Virtual Waiting Room',
    setting: 'ValidityPeriod (token)',
    value: Math.ceil(Math.max(journeyP99, SESSION_DEFAULT) * 60),
    unit: 'seconds',
    reason: 'token-validity',
  });
  return {
    measuredPeoplePerMinute: input.peoplePerMinute,
    margin: input.margin,
    admissionRatePerMinute: rate,
    concurrentInShop: littlesLawConcurrency(rate, input.journeyMinutes),
    shopConcurrency: littlesLawConcurrency(input.peoplePerMinute, input.journeyMinutes),
    journeyMinutes: input.journeyMinutes,
    journeyP99Minutes: journeyP99,
    sessionDurationMinutes: session,
    totalActiveUsers: total,
    settings,
    warnings,
  };
}
