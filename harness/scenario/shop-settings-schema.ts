/**
 * The part of the reference shop's configuration a scenario may set (`target.shop`),
 * in sale time: TTLs and slowdown windows are real durations and get divided by the time
 * scale k when the run is planned. Field names are ShopConfig's (docs/SHOP-API.md). Stock
 * and the per-person/per-address limits are not here: they belong to `sale`.
 */
import { z } from 'zod';

const positiveMs = z.number().positive('must be a duration in ms greater than 0');
const positiveInt = z.int('must be a whole number').positive('must be greater than 0');
const share = z.number().min(0, 'must be a share between 0 and 1').max(1, 'must be a share between 0 and 1');

export const shopSettingsSchema = z.strictObject({
  sessionTtlMs: positiveMs.optional(),
  ticketTtlMs: positiveMs.optional(),
  admissionRatePerMinute: z.number().positive('must be greater than 0').optional(),
  maxActiveUsers: positiveInt.optional(),
  admissionTtlMs: positiveMs.optional(),
  reloginRequeues: z.boolean().optional(),
  maxTicketsPerSession: positiveInt.optional(),
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
      s0Ms: z.number().min(0, 'must be 0 or more').optional(),
      sigma: z.number().min(0, 'must be 0 or more').optional(),
      kappa: z.number().min(0, 'must be 0 or more').optional(),
      workers: positiveInt.optional(),
      backlog: z.int('must be a whole number').min(0, 'must be 0 or more').optional(),
    })
    .optional(),
  faults: z
    .strictObject({
      errorRate: share.optional(),
      slowdowns: z
        .array(
          z.strictObject({
            fromMs: z.number().min(0, 'must be 0 or more'),
            toMs: z.number().positive('must be greater than 0'),
            factor: z.number().positive('must be greater than 0'),
          }),
        )
        .optional(),
    })
    .optional(),
  secret: z.string().min(1).optional(),
  seed: z.int('must be a whole number').optional(),
});

/** `target.shop` as written in a scenario (sale time). */
export type ShopSettings = z.infer<typeof shopSettingsSchema>;

/**
 * A `Partial<ShopConfig>` for the embedded shop, in run time (already scaled), including
 * the sale's stock and limits. Field names and meanings: docs/SHOP-API.md.
 */
export interface ShopConfigPatch extends Omit<ShopSettings, 'sessionTtlMs' | 'ticketTtlMs' | 'admissionTtlMs' | 'maxActiveUsers'> {
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
