/**
 * Smoke: a small sale that the embedded shop handles comfortably, for CI gates. 600 people
 * for 300 units at time scale 10 → 60 people and 30 units in well under a minute.
 */
import { defineScenario } from '../harness/scenario/index.ts';

export default defineScenario({
  name: 'smoke',
  description: 'A small sale the embedded shop handles comfortably (CI gate).',
  sale: { stock: 300, perPersonLimit: 1, perAddressLimit: 2, durationMinutes: 4 },
  crowd: {
    people: 600,
    arrivals: {
      early: { share: 0.2, windowMinutes: 1 },
      burst: { share: 0.5, durationMinutes: 1 },
      tail: { durationMinutes: 2 },
    },
    patience: { kind: 'exponential', meanMinutes: 10 },
  },
  behaviour: { pollIntervalSeconds: 10, thinkSeconds: 2, onTicketExpired: 'rejoin', onSessionExpired: 'relogin' },
  timeScale: 10,
  targets: {
    latency: { login: { p95: 500 }, join: { p95: 500 }, checkout: { p95: 500 } },
    errorRate: 0.01,
    queueWaitMinutes: { p95: 3 },
    servedShare: { stock: 0.9 },
    oversold: 0,
  },
});
