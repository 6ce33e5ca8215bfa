export { runProbes } from './run-probes.ts';
export type { RunProbesOptions } from './run-probes.ts';
export { renderProbeMarkdown } from './render-probe-markdown.ts';
export { probeIds } from './probe-types.ts';
export type {
  Bilingual,
  ProbeEvidence,
  ProbeFinding,
  ProbeId,
  ProbeLimits,
  ProbeReport,
  ProbeVerdict,
  Severity,
} from './probe-types.ts';
export type { FetchLike } from './probe-client.ts';
