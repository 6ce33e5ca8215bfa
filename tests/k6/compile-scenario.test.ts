import { afterAll, describe, expect, it } from 'vitest';
import { inspectCompiled, removeInspectFolders } from '../helpers/k6-inspect.ts';
import { compileScenario } from '../../harness/k6/index.ts';
import { loadScenario, parseScenario, planRun, type ScenarioInput } from '../../harness/scenario/index.ts';

afterAll(removeInspectFolders);
const inspect = inspectCompiled;

const msOf = (duration: string): number => {
  const match = /^(\d+(?:\.\d+)?)(ms|s)$/.exec(duration);
  if (!match) throw new Error(`unexpected duration ${duration}`);
  return Number(match[1]) * (match[2] === 's' ? 1000 : 1);
};

// 100 people in a 10 s burst (10 per second), patience fixed at 5 s, no think time, k = 1.
const littleInput: ScenarioInput = {
  name: 'little',
  sale: { stock: 50 },
  crowd: {
    people: 100,
    arrivals: { burst: { share: 1, durationMinutes: 10 / 60 }, tail: { durationMinutes: 0 } },
    patience: { kind: 'fixed', minutes: 5 / 60 },
  },
  behaviour: { thinkSeconds: 0 },
  targets: { latency: { checkout: { p95: 800 } }, queueWaitMinutes: { p95: 2 } },
};

describe('compileScenario', () => {
  it('writes a script that real k6 accepts, with the planned stages and VUs', async () => {
    const plan = planRun(parseScenario(littleInput), { targetUrl: 'http://127.0.0.1:9' });
    const compiled = compileScenario(plan);
    const options = await inspect(compiled);
    const people = options.scenarios.people;
    expect(people.executor).toBe('ramping-arrival-rate');
    expect(people.exec).toBe('person');
    expect(people.timeUnit).toBe('1s');
    expect(people.stages).toEqual([
      { duration: '0s', target: 10 }, // 100 people in 10 s: 10 per second
      { duration: '10s', target: 10 },
    ]);
    expect(options.thresholds['http_req_duration{step:checkout}']).toEqual(['p(95)<800']);
    // 2 min of sale time at k = 1 is 120 000 ms of run time
    expect(options.thresholds['sr_queue_wait{actor:person}']).toEqual(['p(95)<=120000']);
  });

  it('sizes VUs by Little\'s law: arrival rate × time in system, bounded by patience', () => {
    const plan = planRun(parseScenario(littleInput));
    const { vus } = compileScenario(plan);
    // W = patience 5 s + 1 s for the shopping requests; L = 10/s × 6 s = 60 people at once
    expect(vus.expectedTimeInSystemMs).toBe(6_000);
    expect(vus.preAllocatedVUs).toBe(60);
    // fixed patience: the long W is the same; maxVUs keeps 10% headroom
    expect(vus.maxVUs).toBe(66);
    expect(vus.capped).toBe(false);
  });

  it('caps the VUs for this machine and says so', () => {
    const plan = planRun(parseScenario(littleInput));
    const compiled = compileScenario(plan, { maxVUs: 40 });
    expect(compiled.vus).toMatchObject({ preAllocatedVUs: 40, maxVUs: 40, capped: true });
    expect(compiled.warnings.some((warning) => warning.startsWith('up to 40 people can be in the journey at once'))).toBe(true);
  });

  it('says the intent of each stage and threshold in words above it', async () => {
    const plan = planRun(await loadScenario('tests/scenario/fixtures/mini.yaml'));
    const { script } = compileScenario(plan);
    expect(script).toContain("    // 95% of checkouts under 800 ms\n    'http_req_duration{step:checkout}': ['p(95)<800'],");
    expect(script).toContain('// early arrivals: 30 people come in the 30 s before opening (1 per second) and wait for it');
    expect(script).toContain('// opening burst: 60 people rush in within 6 s of opening (10 per second)');
    expect(script).toContain('// 95% of people wait at most 30 min in the queue (sale time) (90000 ms in run time at time scale 20)');
    const sections = ['// ── imports', '// ── plan', '// ── options', '// ── metrics', '// ── journey steps', '// ── summary'].map((title) => script.indexOf(title));
    expect(sections.every((index) => index > 0)).toBe(true);
    expect([...sections].sort((a, b) => a - b)).toEqual(sections);
  });

  it('makes stages that add up to the planned arrival window', async () => {
    const plan = planRun(await loadScenario('tests/scenario/fixtures/mini.yaml'));
    const { options } = compileScenario(plan);
    const stages = (options.scenarios as any).people.stages as { duration: string; target: number }[];
    expect(stages.reduce((sum, stage) => sum + msOf(stage.duration), 0)).toBe(plan.arrivalEndMs);
    expect(plan.arrivalEndMs).toBe(90_000);
    // arrivals integrate back to the planned crowd: 1/s × 30 s + 10/s × 6 s + 0.556/s × 54 s ≈ 120
    // 0.556 per second is 2000 per hour exactly, so the hour is the unit that keeps rates whole
    expect((options.scenarios as any).people.timeUnit).toBe('1h');
    const unitSeconds = 3600;
    const arrivals = stages.reduce((sum, stage) => sum + (stage.target / unitSeconds) * (msOf(stage.duration) / 1000), 0);
    expect(arrivals).toBeCloseTo(plan.people, 0);
  });
});

describe('ready scenarios', () => {
  it('flash-sale: the whole stock to a crowd twenty times larger, within 3 minutes', async () => {
    const scenario = await loadScenario('scenarios/flash-sale.ts');
    const plan = planRun(scenario);
    expect(plan.people).toBe(3333); // 200 000 / 60
    expect(plan.stock).toBe(167); // 10 000 / 60
    expect(plan.expectedDurationMs).toBeLessThanOrEqual(180_000);
    const options = await inspect(compileScenario(plan));
    expect(options.scenarios.people.maxVUs).toBeLessThanOrEqual(3000);
  });

  it('smoke: small and under a minute', async () => {
    const plan = planRun(await loadScenario('scenarios/smoke.ts'));
    expect(plan.expectedDurationMs).toBeLessThanOrEqual(60_000);
    expect(plan.people).toBeLessThanOrEqual(100);
    const options = await inspect(compileScenario(plan));
    expect(options.scenarios.people.stages.length).toBeGreaterThan(0);
  });
});
