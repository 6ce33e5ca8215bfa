/**
 * Live progress from k6's REST API (`GET /v1/metrics`, JSON:API documents with one entry per
 * metric and sub-metric). Turned into a K6Progress the CLI can print every few seconds.
 */
export interface K6Progress {
  /** Since k6 was started, ms. */
  readonly elapsedMs: number;
  readonly vus: number;
  readonly arrivals: number;
  readonly admitted: number;
  /** People whose journey ended, by outcome (`bought`, `sold_out`, …). */
  readonly outcomes: Readonly<Record<string, number>>;
  readonly finished: number;
  readonly httpReqs: number;
  /** p(95) of http_req_duration so far, ms; null before the first request. */
  readonly httpReqDurationP95Ms: number | null;
  /** Share of failed requests so far; null before the first request. */
  readonly httpReqFailedRate: number | null;
}

interface MetricEntry {
  id?: string;
  attributes?: { sample?: Record<string, number> };
}

/** Parses a `/v1/metrics` body; unknown or missing metrics read as 0 / null. */
export function parseK6Metrics(body: unknown, elapsedMs: number): K6Progress {
  const entries = ((body as { data?: MetricEntry[] } | null)?.data ?? []).filter((entry) => typeof entry.id === 'string');
  const sample = (id: string): Record<string, number> | undefined => entries.find((entry) => entry.id === id)?.attributes?.sample;
  const count = (id: string): number => sample(id)?.count ?? 0;
  const outcomes: Record<string, number> = {};
  for (const entry of entries) {
    const match = /^sr_outcome\{outcome:([a-z_]+)\}$/.exec(entry.id ?? '');
    if (match?.[1]) outcomes[match[1]] = entry.attributes?.sample?.count ?? 0;
  }
  const httpReqs = count('http_reqs');
  return {
    elapsedMs,
    vus: sample('vus')?.value ?? 0,
    arrivals: count('sr_arrivals'),
    admitted: count('sr_admitted'),
    outcomes,
    finished: count('sr_outcome'),
    httpReqs,
    httpReqDurationP95Ms: httpReqs > 0 ? (sample('http_req_duration')?.['p(95)'] ?? null) : null,
    httpReqFailedRate: httpReqs > 0 ? (sample('http_req_failed')?.rate ?? null) : null,
  };
}

/** One GET of k6's metrics; null when k6's API does not answer (yet). */
export async function fetchK6Progress(address: string, elapsedMs: number, timeoutMs = 1500): Promise<K6Progress | null> {
  try {
    const response = await fetch(`http://${address}/v1/metrics`, { signal: AbortSignal.timeout(timeoutMs) });
    if (!response.ok) return null;
    return parseK6Metrics(await response.json(), elapsedMs);
  } catch {
    return null;
  }
}
