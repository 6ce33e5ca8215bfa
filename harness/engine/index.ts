/** harness/engine — compile a run plan to an Artillery test, find Artillery, run it with the person engine. */
export { findArtillery, requireArtillery, artilleryEnv } from './locate-artillery.ts';
export type { ArtilleryInstall } from './locate-artillery.ts';
export {
  compileTest,
  commentText,
  yamlValue,
  PEOPLE_POOL_FILES,
  PLAN_FILE,
  RECORDS_DIR,
  SHOP_CONFIG_FILE,
  TEST_FILE,
} from './compile-test.ts';
export type { CompiledTest, CompileTestOptions } from './compile-test.ts';
export { buildArrivalSegments, wakeupsFor } from './arrival-segments.ts';
export type { ArrivalSegment } from './arrival-segments.ts';
export { buildEnsureConditions, conditionForTarget } from './ensure-conditions.ts';
export type { EnsureCondition } from './ensure-conditions.ts';
export { CAPACITY_STEPS, compileCapacityStep } from './compile-capacity-test.ts';
export type { CapacityStep, CapacityStepOptions } from './compile-capacity-test.ts';
export { writeCompiledTest } from './write-compiled.ts';
export { compressRecords } from './compress-records.ts';
export { ARTILLERY_EXIT, runArtillery } from './run-artillery.ts';
export { startArtillery } from './start-artillery.ts';
export type { ArtilleryExit, ArtilleryProcess, StartArtilleryOptions } from './start-artillery.ts';
export type { ArtilleryRunResult, RunArtilleryOptions } from './run-artillery.ts';
export { splitPlan, sharePlanJson } from './split-plan.ts';
export type { PlanShare, PlanSplit, ShareSegment, SplitPlanOptions } from './split-plan.ts';
export {
  compileCloudTest,
  copyEnginePackage,
  writeCloudTest,
  sharePlanFile,
  ENGINE_PACKAGE_NAME,
  SHARE_PLAN_TEMPLATE,
  WORKER_ENV_FILE,
} from './compile-cloud-test.ts';
export type { CompileCloudTestOptions, CompiledCloudTest } from './compile-cloud-test.ts';
export {
  CLOUD_RUNNERS,
  FARGATE_OPEN_FILES,
  RUNNER_FLAGS,
  RUNNER_INFO,
  checkRunnerFlags,
  cloudArtilleryArgs,
  shellCommand,
  withOpenFiles,
} from './cloud-command.ts';
export type { CloudCommandOptions, CloudRunner, RunnerFlag, RunnerFlagValues } from './cloud-command.ts';
export { bomFlags, createArtilleryBom, fargateRegions } from './artillery-bom.ts';
export type { ArtilleryBom, ArtilleryBomFile } from './artillery-bom.ts';
export { checkAwsCredentials, cloudEnvironment } from './aws-credentials.ts';
export type { AwsCredentialCheck, AwsCredentialCheckOptions } from './aws-credentials.ts';
export { explainCloudFailure, runArtilleryCloud } from './run-artillery-cloud.ts';
export type { ArtilleryCloudResult, RunArtilleryCloudOptions } from './run-artillery-cloud.ts';
