/**
 * harness/capacity — the public API of the capacity stage: scalability fit (USL), knee,
 * queueing formulas, the fluid model of a sale-day crowd, rounds, reading measured points
 * from CSV, the sale-day simulator (sale-sim/, on the event heap, queue and random draws of
 * sim/) and the sale plan it evaluates (sale-plan/). Pure functions: no Node built-ins, no
 * I/O; the words for people are harness/report's.
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
export { MAX_LOAD, parseMeasurements } from './parse-measurements.ts';
export type { MeasuredPoint, ParsedMeasurements } from './parse-measurements.ts';
export { meanThroughputByLoad, summarizeCapacityFit } from './capacity-fit-summary.ts';
export type { CapacityFitSummary } from './capacity-fit-summary.ts';
export { simulateSale } from './sale-sim/simulator.ts';
export { SALE_OUTCOMES, SIM_LIMITS } from './sale-sim/types.ts';
export type {
  OutcomeCounts,
  PersonWaits,
  SaleOutcome,
  SaleSimulation,
  SimArrivals,
  SimPatience,
  SimShop,
  SimulateSaleOptions,
  WaitDistribution,
} from './sale-sim/types.ts';
export {
  openingClock,
  parseSalePlan,
  PLAN_LIMITS,
  resolvedCapacity,
  salePlanSchema,
  withMeasuredCapacity,
} from './sale-plan/plan.ts';
export type { ResolvedSalePlan, SalePlan, SalePlanInput } from './sale-plan/plan.ts';
export { evaluatePlan, patienceP99Minutes } from './sale-plan/evaluate.ts';
export type {
  AnnouncementAdvice,
  EvaluatePlanOptions,
  PlanChoice,
  PlanProblem,
  PlanProgress,
  PlanResult,
  PlanWarning,
  SessionAdvice,
} from './sale-plan/evaluate.ts';
export { admissionRateBelow, recommendWaitingRoom } from './sale-plan/room-settings.ts';
export type { ProductSetting, WaitingRoomAdvice, WaitingRoomInput } from './sale-plan/room-settings.ts';
export type { OptionFigures, RaffleOption, RoundsOption } from './sale-plan/options.ts';
export { buildSaleTimeline, combineTimelines } from './sale-sim/timeline.ts';
export type { SaleTimeline, SaleTimelinePoint } from './sale-sim/timeline.ts';
export { buildCapacityProfile, clearlyPastTargets, meetsCapacityTargets } from './capacity-profile.ts';
export type { CapacityProfile, CapacityStepMeasurement, CapacityTargets } from './capacity-profile.ts';
