import { UsageError } from '../errors.ts';
import {
  NO_RESPONSE,
  parseSelector,
  type ArtilleryReport,
  type ArtilleryRequests,
  type ArtillerySummary,
} from '../results/index.ts';
import {
  evaluateTarget,
  poissonRateInterval,
  wilsonInterval,
  type TargetMeasurement,
  type TargetSpec,
  type TargetVerdict,
} from '../stats/index.ts';
import type { TargetDraft } from './targets-file.ts';

/**
 * What a selector picks out of an Artillery report: a summary (percentiles), a count of events
 * (requests, a counter), or failed requests out of requests.
 */
type ArtilleryFigure =
  | { readonly kind: 'summary'; readonly summary: ArtillerySummary | null; readonly unit: string }
  | { readonly kind: 'count'; readonly events: number }
  | { readonly kind: 'failures'; readonly failed: number; readonly requests: number };

/** k6 names and Artillery's own for the same figures (docs/ANALYZE.md, "Artillery reports"). */
const DURATION = ['http_req_duration', 'http.response_time'];
const REQUESTS = ['http_reqs', 'http.requests'];
const FAILED = ['http_req_failed'];
/** Artillery counters that are absent from a report when nothing happened: absent means 0. */
const ZERO_WHEN_ABSENT =
  /^(errors\..+|http\.codes\.\d+|vusers\.(created|completed|failed|skipped)|http\.(requests|responses))$/;
/** The percentiles an Artillery summary holds, by saleready's stat name. */
const PERCENTILES: Readonly<Record<string, keyof ArtillerySummary>> = {
  p50: 'p50',
  p75: 'p75',
  p90: 'p90',
  p95: 'p95',
  p99: 'p99',
  'p99.9': 'p999',
};

/** Artillery's summaries whose values are times in ms (the http engine's and the plugin's, session lengths). */
function isTimeSummary(name: string): boolean {
  return /^http\.(response_time(\.\dxx)?|dns|tcp|tls|total)$|^vusers\.session_length$|^plugins\.metrics-by-endpoint\.(response_time|server-timing)\./.test(
    name,
  );
}

/** Requests (and failures) of one endpoint or all, optionally with one status (an HTTP code or an error). */
function requestsOf(
  report: ArtilleryReport,
  name: string | undefined,
  status: string | undefined,
  selector: string,
): { requests: number; failed: number } {
  const whole = report.aggregate;
  let figures: ArtilleryRequests;
  let unanswered = 0;
  if (name === undefined) {
    figures = whole.http;
    unanswered = Math.max(0, whole.http.sent - whole.http.requests);
  } else {
    const endpoint = whole.endpoints.get(name);
    if (endpoint === undefined) throw unknownEndpoint(report, name, selector);
    figures = endpoint;
  }
  if (status === undefined) return { requests: figures.requests + unanswered, failed: figures.failed + unanswered };
  if (status === NO_RESPONSE) return { requests: unanswered, failed: unanswered };
  const requests = figures.codes[status] ?? figures.errors[status] ?? 0;
  return { requests, failed: /^[23]\d\d$/.test(status) ? 0 : requests };
}

function unknownEndpoint(report: ArtilleryReport, name: string, selector: string): UsageError {
  if (!report.hasEndpoints) {
    return new UsageError(
      'analyze.no-endpoints',
      `${selector}: the Artillery report ${report.source} has no per-endpoint metrics`,
      [
        'per-endpoint figures come from the metrics-by-endpoint plugin (on by default in Artillery 2 unless its metrics are turned off)',
      ],
    );
  }
  return new UsageError('results.unknown-tag-value', `${selector}: the Artillery report has no endpoint "${name}"`, [
    `its endpoints: ${[...report.aggregate.endpoints.keys()].join(', ')}`,
  ]);
}

/** The figure a selector names in a report; null when the report has no such metric. */
function figureOf(report: ArtilleryReport, selectorText: string): ArtilleryFigure | null {
  const selector = parseSelector(selectorText);
  const { metric, tags } = selector;
  const allowed =
    DURATION.includes(metric) || FAILED.includes(metric)
      ? ['name']
      : REQUESTS.includes(metric)
        ? ['name', 'status']
        : [];
  const extra = Object.keys(tags).find((tag) => !allowed.includes(tag));
  if (extra !== undefined) {
    throw new UsageError(
      'results.tag-not-kept',
      `selector ${selector.text} filters on tag "${extra}", which an Artillery report does not have for ${metric}`,
      [
        allowed.length > 0
          ? `${metric} can be filtered on ${allowed.join(' and ')}`
          : `${metric} is one figure of the whole run, without tags`,
      ],
    );
  }
  const whole = report.aggregate;
  if (DURATION.includes(metric)) {
    if (tags.name === undefined) return { kind: 'summary', summary: whole.http.responseTime, unit: 'ms' };
    const endpoint = whole.endpoints.get(tags.name);
    if (endpoint === undefined) throw unknownEndpoint(report, tags.name, selector.text);
    return { kind: 'summary', summary: endpoint.responseTime, unit: 'ms' };
  }
  if (REQUESTS.includes(metric))
    return { kind: 'count', events: requestsOf(report, tags.name, tags.status, selector.text).requests };
  if (FAILED.includes(metric)) {
    const { requests, failed } = requestsOf(report, tags.name, undefined, selector.text);
    return { kind: 'failures', failed, requests };
  }
  const summary = whole.summaries[metric];
  if (summary !== undefined) return { kind: 'summary', summary, unit: isTimeSummary(metric) ? 'ms' : '' };
  const counter = whole.counters[metric];
  if (counter !== undefined || ZERO_WHEN_ABSENT.test(metric)) return { kind: 'count', events: counter ?? 0 };
  return null;
}

function events(figure: ArtilleryFigure): number {
  if (figure.kind === 'summary') return figure.summary?.count ?? 0;
  return figure.kind === 'count' ? figure.events : figure.failed;
}

/** A figure's statistic as a measurement, and the unit it is in; UsageError for a statistic it lacks. */
function measureFigure(
  figure: ArtilleryFigure,
  stat: string,
  run: { durationSeconds: number; requests: number },
  what: string,
): { measurement: TargetMeasurement | null; unit: string } {
  if (figure.kind === 'summary') {
    const summary = figure.summary;
    if (stat === 'count')
      return {
        measurement: { value: summary?.count ?? 0, interval: null, samples: summary?.count ?? 0 },
        unit: 'count',
      };
    const field: keyof ArtillerySummary | undefined =
      PERCENTILES[stat] ?? ({ min: 'min', max: 'max', 'of.mean': 'mean' } as const)[stat as 'min' | 'max' | 'of.mean'];
    if (field === undefined) {
      throw new UsageError(
        'results.stat-not-available',
        `statistic "${stat}" is not available for ${what}: an Artillery summary holds p50, p75, p90, p95, p99, p99.9, min, max, mean and count`,
      );
    }
    const value = summary === null || summary.count === 0 ? null : summary[field];
    // Artillery's summaries hold no samples, so a percentile has no interval here.
    return {
      measurement: value === null ? null : { value, interval: null, samples: summary?.count ?? 0 },
      unit: figure.unit,
    };
  }
  if (figure.kind === 'failures') {
    if (stat === 'count')
      return { measurement: { value: figure.failed, interval: null, samples: figure.requests }, unit: 'count' };
    if (stat === 'rate' || stat === 'of.mean') {
      if (figure.requests === 0) return { measurement: null, unit: 'ratio' };
      const interval = wilsonInterval(figure.failed, figure.requests);
      return {
        measurement: {
          value: figure.failed / figure.requests,
          interval: [interval.lower, interval.upper],
          samples: figure.requests,
        },
        unit: 'ratio',
      };
    }
  } else {
    // A count is exact over the whole run: none happened is 0, resting on all the run's requests.
    if (stat === 'count')
      return {
        measurement: {
          value: figure.events,
          interval: null,
          samples: figure.events > 0 ? figure.events : Math.max(1, run.requests),
        },
        unit: 'count',
      };
    if (stat === 'rate' && run.durationSeconds > 0) {
      const interval = poissonRateInterval(figure.events, run.durationSeconds);
      return {
        measurement: {
          value: figure.events / run.durationSeconds,
          interval: [interval.lower, interval.upper],
          samples: figure.events,
        },
        unit: '/s',
      };
    }
  }
  throw new UsageError('results.stat-not-available', `statistic "${stat}" is not available for ${what}`, [
    'summaries (response times): p50, p75, p90, p95, p99, p99.9, min, max, mean, count · counters and requests: count, rate (per second) · http_req_failed: rate, count',
  ]);
}

/**
 * Judges targets on an Artillery report (docs/ANALYZE.md): k6 names map to Artillery's
 * figures — `http_req_duration` ↔ `http.response_time` (per endpoint with `{name:…}`, from the
 * metrics-by-endpoint plugin), `http_reqs` ↔ `http.requests` (`{status:…}` too),
 * `http_req_failed` ↔ responses other than 2xx/3xx plus requests that ended in an error —
 * and any counter or summary of the report can be named as Artillery names it
 * (`vusers.failed`, `vusers.session_length`). Percentiles are the report's own (its summaries:
 * no samples, so no intervals); rates of failures have Wilson intervals, events per second
 * Poisson ones. A selector the report has no metric for is a UsageError naming the target.
 */
export function evaluateArtilleryTargets(report: ArtilleryReport, drafts: readonly TargetDraft[]): TargetVerdict[] {
  const run = {
    durationSeconds: ((report.aggregate.lastMetricMs ?? 0) - (report.aggregate.firstMetricMs ?? 0)) / 1000,
    requests: Math.max(report.aggregate.http.sent, report.aggregate.http.requests),
  };
  return drafts.map((draft) => {
    try {
      const figure = figureOf(report, draft.metric);
      if (figure === null) throw noMetric(report, draft);
      let measured: { measurement: TargetMeasurement | null; unit: string };
      if (draft.stat === 'share') {
        if (draft.of === undefined)
          throw new UsageError(
            'results.share-without-of',
            `statistic "share" of ${draft.metric} needs "of", the denominator selector`,
          );
        const denominator = figureOf(report, draft.of);
        if (denominator === null) throw noMetric(report, { ...draft, metric: draft.of });
        measured = { measurement: share(events(figure), events(denominator)), unit: 'ratio' };
      } else measured = measureFigure(figure, draft.stat, run, draft.metric);
      const measurement = scaled(measured.measurement, draft.scale ?? 1);
      const spec: TargetSpec = { ...draft, unit: draft.unit ?? measured.unit };
      return evaluateTarget(spec, measurement);
    } catch (error) {
      if (error instanceof UsageError && !error.message.startsWith(`target ${draft.id}`))
        throw new UsageError(error.code, `target ${draft.id}: ${error.message}`, error.hints);
      throw error;
    }
  });
}

function scaled(measurement: TargetMeasurement | null, scale: number): TargetMeasurement | null {
  if (measurement === null || scale === 1) return measurement;
  const interval = measurement.interval;
  return {
    ...measurement,
    value: measurement.value * scale,
    interval: interval === null ? null : [interval[0] * scale, interval[1] * scale],
  };
}

function share(numerator: number, denominator: number): TargetMeasurement | null {
  if (denominator === 0) return null;
  if (!(Number.isInteger(numerator) && numerator >= 0 && numerator <= denominator))
    return { value: numerator / denominator, interval: null, samples: denominator };
  const interval = wilsonInterval(numerator, denominator);
  return { value: numerator / denominator, interval: [interval.lower, interval.upper], samples: denominator };
}

function noMetric(report: ArtilleryReport, draft: TargetDraft): UsageError {
  const names = [...Object.keys(report.aggregate.summaries), ...Object.keys(report.aggregate.counters)].filter(
    (name) => !name.startsWith('plugins.'),
  );
  return new UsageError(
    'results.target-no-metric',
    `target ${draft.id} matches no metric of the Artillery report ${report.source}: ${draft.metric}`,
    [
      'k6 names work too: http_req_duration, http_reqs, http_req_failed (per endpoint: {name:/path})',
      `the report has: ${names.slice(0, 16).join(', ')}${names.length > 16 ? ', …' : ''}`,
    ],
  );
}
