/**
 * harness/capacity — the public API of the capacity stage: scalability fit (USL), knee,
 * queueing formulas, the fluid model of a sale-day crowd, rounds, and reading measured
 * points from CSV. Pure functions: no Node built-ins, no I/O.
 */
export {
  uslAmdahlCeiling,
  uslLatency,
  uslLoadForLatency,
  uslOptimalLoad,
  uslPeakLoad,
  uslPeakThroughput,
  uslThroughput,
} from './usl-model.ts';
export type { UslParams } from './usl-model.ts';
export { fitUsl } from './usl-fit.ts';
export type {
  FitUslOptions,
  UslBound,
  UslFit,
  UslIntervalMethod,
  UslPoint,
  UslWarning,
  UslWarningCode,
} from './usl-fit.ts';
export { findKnee, guessKneeShape } from './knee.ts';
export type { FindKneeOptions, Knee, KneeCurve, KneeDirection } from './knee.ts';
export { littlesLawConcurrency, littlesLawRate, littlesLawTime } from './littles-law.ts';
export { erlangB, erlangC, mmcProbabilityWaitExceeds, mmcQueue } from './erlang.ts';
export type { MmcQueue } from './erlang.ts';
export { md1Queue, mg1Queue, mm1Queue } from './single-server-queue.ts';
export type { SingleServerQueue } from './single-server-queue.ts';
export { burstWaitOf, drainRateForMaxWait, fluidQueue } from './flash-crowd.ts';
export type { FluidQueue } from './flash-crowd.ts';
export { planRounds, roundsForMaxWait } from './rounds.ts';
export type { RoundsPlan } from './rounds.ts';
export { parseMeasurements } from './parse-measurements.ts';
export type { MeasuredPoint, ParsedMeasurements } from './parse-measurements.ts';
export { summarizeCapacityFit } from './capacity-fit-summary.ts';
export type { CapacityFitSummary } from './capacity-fit-summary.ts';
