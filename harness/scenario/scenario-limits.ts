/**
 * Upper bounds on a scenario's numbers (docs/SCENARIOS.md, "What is refused"). They sit far
 * above any real sale day and far below what breaks a plan, a timer or the engine: a sale of
 * a week, a crowd of ten million, a latency target of an hour.
 */
export const SCENARIO_LIMITS = {
  /** Any sale-time duration in minutes: the sale window, arrivals, patience, queue-wait targets. */
  maxMinutes: 7 * 24 * 60,
  /** Any duration in seconds: poll intervals, think time, a phone's sleep, the bots' burst. */
  maxSeconds: 24 * 60 * 60,
  /** People, bots and units in stock. */
  maxPeople: 10_000_000,
  /** Units one person or one address buys, or tries to. */
  maxUnitsPerPerson: 1_000,
  /** A latency target, ms. */
  maxLatencyMs: 60 * 60 * 1000,
  /** Free text (description, target.url), characters. */
  maxTextLength: 2_000,
  /** Levels of nesting in a scenario value (the schema itself needs 6). */
  maxDepth: 32,
  /** Values (objects, arrays, numbers, strings) in a scenario. */
  maxValues: 100_000,
} as const;
