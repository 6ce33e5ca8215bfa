/**
 * Compiles a run plan into an Artillery test a person can read and rerun with Artillery
 * alone (`npx artillery run test.yml`): a header saying what the run is, the phases that
 * follow the arrival curve (one per arrival segment, each with a comment saying its intent),
 * the person engine's settings, and `ensure` conditions from the targets (each with its
 * sentence). The plan's numbers go beside it as plan.json, read by the engine.
 * Every value written into the test is JSON-encoded (valid YAML), and comments have their
 * line breaks and control characters removed, so nothing a user typed can become code.
 */
import type { RunPlan } from '../scenario/index.ts';
import { describeTarget } from '../stats/index.ts';
import { formatDuration as formatDurationIn } from '../vocabulary.ts';
import { buildArrivalSegments, WAKEUP_INTERVAL_MS, type ArrivalSegment } from './arrival-segments.ts';
import { buildEnsureConditions } from './ensure-conditions.ts';

/** Files of a compiled run, by name in the run folder. */
export const TEST_FILE = 'test.yml';
export const PLAN_FILE = 'plan.json';
export const RECORDS_DIR = 'records';
export const PEOPLE_POOL_FILES = { person: 'people.json', bot: 'bots.json' } as const;
export const SHOP_CONFIG_FILE = 'shop-config.json';
/** The test's first phase: one arrival at the start, which wakes the person engine for the first people. */
const START_PHASE = 'start';

export interface CompileTestOptions {
  /** People (and bots) come from pools beside the test (PEOPLE_POOL_FILES), written by the caller. */
  readonly peoplePool?: boolean;
}

export interface CompiledTest {
  /** The Artillery test (write it as TEST_FILE). */
  readonly test: string;
  /** Files to write beside it, by name (plan.json, shop-config.json). */
  readonly files: Record<string, string>;
  readonly segments: readonly ArrivalSegment[];
  readonly warnings: readonly string[];
}

/** Text safe inside a YAML comment: one line, no control characters. */
export function commentText(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ');
}

/**
 * A YAML scalar: JSON's encoding is valid YAML and cannot break out of its quotes. The
 * characters JSON leaves raw but YAML does not allow raw or reads as line breaks (DEL, C1
 * controls, U+2028/9) are escaped as \uXXXX, which YAML reads back the same.
 */
export function yamlValue(value: string | number | boolean): string {
  return JSON.stringify(value).replace(
    /[\u007f-\u009f\u2028\u2029]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** "6 s", "2.5 s", "1 min 30 s": the test's comments are in English. */
function formatDuration(ms: number): string {
  return formatDurationIn(ms, 'en');
}

function rateText(count: number, durationMs: number): string {
  const perSecond = count / (durationMs / 1000);
  return perSecond >= 1
    ? `${Number(perSecond.toPrecision(3))} per second`
    : `${Number((perSecond * 60).toPrecision(3))} per minute`;
}

/** The sentence above a phase. */
function segmentIntent(segment: ArrivalSegment, plan: Pick<RunPlan, 'opensAtMs'>): string {
  const when =
    segment.startMs + segment.durationMs <= plan.opensAtMs
      ? 'before opening'
      : `from ${formatDuration(segment.startMs)}`;
  if (segment.people + segment.bots === 0) return `nobody arrives for ${formatDuration(segment.durationMs)}`;
  const who = [segment.people > 0 ? `${segment.people} people` : '', segment.bots > 0 ? `${segment.bots} bots` : '']
    .filter(Boolean)
    .join(' and ');
  const wait = segment.startMs + segment.durationMs <= plan.opensAtMs ? ' and wait for the opening' : '';
  const total = segment.people + segment.bots;
  const wakeups = segment.wakeups < total ? `; ${segment.wakeups} wake-ups` : '';
  return `${who} arrive over ${formatDuration(segment.durationMs)} ${when} (${rateText(total, segment.durationMs)}${wakeups})${wait}`;
}

function header(plan: RunPlan): string[] {
  return [
    `# saleready — generated Artillery test for the scenario ${commentText(JSON.stringify(plan.scenario))}.`,
    ...(plan.description ? [`# ${commentText(plan.description)}`] : []),
    `# Time scale k = ${plan.timeScale}: ${plan.people} people${plan.bots ? ` and ${plan.bots.count} bot accounts` : ''}, ${plan.stock} units; every duration is sale time ÷ ${plan.timeScale},`,
    `# so a wait measured here is ×${plan.timeScale} in sale time. Arrivals last ${formatDuration(plan.arrivalEndMs)}, the sale closes at ${formatDuration(plan.saleClosesAtMs)}.`,
    "# Each virtual user is one person or bot of the sale, run by saleready's person engine",
    '# (artillery-engine-saleready) on its own connection; its records go to records/.',
    '#',
    '# Rerun by hand:',
    ...(plan.embeddedShop
      ? [`#   npx saleready shop --config ${SHOP_CONFIG_FILE}      (the embedded shop, configured for this run)`]
      : []),
    `#   ARTILLERY_DISABLE_TELEMETRY=1 npx artillery run --target http://127.0.0.1:PORT ${TEST_FILE}`,
  ];
}

/** Compiles the plan into the test and the files beside it. */
export function compileTest(plan: RunPlan, options: CompileTestOptions = {}): CompiledTest {
  const warnings = [...plan.warnings];
  const segments = buildArrivalSegments(plan);
  const { conditions, notExpressible } = buildEnsureConditions(plan.targets);
  const lines = [...header(plan), '', 'config:'];
  lines.push(`  # the shop under load (the harness passes --target with the real address)`);
  lines.push(`  target: ${yamlValue(plan.targetUrl ?? 'http://127.0.0.1:8080')}`);
  lines.push('  phases:');
  lines.push(`    # wakes the person engine at the start; every arrival of a phase below wakes it again, and`);
  lines.push(`    # it starts the people and bots due until the next wake-up at their own times (at most`);
  lines.push(
    `    # one wake-up per ${WAKEUP_INTERVAL_MS} ms: Artillery's arrival timer spins on the CPU at higher rates)`,
  );
  lines.push(`    - { name: ${yamlValue(START_PHASE)}, duration: "1ms", arrivalCount: 1 }`);
  segments.forEach((segment, index) => {
    lines.push(`    # ${segmentIntent(segment, plan)}`);
    const name = yamlValue(`segment ${index + 1}`);
    const duration = yamlValue(`${segment.durationMs}ms`);
    if (segment.wakeups === 0) lines.push(`    - { name: ${name}, pause: ${duration} }`);
    else lines.push(`    - { name: ${name}, duration: ${duration}, arrivalCount: ${segment.wakeups} }`);
  });
  lines.push('  engines:');
  lines.push('    saleready:');
  lines.push(`      # the run plan: people, stock, TTLs, patience, behaviour, in run time (ms)`);
  lines.push(`      plan: ${yamlValue(PLAN_FILE)}`);
  lines.push(`      # saleready's exact records: per-second histograms and one record per person`);
  lines.push(`      records: ${yamlValue(RECORDS_DIR)}`);
  if (options.peoplePool) {
    lines.push(`      # one account each, with a name and a delivery address; bot rings share one`);
    lines.push(`      people: ${yamlValue(PEOPLE_POOL_FILES.person)}`);
    if (plan.bots) lines.push(`      bots: ${yamlValue(PEOPLE_POOL_FILES.bot)}`);
  }
  lines.push('  plugins:');
  lines.push('    ensure:');
  if (conditions.length === 0) lines.push('      conditions: []');
  else lines.push('      conditions:');
  for (const condition of conditions) {
    lines.push(`        # ${commentText(condition.intent)}`);
    lines.push(`        - { expression: ${yamlValue(condition.expression)}, strict: true }`);
  }
  for (const target of notExpressible)
    lines.push(
      `      # (judged by saleready, not expressible in Artillery: ${commentText(describeTarget(target, 'en'))})`,
    );
  lines.push('');
  lines.push('scenarios:');
  lines.push('  # every arrival is the next person or bot of the crowd (people and bots interleaved per phase)');
  lines.push(`  - { name: "crowd", engine: "saleready", journey: "crowd" }`);
  lines.push('');
  const { targets: _targets, ...planForEngine } = plan;
  return {
    test: lines.join('\n'),
    files: {
      [PLAN_FILE]: `${JSON.stringify({ ...planForEngine, arrivalSegments: segments }, null, 2)}\n`,
      [SHOP_CONFIG_FILE]: `${JSON.stringify(plan.shop, null, 2)}\n`,
    },
    segments,
    warnings,
  };
}
