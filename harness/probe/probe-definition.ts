/** The shape of one probe, and what run-probes hands to it. */
import type { ProbeClient } from './probe-client.ts';
import type { Bilingual, ProbeId, ProbeLimits, ProbeOutcome, Severity } from './probe-types.ts';

export interface ProbeContext {
  client: ProbeClient;
  limits: ProbeLimits;
  /** A user id nobody used before: `probe-<run>-<probe>-<label>`. */
  userId(label: string): string;
  /** A delivery address used by this probe run only. */
  address(label: string): string;
}

export interface ProbeDefinition {
  id: ProbeId;
  severity: Severity;
  title: Bilingual;
  /** The general fix; an outcome may carry a more precise one. */
  fix: Bilingual;
  run(context: ProbeContext): Promise<ProbeOutcome>;
}
