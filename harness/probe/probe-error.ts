/**
 * Raised inside a probe when it cannot reach its attack (login refused, no admission in time,
 * stock gone); run-probes turns it into an `inconclusive` finding that carries the evidence.
 */
import type { Bilingual, ProbeEvidence } from './probe-types.ts';

export class ProbeSetupError extends Error {
  readonly observed: Bilingual;
  readonly evidence: ProbeEvidence | undefined;

  constructor(observed: Bilingual, evidence?: ProbeEvidence) {
    super(observed.en);
    this.name = 'ProbeSetupError';
    this.observed = observed;
    this.evidence = evidence;
  }
}
