/**
 * A hyped launch where a fifth of the entries are bots (CONTEXT.md: 10–50% on sneaker
 * launches): 6,000 entries for 1,000 sets, 1,200 of them bot accounts in rings of 5 that
 * share one delivery address, burst in at opening, take two tickets each, poll every 2 s and
 * try to skip the queue. With the shop's defences on, every attempt to skip is refused and a
 * ring gets at most the per-address limit. At time scale 40: 120 people, 30 bots (6 rings),
 * 25 units, and the 20-minute sale in about 40 s.
 */
import { defineScenario } from '../harness/scenario/index.ts';

export default defineScenario({
  name: 'bot-storm',
  description: '6,000 entries for 1,000 sets, a fifth of them bots in rings of 5 sharing an address.',
  target: {
    shop: {
      admissionRatePerMinute: 600,
      maxActiveUsers: 500,
      ticketTtlMs: 60_000,
      admissionTtlMs: 10 * 60_000,
    },
  },
  sale: { stock: 1_000, perPersonLimit: 1, perAddressLimit: 2, durationMinutes: 20 },
  crowd: {
    people: 6_000,
    arrivals: {
      early: { share: 0.2, windowMinutes: 3 },
      burst: { share: 0.6, durationMinutes: 2 },
      tail: { durationMinutes: 10 },
    },
    patience: { kind: 'lognormal', medianMinutes: 10, sigma: 0.5 },
  },
  behaviour: { pollIntervalSeconds: 20, refreshChance: 0.02, secondTabChance: 0.05, thinkSeconds: 5 },
  bots: {
    share: 0.2,
    rings: { size: 5 },
    burstSeconds: 10,
    pollIntervalSeconds: 2,
    ticketsPerBot: 2,
    skipQueue: { checkoutWithoutToken: 0.5, replayToken: 0.5, forgedToken: 0.5 },
  },
  // Two real people in Chromium beside the crowd, and the queue-integrity probes after it.
  browsers: 2,
  probes: true,
  timeScale: 40,
  targets: {
    latency: { join: { p95: 500 }, poll: { p95: 300 }, checkout: { p95: 500 } },
    errorRate: 0.01,
    // with the per-address limit, 6 rings × 2 units = 12 of the 25 units at most
    bots: { maxStockShare: 0.5 },
    oversold: 0,
  },
});
