/** harness/scenario — the scenario format, its loader, the run plan and its targets (harness/stats' TargetSpec). */
export { defineScenario } from './define-scenario.ts';
export { loadScenario } from './load-scenario.ts';
export type { LoadScenarioOptions } from './load-scenario.ts';
export { parseScenario } from './parse-scenario.ts';
export { planRun } from './plan-run.ts';
export { saleMinutesToRunMs, saleSecondsToRunMs, scaleCount } from './time-scale.ts';
export type { PlanRunOptions, PlannedBehaviour, RunPlan } from './plan-run.ts';
export { compileTargets } from './compile-targets.ts';
export { JOURNEY_STEPS, patienceSchema, scenarioSchema } from './scenario-schema.ts';
export type {
  Behaviour,
  Bots,
  JourneyStep,
  Patience,
  Scenario,
  ScenarioInput,
  ScenarioTargets,
} from './scenario-schema.ts';
export { botsSchema } from './bots-schema.ts';
export { planBots } from './plan-bots.ts';
export type { PlannedBots } from './plan-bots.ts';
export { shopSettingsSchema } from './shop-settings-schema.ts';
export type { PlannedShop, ShopSettings } from './shop-settings-schema.ts';
export { arrivedBy, planArrivals } from './arrival-curve.ts';
export type { ArrivalPhase, ArrivalPhaseName } from './arrival-curve.ts';
export { patienceP99Ms, scalePatience } from './patience.ts';
export type { PlannedPatience } from './patience.ts';
export { normalizeTargetUrl, showTargetUrl, targetUrlProblem } from './target-url.ts';
export { SCENARIO_LIMITS } from './scenario-limits.ts';
