/**
 * The compiled Artillery test as Artillery and a person read it: phases whose arrivals add up
 * to exactly the plan's people and bots, intent comments, ensure conditions from the targets,
 * and no way for a hostile string (a description or target with line breaks) to become code.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildArrivalSegments, compileTest } from '../../harness/engine/index.ts';
import { loadScenario, parseScenario, planRun } from '../../harness/scenario/index.ts';

describe('arrival segments', () => {
  it('add up to exactly the flash sale’s people, and follow its three phases', async () => {
    const plan = planRun(await loadScenario('scenarios/flash-sale.ts'));
    const segments = buildArrivalSegments(plan);
    expect(segments.reduce((sum, segment) => sum + segment.people, 0)).toBe(plan.people);
    expect(segments.reduce((sum, segment) => sum + segment.bots, 0)).toBe(0);
    // consecutive, from 0 to the end of the arrivals
    expect(segments[0]!.startMs).toBe(0);
    for (let i = 1; i < segments.length; i++) expect(segments[i]!.startMs).toBe(segments[i - 1]!.startMs + segments[i - 1]!.durationMs);
    expect(segments.at(-1)!.startMs + segments.at(-1)!.durationMs).toBe(Math.round(plan.arrivalEndMs));
    // each phase's people within one person of its planned count (rounded cumulative curves)
    for (const phase of plan.arrivals) {
      const inside = segments.filter((segment) => segment.startMs >= Math.round(phase.startMs) && segment.startMs < Math.round(phase.startMs + phase.durationMs));
      expect(Math.abs(inside.reduce((sum, segment) => sum + segment.people, 0) - phase.people)).toBeLessThanOrEqual(1);
    }
  });

  it('put every bot of the bot storm inside the bots’ burst window, and the crowd adds up exactly', async () => {
    const plan = planRun(await loadScenario('scenarios/bot-storm.ts'));
    const bots = plan.bots!;
    const segments = buildArrivalSegments(plan);
    expect(segments.reduce((sum, segment) => sum + segment.bots, 0)).toBe(bots.count);
    expect(segments.reduce((sum, segment) => sum + segment.people, 0)).toBe(plan.people);
    for (const segment of segments.filter((s) => s.bots > 0)) {
      expect(segment.startMs).toBeGreaterThanOrEqual(Math.round(bots.startMs));
      expect(segment.startMs + segment.durationMs).toBeLessThanOrEqual(Math.round(bots.startMs + Math.max(bots.burstMs, 1)));
    }
  });
});

describe('the compiled test', () => {
  it('has one phase per segment with its intent, the engine’s settings and ensure conditions with their sentences', async () => {
    const plan = planRun(await loadScenario('scenarios/smoke.ts'));
    const compiled = compileTest(plan, { peoplePool: true });
    const test = parse(compiled.test) as Record<string, any>;
    expect(test.config.phases).toHaveLength(compiled.segments.length);
    expect(test.config.phases.reduce((sum: number, phase: { arrivalCount?: number }) => sum + (phase.arrivalCount ?? 0), 0)).toBe(plan.people);
    expect(test.config.engines.saleready).toEqual({ plan: 'plan.json', records: 'records', people: 'people.json' });
    expect(test.scenarios).toEqual([{ name: 'crowd', engine: 'saleready', journey: 'crowd' }]);
    expect(compiled.test).toContain('# 30 people arrive over 6 s from 6 s (5 per second)');
    const expressions = (test.config.plugins.ensure.conditions as { expression: string }[]).map((condition) => condition.expression);
    expect(expressions).toContain('saleready.response_time.checkout.p95 < 500');
    expect(expressions).toContain('saleready.requests_failed / http.requests <= 0.01');
    // a queue-wait target in sale time becomes run time: 3 min ÷ k 10 = 18 s
    expect(expressions).toContain('saleready.person.queue_wait.p95 <= 18000');
    expect(compiled.test).toContain('# 95% of checkouts under 500 ms');
    const planJson = JSON.parse(compiled.files['plan.json']!) as { arrivalSegments: unknown[]; targets?: unknown };
    expect(planJson.arrivalSegments).toHaveLength(compiled.segments.length);
    expect(planJson.targets).toBeUndefined();
  });

  it('keeps hostile strings as data: a description and a target with line breaks stay inside quotes and comments', async () => {
    const hostile = 'sale\nconfig:\n  processor: "./evil.js"\n# "\u2028x';
    const scenario = parseScenario({ ...(await loadScenario('scenarios/smoke.ts')), name: 'hostile', description: hostile });
    const plan = planRun(scenario, { targetUrl: 'http://127.0.0.1:1/\nconfig:\n  processor: "./evil.js"' });
    const compiled = compileTest(plan);
    const test = parse(compiled.test) as Record<string, any>;
    expect(Object.keys(test)).toEqual(['config', 'scenarios']);
    expect(Object.keys(test.config)).toEqual(['target', 'phases', 'engines', 'plugins']);
    expect(test.config.processor).toBeUndefined();
    expect(test.config.target).toBe('http://127.0.0.1:1/\nconfig:\n  processor: "./evil.js"');
    // the description is one comment line
    const descriptionLines = compiled.test.split('\n').filter((line) => line.includes('evil.js'));
    expect(descriptionLines.every((line) => line.startsWith('#') || line.trimStart().startsWith('target:'))).toBe(true);
  });
});
