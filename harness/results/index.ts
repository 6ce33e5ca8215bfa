/** harness/results — the run folder and k6 raw output, streamed into per-second buckets. */
export { createRunDir, formatRunTimestamp, runDirSlug } from './run-dir.ts';
export { ingestK6Output, isGzipFile, type IngestOptions } from './ingest-k6-output.ts';
export { damagedGzipError, isGzipCutShort, isGzipError } from './gzip-damage.ts';
export { describeTargetOutage, findTargetOutage, type TargetOutage } from './target-outage.ts';
export { ingestK6Csv, splitCsvLine, K6_BUILTIN_METRICS, type IngestCsvOptions } from './ingest-k6-csv.ts';
export {
  createIngestResult,
  mergeIngestResults,
  DEFAULT_TAG_KEYS,
  DEFAULT_BUCKET_GAMMA,
  DEFAULT_MAX_SERIES_PER_METRIC,
  type IngestResult,
  type RecordedMetric,
  type RecordedSeries,
  type CreateIngestResultOptions,
} from './ingest-result.ts';
export { ingestToJson, INGEST_JSON_FORMAT, type IngestJson } from './ingest-json.ts';
export type {
  Aggregate,
  AggregateJson,
  CounterAggregate,
  GaugeAggregate,
  MetricKind,
  RateAggregate,
  TrendAggregate,
} from './series-aggregate.ts';
export { parseSelector, type MetricSelector } from './selector.ts';
export {
  selectSeries,
  aggregateOf,
  tagValuesOf,
  JOURNEY_METRICS,
  JOURNEY_TAG_VALUES,
  type SelectedSeries,
} from './select-series.ts';
export { measure, readStat, aggregateEvents, runDurationSeconds, type Measurement } from './measure.ts';
export { measureOverTime, type TimePoint, type MeasureOverTimeOptions } from './measure-over-time.ts';
export { trendBlocks, blockSecondsFor, type TrendBlocks } from './trend-blocks.ts';
export {
  evaluateTargets,
  judgeCutShort,
  toTargetMeasurement,
  type EvaluateTargetsOptions,
} from './evaluate-targets.ts';
export {
  addRecordLine,
  createEngineIngest,
  createRecordsFileState,
  followRecords,
  ingestEngineRecords,
  listRecordFiles,
  RECORDS_FORMAT,
  type EngineIngest,
  type EngineIngestOptions,
  type PersonRecord,
  type RecordsFileState,
  type RecordsFollower,
} from './ingest-engine-records.ts';
export {
  readArtilleryReport,
  parseArtilleryReport,
  looksLikeArtilleryReport,
  artilleryReportRecords,
  artilleryReportToIngest,
  unnamedRequests,
  isSuccessCode,
  ENDPOINT_PREFIX,
  NO_RESPONSE,
  type ArtilleryReport,
  type ArtilleryPeriod,
  type ArtilleryRequests,
  type ArtillerySummary,
} from './ingest-artillery-report.ts';
export {
  estimateQueueWaitOverEveryone,
  judgeQueueWaitOverEveryone,
  type QueueWaitOverEveryone,
  type RunTargetVerdict,
  type WaitsOverEveryoneVerdict,
} from './queue-wait-over-everyone.ts';
