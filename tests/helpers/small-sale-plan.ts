/**
 * A sale plan the plan tests share: 30,000 people for 2,000 units, a shop for 400 people a
 * minute behind a room admitting 300, people who never give up, a 10-minute wait target.
 * Its queue reaches far beyond the stock, so the plan advises announcing the sold-out moment.
 */
export const SMALL_SALE_PLAN = {
  name: 'small-sale',
  people: 30_000,
  stock: 2_000,
  capacity: { peoplePerMinute: 400 },
  waitingRoom: { admissionRatePerMinute: 300 },
  patience: { kind: 'infinite' },
  targets: { maxWaitMinutes: 10 },
  seed: 3,
} as const;
