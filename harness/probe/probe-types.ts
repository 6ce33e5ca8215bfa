/**
 * What a queue-integrity probe reports. A finding says whether one defence held against a
 * small scripted attack, shows the request that proved it, and says how to fix a hole, in
 * English and Korean for the business department (CONTEXT.md: the 2021 audit).
 */

export type Severity = 'high' | 'medium' | 'low';

/**
 * - `held`: the attack was refused;
 * - `bypassed`: the attack got through (the evidence request succeeded);
 * - `inconclusive`: the probe could not get as far as the attack (e.g. no admission within
 *   its time budget, stock sold out); `passed` is false, but it is not counted as a failure.
 */
export type ProbeVerdict = 'held' | 'bypassed' | 'inconclusive';

export interface Bilingual {
  en: string;
  ko: string;
}

/** The one request that proved the verdict. */
export interface ProbeEvidence {
  method: string;
  /** Path and query, e.g. `/api/checkout`. */
  path: string;
  /** HTTP status; 0 when no answer came (network error, time-out). */
  status: number;
  /** The first 300 characters of the answer's body. */
  bodyExcerpt: string;
  /** What was sent, in words: which session, which token, which body. */
  sent: string;
}

export interface ProbeFinding {
  id: ProbeId;
  title: Bilingual;
  severity: Severity;
  /** True when the defence held. */
  passed: boolean;
  verdict: ProbeVerdict;
  /** What happened, in a sentence. */
  observed: Bilingual;
  /** Absent only when the probe could not send its attack at all. */
  evidence: ProbeEvidence | undefined;
  fix: Bilingual;
  durationMs: number;
}

export interface ProbeReport {
  target: string;
  /** ISO 8601, UTC. */
  startedAt: string;
  findings: ProbeFinding[];
  /** Findings with severity high whose verdict is `bypassed`. */
  highSeverityFailures: number;
  /** Findings that could not be decided (see ProbeVerdict). */
  inconclusive: number;
}

export const probeIds = [
  'skip-queue',
  'token-replay',
  'forged-token',
  'bulk-address',
  'ticket-cap',
  'person-limit',
] as const;
export type ProbeId = (typeof probeIds)[number];

/** The limits the probes try to exceed; the defaults are the reference shop's. */
export interface ProbeLimits {
  /** Units one user id may buy (shop `perPersonLimit`). */
  perPerson: number;
  /** Units one delivery address may receive (shop `perAddressLimit`). */
  perAddress: number;
}

/** What a probe's attack concluded; run-probes adds id, title, severity, fix and timing. */
export interface ProbeOutcome {
  verdict: ProbeVerdict;
  observed: Bilingual;
  evidence: ProbeEvidence | undefined;
  /** A more precise fix than the probe's general one, when the attack showed the cause. */
  fix?: Bilingual;
}
