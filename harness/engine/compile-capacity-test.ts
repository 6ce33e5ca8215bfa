/**
 * One step of a capacity run as an Artillery test a person can read and rerun: N people
 * arrive within the first second, and each, after logging in and being admitted once, repeats
 * the chosen journey steps with no think time until the step ends — a closed loop holding
 * about N requests in flight at the shop (the load N of the Universal Scalability Law).
 */
import { JOURNEY_STEPS, type JourneyStep } from '../vocabulary.ts';
import { PLAN_FILE, RECORDS_DIR, yamlValue } from './compile-test.ts';

/** Journey steps a capacity run can repeat; each person logs in (and is admitted) once first. */
export const CAPACITY_STEPS = JOURNEY_STEPS;
export type CapacityStep = JourneyStep;

export interface CapacityStepOptions {
  readonly load: number;
  readonly seconds: number;
  readonly journey: readonly CapacityStep[];
  /** Folder for the step's records, relative to the test (default `records`). */
  readonly recordsDir?: string;
  /** The step's plan file, relative to the test (default plan.json). */
  readonly planFile?: string;
}

/** People arrive over this long at the start of a step… */
const RAMP_MS = 200;
/** …and are logged in and admitted this long after it, when the measurement starts together. */
const SETUP_MS = 1000;

export function compileCapacityStep(options: CapacityStepOptions): { test: string; plan: string } {
  const { load, seconds, journey } = options;
  const planFile = options.planFile ?? PLAN_FILE;
  const test = [
    `# saleready — capacity step: ${load} people in a closed loop for ${seconds} s, each repeating ${journey.join(' → ')}.`,
    `# Rerun by hand: ARTILLERY_DISABLE_TELEMETRY=1 npx artillery run --target http://127.0.0.1:PORT <this file>`,
    'config:',
    `  target: ${yamlValue('http://127.0.0.1:8080')}`,
    '  phases:',
    `    # ${load} people, each with one request in flight at a time: load N = ${load}; all start measuring ${SETUP_MS / 1000} s in`,
    `    - { name: ${yamlValue(`load ${load}`)}, duration: ${yamlValue(`${RAMP_MS}ms`)}, arrivalCount: ${load} }`,
    '  engines:',
    '    saleready:',
    `      plan: ${yamlValue(planFile)}`,
    `      records: ${yamlValue(options.recordsDir ?? RECORDS_DIR)}`,
    'scenarios:',
    '  # requests before the person is admitted are tagged phase=setup; the step measures phase=measure',
    '  - { name: "capacity", engine: "saleready", journey: "capacity" }',
    '',
  ].join('\n');
  const plan = {
    scenario: `capacity-${load}`,
    capacity: { load, journey, setupMs: SETUP_MS, measureMs: seconds * 1000 },
  };
  return { test, plan: `${JSON.stringify(plan, null, 2)}\n` };
}
