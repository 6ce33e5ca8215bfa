/**
 * The part of the reference shop's configuration a scenario may set (`target.shop`),
 * in sale time: TTLs and slowdown windows are real durations and get divided by the time
 * scale k when the run is planned. Field names are ShopConfig's (docs/SHOP-API.md). Stock
 * and the per-person/per-address limits are not here: they belong to `sale`.
 */
import { z } from 'zod';
import { SCENARIO_LIMITS } from './scenario-limits.ts';

// Bounds as the shop's own configuration has them (harness/shop config.ts), so a setting the
// shop would refuse after the run folder exists is refused here, naming `target.shop.…`.
const atMost = (max: number, text: string): string => `must be at most ${max.toLocaleString('en')} (${text})`;
const positiveMs = z
  .number()
  .positive('must be a duration in ms greater than 0')
  .max(SCENARIO_LIMITS.maxShopMs, atMost(SCENARIO_LIMITS.maxShopMs, 'one week'));
const positiveInt = (max: number, text: string) =>
  z.int('must be a whole number').positive('must be greater than 0').max(max, atMost(max, text));
const share = z.number().min(0, 'must be a share between 0 and 1').max(1, 'must be a share between 0 and 1');
const bounded = (min: number, max: number, text: string) =>
  z.number().min(min, `must be ${min} or more`).max(max, atMost(max, text));

export const shopSettingsSchema = z.strictObject({
  sessionTtlMs: positiveMs.optional(),
  ticketTtlMs: positiveMs.optional(),
  admissionRatePerMinute: z
    .number()
    .positive('must be greater than 0')
    .max(6_000_000, atMost(6_000_000, '100,000 per second'))
    .optional(),
  maxActiveUsers: positiveInt(SCENARIO_LIMITS.maxPeople, 'people').optional(),
  admissionTtlMs: positiveMs.optional(),
  reloginRequeues: z.boolean().optional(),
  maxTicketsPerSession: positiveInt(SCENARIO_LIMITS.maxUnitsPerPerson, 'tickets').optional(),
  defences: z
    .strictObject({
      requireAdmissionToken: z.boolean().optional(),
      bindTokenToSession: z.boolean().optional(),
      perAddressLimit: z.boolean().optional(),
      ticketCap: z.boolean().optional(),
    })
    .optional(),
  service: z
    .strictObject({
      s0Ms: bounded(0, 600_000, 'ten minutes').optional(),
      sigma: bounded(0, 100, 'the shop’s limit').optional(),
      kappa: bounded(0, 100, 'the shop’s limit').optional(),
      workers: positiveInt(100_000, 'the shop’s limit').optional(),
      backlog: z
        .int('must be a whole number')
        .min(0, 'must be 0 or more')
        .max(1_000_000, atMost(1_000_000, 'the shop’s limit'))
        .optional(),
    })
    .optional(),
  faults: z
    .strictObject({
      errorRate: share.optional(),
      slowdowns: z
        .array(
          z
            .strictObject({
              fromMs: bounded(0, SCENARIO_LIMITS.maxShopMs, 'one week'),
              toMs: positiveMs,
              factor: z.number().positive('must be greater than 0').max(1000, atMost(1000, 'the shop’s limit')),
            })
            .refine((window) => window.toMs > window.fromMs, {
              message: 'must be greater than fromMs',
              path: ['toMs'],
            }),
        )
        .max(100, 'must hold at most 100 slowdown windows')
        .optional(),
    })
    .optional(),
  secret: z.string().min(16, 'must be at least 16 characters').max(1024, 'must be at most 1024 characters').optional(),
  seed: z
    .int('must be a whole number')
    .min(0, 'must be 0 or more')
    .max(0xffff_ffff, atMost(0xffff_ffff, '2³² − 1'))
    .optional(),
});

/** `target.shop` as written in a scenario (sale time). */
export type ShopSettings = z.infer<typeof shopSettingsSchema>;

/**
 * A `Partial<ShopConfig>` for the embedded shop, in run time (already scaled), including
 * the sale's stock and limits. Field names and meanings: docs/SHOP-API.md.
 */
export interface ShopConfigPatch extends Omit<
  ShopSettings,
  'sessionTtlMs' | 'ticketTtlMs' | 'admissionTtlMs' | 'maxActiveUsers'
> {
  sessionTtlMs: number;
  ticketTtlMs: number;
  admissionTtlMs: number;
  maxActiveUsers: number;
  stock: number;
  perPersonLimit: number;
  perAddressLimit: number;
}

/** ShopConfig defaults (docs/SHOP-API.md) that are durations or crowd sizes, so they scale. */
export const SHOP_SCALED_DEFAULTS = {
  sessionTtlMs: 1_800_000,
  ticketTtlMs: 60_000,
  admissionTtlMs: 600_000,
  maxActiveUsers: 500,
  admissionRatePerMinute: 600,
} as const;
