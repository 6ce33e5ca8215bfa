/**
 * The part of the reference shop's configuration a scenario may set (`target.shop`), in sale
 * time: TTLs and slowdown windows are real durations and get divided by the time scale k when
 * the run is planned. It is the shop's own schema without its defaults (harness/shop config.ts,
 * docs/SHOP-API.md), so a setting the shop would refuse is refused at load, naming
 * `target.shop.…`. Stock and the per-person/per-address limits are not here: they belong to `sale`.
 */
import type { z } from 'zod';
import { shopConfigPatchSchema, type ShopConfigInput } from '../shop/index.ts';

export const shopSettingsSchema = shopConfigPatchSchema.omit({
  stock: true,
  perPersonLimit: true,
  perAddressLimit: true,
});

/** `target.shop` as written in a scenario (sale time). */
export type ShopSettings = z.infer<typeof shopSettingsSchema>;

/**
 * The embedded shop's configuration for a run, in run time (already scaled), including the
 * sale's stock and limits; what is not set takes the shop's default.
 */
export type PlannedShop = ShopConfigInput &
  Required<
    Pick<
      ShopConfigInput,
      | 'sessionTtlMs'
      | 'ticketTtlMs'
      | 'admissionTtlMs'
      | 'maxActiveUsers'
      | 'stock'
      | 'perPersonLimit'
      | 'perAddressLimit'
    >
  >;
