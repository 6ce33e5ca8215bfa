/**
 * The whole stock in one round to a crowd twenty times larger, as in the 2021 sale
 * (docs/CONTEXT: the waiting room throttled entry, logins expired during hour-long waits
 * and sent people back to the end of the queue). 200,000 people for 10,000 sets; at time
 * scale 60 that is about 3,333 people and 167 units, and 2 h 45 min of sale in under 3 min.
 */
import { defineScenario } from '../harness/scenario/index.ts';

export default defineScenario({
  name: 'flash-sale',
  description: '200,000 people for 10,000 sets in a single round, logins expiring while people wait.',
  target: {
    shop: {
      admissionRatePerMinute: 600,
      maxActiveUsers: 500,
      sessionTtlMs: 30 * 60_000,
      ticketTtlMs: 2 * 60_000,
      admissionTtlMs: 10 * 60_000,
      reloginRequeues: true,
    },
  },
  sale: { stock: 10_000, perPersonLimit: 1, perAddressLimit: 2, durationMinutes: 150 },
  crowd: {
    people: 200_000,
    arrivals: {
      early: { share: 0.3, windowMinutes: 15 },
      burst: { share: 0.5, durationMinutes: 5 },
      tail: { durationMinutes: 60 },
    },
    patience: { kind: 'lognormal', medianMinutes: 40, sigma: 0.8 },
  },
  behaviour: {
    pollIntervalSeconds: 60,
    refreshChance: 0.02,
    secondTabChance: 0.1,
    sleepChance: 0.1,
    thinkSeconds: 20,
    onTicketExpired: 'rejoin',
    onSessionExpired: 'relogin',
    retryOnError: 2,
  },
  timeScale: 60,
  targets: {
    latency: { join: { p95: 500 }, poll: { p95: 300 }, checkout: { p95: 800 } },
    errorRate: 0.01,
    queueWaitMinutes: { p95: 60 },
    servedShare: { stock: 0.99 },
    oversold: 0,
  },
});
