/**
 * Runs the queue-integrity probes against a sale shop, one after another, each bounded in
 * time, as fresh accounts (`probe-<run>-…`) so earlier runs do not interfere. Every probe
 * is a handful of requests; bulk-address and person-limit buy a few units on the target.
 */
import { randomBytes } from 'node:crypto';
import { EnvironmentError, UsageError } from '../errors.ts';
import { ProbeClient } from './probe-client.ts';
import type { FetchLike } from './probe-client.ts';
import type { ProbeContext, ProbeDefinition } from './probe-definition.ts';
import { ProbeSetupError } from './probe-error.ts';
import { probeIds } from './probe-types.ts';
import type { ProbeFinding, ProbeId, ProbeLimits, ProbeOutcome, ProbeReport } from './probe-types.ts';
import { bulkAddressProbe } from './probes/bulk-address.ts';
import { forgedTokenProbe } from './probes/forged-token.ts';
import { personLimitProbe } from './probes/person-limit.ts';
import { skipQueueProbe } from './probes/skip-queue.ts';
import { ticketCapProbe } from './probes/ticket-cap.ts';
import { tokenReplayProbe } from './probes/token-replay.ts';

export interface RunProbesOptions {
  /** The shop's base URL, e.g. `http://127.0.0.1:8080`. */
  targetUrl: string;
  fetchImpl?: FetchLike;
  /** Which probes to run, in this order; all by default. */
  probes?: readonly ProbeId[];
  /** The limits to exceed; default the reference shop's (1 per person, 2 per address). */
  limits?: Partial<ProbeLimits>;
  /** Time budget of one probe, ms (default 20 000). */
  probeTimeoutMs?: number;
  /** Allow a target that is not on this machine (the CLI's `--allow-remote`). */
  allowRemote?: boolean;
}

const allProbes: Readonly<Record<ProbeId, ProbeDefinition>> = {
  'skip-queue': skipQueueProbe,
  'token-replay': tokenReplayProbe,
  'forged-token': forgedTokenProbe,
  'bulk-address': bulkAddressProbe,
  'ticket-cap': ticketCapProbe,
  'person-limit': personLimitProbe,
};

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

function checkTarget(targetUrl: string, allowRemote: boolean): string {
  let url: URL;
  try {
    url = new URL(targetUrl);
  } catch {
    throw new UsageError(
      'cli.bad-target',
      `--target must be an http(s) URL such as http://127.0.0.1:8080, got "${targetUrl}"`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError('cli.bad-target', `--target must be an http(s) URL, got "${targetUrl}"`);
  }
  if (!allowRemote && !loopbackHosts.has(url.hostname) && !url.hostname.startsWith('127.')) {
    throw new UsageError(
      'cli.remote-target',
      `--target ${url.host} is not on this machine; probes go only to loopback unless --allow-remote is given`,
    );
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

async function checkReachable(target: string, fetchImpl: FetchLike): Promise<void> {
  try {
    const response = await fetchImpl(`${target}/healthz`, { signal: AbortSignal.timeout(5_000) });
    await response.arrayBuffer();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new EnvironmentError('probe.target-unreachable', `The target ${target} did not answer: ${reason}`, [
      'Start the shop (`saleready shop`) or check --target.',
    ]);
  }
}

function createContext(client: ProbeClient, limits: ProbeLimits, runTag: string, probe: ProbeId): ProbeContext {
  return {
    client,
    limits,
    userId: (label) => `probe-${runTag}-${probe}-${label}`,
    address: (label) => `Unit ${label}, ${runTag} ${probe} Test Street 1, Seoul 04524`,
  };
}

async function runOne(definition: ProbeDefinition, context: ProbeContext, timeoutMs: number): Promise<ProbeOutcome> {
  let timer: NodeJS.Timeout | undefined;
  const outOfTime = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new ProbeSetupError({
            en: `The probe did not finish within ${timeoutMs} ms.`,
            ko: `점검이 ${timeoutMs} ms 안에 끝나지 않았습니다.`,
          }),
        ),
      timeoutMs + 1_000,
    );
  });
  try {
    return await Promise.race([definition.run(context), outOfTime]);
  } catch (error) {
    if (error instanceof ProbeSetupError)
      return { verdict: 'inconclusive', observed: error.observed, evidence: error.evidence };
    const reason = error instanceof Error ? error.message : String(error);
    return {
      verdict: 'inconclusive',
      observed: { en: `The probe failed: ${reason}`, ko: `점검 중 오류: ${reason}` },
      evidence: undefined,
    };
  } finally {
    clearTimeout(timer);
  }
}

export async function runProbes(options: RunProbesOptions): Promise<ProbeReport> {
  const target = checkTarget(options.targetUrl, options.allowRemote ?? false);
  const fetchImpl: FetchLike = options.fetchImpl ?? ((input, init) => fetch(input, init));
  const limits: ProbeLimits = { perPerson: 1, perAddress: 2, ...options.limits };
  for (const [name, value] of Object.entries(limits)) {
    if (!Number.isInteger(value) || value < 1 || value > 100) {
      throw new UsageError(
        'probe.bad-probe-limit',
        `limits.${name} must be a whole number from 1 to 100, got ${value}`,
      );
    }
  }
  const timeoutMs = options.probeTimeoutMs ?? 20_000;
  const selected = options.probes ?? probeIds;
  const unknown = selected.filter((id) => !(probeIds as readonly string[]).includes(id));
  if (unknown.length > 0) {
    throw new UsageError(
      'probe.bad-probe',
      `unknown probe ${unknown.map((id) => `"${id}"`).join(', ')}; allowed: ${probeIds.join(', ')}`,
    );
  }
  if (!Number.isFinite(timeoutMs) || timeoutMs < 1_000 || timeoutMs > 120_000) {
    throw new UsageError('probe.bad-probe-timeout', `probeTimeoutMs must be from 1000 to 120000, got ${timeoutMs}`);
  }
  const startedAt = new Date().toISOString();
  await checkReachable(target, fetchImpl);
  const runTag = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const findings: ProbeFinding[] = [];
  for (const id of selected) {
    const definition = allProbes[id];
    const started = Date.now();
    const client = new ProbeClient(target, fetchImpl, started + timeoutMs);
    const outcome = await runOne(definition, createContext(client, limits, runTag, id), timeoutMs);
    findings.push({
      id,
      title: definition.title,
      severity: definition.severity,
      passed: outcome.verdict === 'held',
      verdict: outcome.verdict,
      observed: outcome.observed,
      evidence: outcome.evidence,
      fix: outcome.fix ?? definition.fix,
      durationMs: Date.now() - started,
    });
  }
  return {
    target,
    startedAt,
    findings,
    highSeverityFailures: findings.filter((finding) => finding.severity === 'high' && finding.verdict === 'bypassed')
      .length,
    inconclusive: findings.filter((finding) => finding.verdict === 'inconclusive').length,
  };
}
