/**
 * Compiles a run plan into a k6 script a person can read and rerun with k6 alone. Sections
 * in fixed order: imports, plan, options, metrics, journey steps, summary. The journey
 * library (runtime/journey.js) is written next to the script and imported relatively;
 * the plan's numbers are embedded as a JSON constant.
 */
import { readFileSync } from 'node:fs';
import type { RunPlan } from '../scenario/index.ts';
import { buildArrivalStages, formatDuration } from './arrival-stages.ts';
import { buildBotScenario } from './bot-scenario.ts';
import { buildThresholds, countingThresholds } from './k6-thresholds.ts';
import { renderOptions } from './render-options.ts';
import { DEFAULT_MAX_VUS, sizeVus, type VuSizing } from './size-vus.ts';

export interface CompileScenarioOptions {
  /** Highest number of VUs the run may use (default DEFAULT_MAX_VUS). */
  readonly maxVUs?: number;
  /**
   * People come from a pool beside the script (`people.json`, and `bots.json` with bots; see
   * PEOPLE_POOL_FILES), read once into k6 SharedArrays: names, addresses, bot rings sharing one
   * address. The caller writes the files. Without it people are `p-<n>` at `<n> Sale Street`.
   */
  readonly peoplePool?: boolean;
}

/** The pool files a script compiled with `peoplePool` reads, by actor. */
export const PEOPLE_POOL_FILES = { person: 'people.json', bot: 'bots.json' } as const;

const POOL_SECTION = (bots: boolean): string =>
  [
    '// ── people (a seeded pool: one account each, names and delivery addresses; bot rings share one) ──',
    `const PEOPLE = new SharedArray('people', () => JSON.parse(open('./${PEOPLE_POOL_FILES.person}')));`,
    ...(bots ? [`const BOTS = new SharedArray('bots', () => JSON.parse(open('./${PEOPLE_POOL_FILES.bot}')));`] : []),
    '',
  ].join('\n');

export interface CompiledScenario {
  /** The k6 script (write it as `script.js`). */
  readonly script: string;
  /** The same options the script exports, as data. */
  readonly options: Record<string, unknown>;
  /** Files to write next to the script, by relative name (`journey.js`, `bot-journey.js`, `shop-config.json`). */
  readonly files: Record<string, string>;
  readonly vus: VuSizing;
  readonly warnings: readonly string[];
}

/** File name the script is saved under; the runner writes `files` beside it. */
export const SCRIPT_FILE = 'script.js';
/** Environment variables the script reads. */
export const TARGET_URL_ENV = 'SALEREADY_TARGET_URL';
export const SUMMARY_PATH_ENV = 'SALEREADY_SUMMARY';

function runtimeSource(name: string): string {
  return readFileSync(new URL(`./runtime/${name}`, import.meta.url), 'utf8');
}

function header(plan: RunPlan): string {
  const lines = [
    `// saleready — generated k6 script for the scenario "${plan.scenario}".`,
    ...(plan.description ? [`// ${plan.description}`] : []),
    `// Time scale k = ${plan.timeScale}: ${plan.people} people${plan.bots ? ` and ${plan.bots.count} bot accounts` : ''}, ${plan.stock} units; every duration is sale time ÷ ${plan.timeScale},`,
    `// so a wait measured here is ×${plan.timeScale} in sale time. Arrivals last ${formatDuration(plan.arrivalEndMs)}, the sale closes at ${formatDuration(plan.saleClosesAtMs)}.`,
    '//',
    '// Rerun by hand:',
    ...(plan.embeddedShop ? ['//   npx saleready shop --config shop-config.json      (the embedded shop, configured for this run)'] : []),
    `//   k6 run -e ${TARGET_URL_ENV}=${plan.targetUrl ?? 'http://127.0.0.1:PORT'} ${SCRIPT_FILE}`,
  ];
  return lines.join('\n');
}

const METRICS_AND_STEPS = `// ── metrics (docs/METRICS.md) ──────────────────────────────────────────────────
const metrics = createMetrics(Counter, Trend);

// ── journey steps ──────────────────────────────────────────────────────────────
// A sold-out 409, an expired-ticket 410 and a ticket-cap 429 are the shop answering
// correctly, not failures.
http.setResponseCallback(http.expectedStatuses(...EXPECTED_STATUSES));
const journey = createJourney(PLAN, TARGET_URL, metrics);

// Before anyone arrives: make sure the shop answers at all.
export function setup() {
  if (!TARGET_URL) exec.test.abort('No target shop: run with -e ${TARGET_URL_ENV}=http://127.0.0.1:PORT');
  journey.probe();
}

// One person: log in, wait for the opening, join the queue, poll, shop or give up.
export function person() {
  journey.person(exec.scenario.iterationInTest);
}`;

const BOT_STEPS = `
// One bot account: burst in after opening, skip the queue if it can, many tickets, buy for the ring.
const botJourney = createBotJourney(PLAN, TARGET_URL, metrics);
export function bot() {
  botJourney.bot(exec.scenario.iterationInTest);
}`;

const SUMMARY = `// ── summary ───────────────────────────────────────────────────────────────────
// Writes k6's summary data for saleready and prints the outcomes per person.
export function handleSummary(data) {
  return {
    [__ENV.${SUMMARY_PATH_ENV} || 'summary-k6.json']: JSON.stringify(data, null, 2),
    stdout: formatSummary(data, PLAN),
  };
}`;

/** Compiles the plan; reads the journey library from this package. */
export function compileScenario(plan: RunPlan, options: CompileScenarioOptions = {}): CompiledScenario {
  const warnings: string[] = [...plan.warnings];
  const arrival = buildArrivalStages(plan);
  const vus = sizeVus(plan, options.maxVUs ?? DEFAULT_MAX_VUS);
  if (vus.capped) {
    warnings.push(
      `up to ${vus.maxVUs} people can be in the journey at once on this machine; more would be needed when people wait long, and k6 will count them as dropped_iterations`,
    );
  }
  if (plan.bots && plan.bots.count + vus.maxVUs > (options.maxVUs ?? DEFAULT_MAX_VUS)) {
    warnings.push(
      `the ${plan.bots.count} bot accounts take one VU each on top of up to ${vus.maxVUs} for people: more than the ${options.maxVUs ?? DEFAULT_MAX_VUS} this machine is sized for; use a larger time scale or fewer bots`,
    );
  }
  const gracefulStopMs = Math.max(plan.expectedDurationMs - arrival.totalMs, 1000);
  const { thresholds, notExpressible } = buildThresholds(plan);
  // a metric that carries a target threshold is in k6's summary already: no counting one
  const targetMetrics = new Set(thresholds.map((threshold) => threshold.metric));
  const counting = countingThresholds({ bots: plan.bots !== null }).filter((threshold) => !targetMetrics.has(threshold.metric));
  const botScenario = plan.bots ? buildBotScenario({ ...plan, bots: plan.bots }) : null;
  const thresholdObject: Record<string, string[]> = {};
  for (const threshold of [...thresholds, ...counting]) {
    (thresholdObject[threshold.metric] ??= []).push(threshold.expression);
  }
  const k6Options: Record<string, unknown> = {
    scenarios: {
      people: {
        executor: 'ramping-arrival-rate',
        exec: 'person',
        startRate: 0,
        timeUnit: arrival.timeUnit,
        preAllocatedVUs: vus.preAllocatedVUs,
        maxVUs: vus.maxVUs,
        stages: arrival.stages,
        gracefulStop: `${Math.round(gracefulStopMs)}ms`,
      },
      ...(botScenario ? { bots: botScenario.options } : {}),
    },
    thresholds: thresholdObject,
    summaryTrendStats: ['avg', 'min', 'med', 'max', 'p(90)', 'p(95)', 'p(99)', 'count'],
    setupTimeout: '30s',
  };
  const { targets: _targets, ...planForScript } = plan;
  const script = [
    header(plan),
    '',
    '// ── imports ───────────────────────────────────────────────────────────────────',
    "import http from 'k6/http';",
    "import exec from 'k6/execution';",
    "import { Counter, Trend } from 'k6/metrics';",
    ...(options.peoplePool ? ["import { SharedArray } from 'k6/data';"] : []),
    "import { EXPECTED_STATUSES, createJourney, createMetrics, formatSummary } from './journey.js';",
    ...(plan.bots ? ["import { createBotJourney } from './bot-journey.js';"] : []),
    '',
    '// ── plan (run time: ms, people and units at this time scale) ─────────────────────',
    `const PLAN = ${JSON.stringify(planForScript, null, 2)};`,
    `const TARGET_URL = __ENV.${TARGET_URL_ENV} || PLAN.targetUrl;`,
    '',
    ...(options.peoplePool ? [POOL_SECTION(plan.bots !== null && plan.bots !== undefined)] : []),
    '// ── options ───────────────────────────────────────────────────────────────────',
    renderOptions({
      arrival,
      vus,
      gracefulStopMs,
      targetThresholds: thresholds,
      countingThresholds: counting,
      notExpressible: notExpressible.map((target) => target.description),
      ...(botScenario ? { botScenarioSource: botScenario.source } : {}),
    }),
    '',
    options.peoplePool ? METRICS_AND_STEPS.replace('createJourney(PLAN, TARGET_URL, metrics)', "createJourney(PLAN, TARGET_URL, metrics, 'person', PEOPLE)") : METRICS_AND_STEPS,
    ...(plan.bots ? [options.peoplePool ? BOT_STEPS.replace('createBotJourney(PLAN, TARGET_URL, metrics)', 'createBotJourney(PLAN, TARGET_URL, metrics, BOTS)') : BOT_STEPS] : []),
    '',
    SUMMARY,
    '',
  ].join('\n');
  return {
    script,
    options: k6Options,
    files: {
      'journey.js': runtimeSource('journey.js'),
      ...(plan.bots ? { 'bot-journey.js': runtimeSource('bot-journey.js') } : {}),
      'shop-config.json': `${JSON.stringify(plan.shop, null, 2)}\n`,
    },
    vus,
    warnings,
  };
}
