/**
 * Compiles the browser people into an Artillery test a person can read and rerun with
 * Artillery alone (`npx artillery run browsers.yml` in the run folder): Artillery's Playwright
 * engine with Debian's Chromium, one virtual user that only starts Chromium, a pause until the
 * opening, then N people arriving one every few hundred ms. Each person is the testFunction
 * `browserPerson` of the processor beside the test (runtime/browser-person.mjs, copied).
 * Values are JSON-encoded (valid YAML); comments are one line without control characters.
 */
import { CHROMIUM_ARGS } from './locate-chromium.ts';

/** Files of the browser people, by name in the run folder. */
export const BROWSER_TEST_FILE = 'browsers.yml';
export const BROWSER_PROCESSOR_FILE = 'browsers-processor.mjs';
export const BROWSER_RESULTS_FILE = 'browsers.jsonl';
export const BROWSER_LOG_FILE = 'browsers.log';

/** The first virtual user arrives this long after Artillery starts, and only starts Chromium. */
const WARM_UP_MS = 100;
/**
 * People arrive no earlier than this after Artillery starts, so the one shared Chromium is up:
 * the engine starts it on the first virtual user and each one arriving before it is up would
 * start a Chromium of its own.
 */
export const CHROMIUM_START_MS = 2_000;

export interface CompileBrowserTestOptions {
  readonly targetUrl: string;
  readonly people: number;
  readonly chromiumPath: string;
  /** When the first person should arrive, ms after Artillery starts (raised to CHROMIUM_START_MS). */
  readonly firstArrivalMs: number;
  /** Time between two people's arrivals, ms. */
  readonly arrivalSpacingMs: number;
  /** Longest wait in the queue before a person counts as stuck, ms. */
  readonly maxQueueMs: number;
  /** Longest wait for any other step (a page, a click's answer), ms. */
  readonly stepTimeoutMs: number;
  /** People are `<prefix>-1`, `<prefix>-2`, … (their user ids at the shop). */
  readonly personPrefix: string;
}

/** When things happen in the browser test, ms after Artillery starts. */
export interface BrowserArrivals {
  readonly warmUpMs: number;
  /** The pause phase before the people (0: none). */
  readonly pauseMs: number;
  readonly firstArrivalMs: number;
  /** The people's phase: N arrivals, the first at its start + spacing, the last at its end. */
  readonly windowMs: number;
}

/** The phases' lengths: Artillery's arrivalCount sends its first arrival one spacing after the phase starts. */
export function planBrowserArrivals(
  options: Pick<CompileBrowserTestOptions, 'people' | 'firstArrivalMs' | 'arrivalSpacingMs'>,
): BrowserArrivals {
  const spacing = Math.max(1, Math.round(options.arrivalSpacingMs));
  const firstArrivalMs = Math.max(Math.round(options.firstArrivalMs), CHROMIUM_START_MS);
  return {
    warmUpMs: WARM_UP_MS,
    pauseMs: firstArrivalMs - WARM_UP_MS - spacing,
    firstArrivalMs,
    windowMs: options.people * spacing,
  };
}

/**
 * A YAML scalar: JSON's encoding, with the characters JSON leaves raw but YAML does not allow
 * raw or reads as line breaks (DEL, C1 controls, U+2028/9) escaped as \uXXXX, valid in YAML too.
 */
const yamlValue = (value: string | number | boolean): string =>
  JSON.stringify(value).replace(
    /[\u007f-\u009f\u2028\u2029]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
const comment = (text: string): string => text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ');
/** Artillery reads whole numbers as seconds and strings through `ms` ("1250ms"). */
const phaseDuration = (ms: number): string => (ms % 1000 === 0 ? String(ms / 1000) : yamlValue(`${ms}ms`));
const seconds = (ms: number): string => `${Number((ms / 1000).toPrecision(3))} s`;

export function compileBrowserTest(options: CompileBrowserTestOptions): string {
  const arrivals = planBrowserArrivals(options);
  const spacing = arrivals.windowMs / options.people;
  const people = options.people === 1 ? '1 person' : `${options.people} people`;
  const lines = [
    '# saleready — real people in Chromium beside the crowd (generated Artillery test).',
    `# ${people} in Debian's Chromium arrive at the opening, ${seconds(arrivals.firstArrivalMs)} after the start,`,
    "# and go through the shop's pages: log in → waiting room → product → buy → result.",
    "# Each step is timed (browser.step.* in Artillery's summary); screenshots and traces go to",
    `# browser/<person>/ and one JSON line per step and per person to ${BROWSER_RESULTS_FILE}.`,
    '#',
    '# Rerun by hand, from this folder:',
    `#   ARTILLERY_DISABLE_TELEMETRY=1 npx artillery run --target http://127.0.0.1:PORT ${BROWSER_TEST_FILE}`,
    'config:',
    `  target: ${yamlValue(options.targetUrl)}`,
    `  processor: ${yamlValue(`./${BROWSER_PROCESSOR_FILE}`)}`,
    '  phases:',
    '    # the first virtual user only starts Chromium, which every person then shares',
    `    - name: ${yamlValue('start Chromium')}`,
    '      arrivalCount: 1',
    `      duration: ${phaseDuration(arrivals.warmUpMs)}`,
    ...(arrivals.pauseMs > 0
      ? [
          `    # nobody arrives for ${seconds(arrivals.pauseMs)}: the crowd's early arrivals wait for the opening`,
          `    - name: ${yamlValue('until the opening')}`,
          `      pause: ${phaseDuration(arrivals.pauseMs)}`,
        ]
      : []),
    `    # ${people} arrive at the opening, one every ${seconds(spacing)}`,
    `    - name: ${yamlValue('people arrive at the opening')}`,
    `      arrivalCount: ${options.people}`,
    `      duration: ${phaseDuration(arrivals.windowMs)}`,
    '  variables:',
    '    # virtual users that only start Chromium (the phase "start Chromium")',
    '    warmUpArrivals: 1',
    `    # people are ${comment(options.personPrefix)}-1, ${comment(options.personPrefix)}-2, … at the shop`,
    `    personPrefix: ${yamlValue(options.personPrefix)}`,
    `    # a person still waiting in the queue after ${seconds(options.maxQueueMs)} counts as stuck`,
    `    maxQueueMs: ${Math.round(options.maxQueueMs)}`,
    `    # any other step (a page, the answer to a click) may take up to ${seconds(options.stepTimeoutMs)}`,
    `    stepTimeoutMs: ${Math.round(options.stepTimeoutMs)}`,
    '  engines:',
    '    playwright:',
    "      # Debian's Chromium, headless (Playwright's own browser download is not used);",
    '      # --no-sandbox because it runs as root, the rest keeps it off the network',
    '      launchOptions:',
    `        executablePath: ${yamlValue(options.chromiumPath)}`,
    '        headless: true',
    `        args: [${CHROMIUM_ARGS.map(yamlValue).join(', ')}]`,
    '      # each person has a context of their own (cookies); X-Actor lets the shop count them apart',
    '      contextOptions:',
    '        viewport: { width: 900, height: 640 }',
    `        locale: ${yamlValue('ko-KR')}`,
    `        extraHTTPHeaders: { ${yamlValue('X-Actor')}: ${yamlValue('browser')} }`,
    `      defaultTimeout: ${Math.ceil(options.stepTimeoutMs / 1000)}`,
    `      defaultNavigationTimeout: ${Math.ceil(options.stepTimeoutMs / 1000)}`,
    'scenarios:',
    `  - name: ${yamlValue('browser person')}`,
    '    engine: playwright',
    `    testFunction: ${yamlValue('browserPerson')}`,
    '',
  ];
  return lines.join('\n');
}
