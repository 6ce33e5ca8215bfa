/**
 * The compiled Artillery test as Artillery and a person read it: phases whose arrivals add up
 * to exactly the plan's people and bots, intent comments, ensure conditions from the targets,
 * and no way for a hostile string (a description or target with line breaks) to become code.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compileBrowserTest } from '../../harness/browser/index.ts';
import { buildArrivalSegments, compileTest, conditionForTarget, wakeupsFor } from '../../harness/engine/index.ts';
import { loadScenario, parseScenario, planRun } from '../../harness/scenario/index.ts';

describe('arrival segments', () => {
  it('add up to exactly the flash sale’s people, and follow its three phases', async () => {
    const plan = planRun(await loadScenario('scenarios/flash-sale.ts'));
    const segments = buildArrivalSegments(plan);
    expect(segments.reduce((sum, segment) => sum + segment.people, 0)).toBe(plan.people);
    expect(segments.reduce((sum, segment) => sum + segment.bots, 0)).toBe(0);
    // consecutive, from 0 to the end of the arrivals
    expect(segments[0]!.startMs).toBe(0);
    for (let i = 1; i < segments.length; i++)
      expect(segments[i]!.startMs).toBe(segments[i - 1]!.startMs + segments[i - 1]!.durationMs);
    expect(segments.at(-1)!.startMs + segments.at(-1)!.durationMs).toBe(Math.round(plan.arrivalEndMs));
    // each phase's people within one person of its planned count (rounded cumulative curves)
    for (const phase of plan.arrivals) {
      const inside = segments.filter(
        (segment) =>
          segment.startMs >= Math.round(phase.startMs) &&
          segment.startMs < Math.round(phase.startMs + phase.durationMs),
      );
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
      expect(segment.startMs + segment.durationMs).toBeLessThanOrEqual(
        Math.round(bots.startMs + Math.max(bots.burstMs, 1)),
      );
    }
  });
});

describe('the compiled test', () => {
  it('has one phase per segment with its intent, the engine’s settings and ensure conditions with their sentences', async () => {
    const plan = planRun(await loadScenario('scenarios/smoke.ts'));
    const compiled = compileTest(plan, { peoplePool: true });
    const test = parse(compiled.test) as Record<string, any>;
    // the start phase, then one per segment, each with the segment's wake-ups
    expect(test.config.phases).toHaveLength(compiled.segments.length + 1);
    expect(test.config.phases[0]).toEqual({ name: 'start', duration: '1ms', arrivalCount: 1 });
    compiled.segments.forEach((segment, index) => {
      const phase = test.config.phases[index + 1] as { arrivalCount?: number; pause?: string };
      expect(segment.wakeups).toBe(wakeupsFor(segment.people + segment.bots, segment.durationMs));
      if (segment.wakeups === 0) expect(phase.pause).toBe(`${segment.durationMs}ms`);
      else expect(phase.arrivalCount).toBe(segment.wakeups);
    });
    expect(compiled.segments.reduce((sum, segment) => sum + segment.people, 0)).toBe(plan.people);
    expect(test.config.engines.saleready).toEqual({ plan: 'plan.json', records: 'records', people: 'people.json' });
    expect(test.scenarios).toEqual([{ name: 'crowd', engine: 'saleready', journey: 'crowd' }]);
    expect(compiled.test).toContain('# 30 people arrive over 6 s from 6 s (5 per second; 12 wake-ups)');
    const expressions = (test.config.plugins.ensure.conditions as { expression: string }[]).map(
      (condition) => condition.expression,
    );
    expect(expressions).toContain('saleready.response_time.checkout.p95 < 500');
    expect(expressions).toContain('saleready.requests_failed / http.requests <= 0.01');
    // a queue-wait target in sale time becomes run time: 3 min ÷ k 10 = 18 s
    expect(expressions).toContain('saleready.person.queue_wait.p95 <= 18000');
    expect(compiled.test).toContain('# 95% of checkouts under 500 ms');
    const planJson = JSON.parse(compiled.files['plan.json']!) as { arrivalSegments: unknown[]; targets?: unknown };
    expect(planJson.arrivalSegments).toHaveLength(compiled.segments.length);
    expect(planJson.targets).toBeUndefined();
  });

  it('turns a mean into Artillery’s `mean` field, and the mean of failed requests into their rate', () => {
    const base = { id: 'x', op: '<', unit: 'ms' } as const;
    expect(
      conditionForTarget({ ...base, metric: 'http_req_duration{step:checkout}', stat: 'of.mean', threshold: 300 })
        ?.expression,
    ).toBe('saleready.response_time.checkout.mean < 300');
    expect(
      conditionForTarget({ ...base, metric: 'http_req_failed', stat: 'of.mean', threshold: 0.01, unit: 'ratio' })
        ?.expression,
    ).toBe('saleready.requests_failed / http.requests < 0.01');
  });

  it('keeps hostile strings as data: a description and a target with line breaks stay inside quotes and comments', async () => {
    const hostile = 'sale\nconfig:\n  processor: "./evil.js"\n# "\u2028x';
    const scenario = parseScenario({
      ...(await loadScenario('scenarios/smoke.ts')),
      name: 'hostile',
      description: hostile,
    });
    // the raw URL with a line break is refused before it could reach a file; a normalised one is written
    expect(() => planRun(scenario, { targetUrl: 'http://127.0.0.1:1/\nconfig:\n  processor: "./evil.js"' })).toThrow(
      /control character/,
    );
    const plan = planRun(scenario, { targetUrl: 'http://127.0.0.1:1/config: processor: "./evil.js"' });
    const compiled = compileTest(plan);
    const test = parse(compiled.test) as Record<string, any>;
    expect(Object.keys(test)).toEqual(['config', 'scenarios']);
    expect(Object.keys(test.config)).toEqual(['target', 'phases', 'engines', 'plugins']);
    expect(test.config.processor).toBeUndefined();
    expect(test.config.target).toBe('http://127.0.0.1:1/config:%20processor:%20%22./evil.js%22');
    // the description is one comment line
    const descriptionLines = compiled.test.split('\n').filter((line) => line.includes('evil.js'));
    expect(descriptionLines.every((line) => line.startsWith('#') || line.trimStart().startsWith('target:'))).toBe(true);
  });
});

/** Strings that break out of YAML, JSON, comments, Artillery templates or terminals when pasted. */
const HOSTILE = [
  'x\nconfig:\n  processor: "./evil.js"',
  '"}, "processor": "./evil.js", "x": {"',
  "' + require('fs').readFileSync('/etc/passwd') + '",
  '{{ $processEnvironment.HOME }} {{ $randomString() }}',
  '# comment\r\n- { engine: "evil" }',
  '\u2028\u2029\u0085 line separators \u0000 nul \u001b[2J\u001b]0;title\u0007',
  '${process.exit(1)} `whoami` $(id)',
  '&anchor *alias !!js/function "function(){}" <<: *x',
  '\ud800 lone surrogate and \u202e right-to-left override',
];

describe('hostile strings in every field that reaches a generated file stay data', () => {
  it.each(HOSTILE.map((text, index) => [index, text] as const))(
    'hostile string %i in test.yml, plan.json, shop-config.json and browsers.yml',
    async (_index, text) => {
      const base = await loadScenario('scenarios/bot-storm.ts');
      const secret = `${text}-padding-to-16-chars`;
      const scenario = parseScenario({
        ...base,
        description: text,
        target: { ...base.target, shop: { ...base.target.shop, secret } },
      });
      const plan = planRun(scenario);
      const compiled = compileTest(plan, { peoplePool: true });

      // test.yml: exactly the sections and settings saleready writes; the text only in comments
      const test = parse(compiled.test) as Record<string, any>;
      expect(Object.keys(test)).toEqual(['config', 'scenarios']);
      expect(Object.keys(test.config)).toEqual(['target', 'phases', 'engines', 'plugins']);
      expect(test.config.engines).toEqual({
        saleready: { plan: 'plan.json', records: 'records', people: 'people.json', bots: 'bots.json' },
      });
      expect(test.scenarios).toEqual([{ name: 'crowd', engine: 'saleready', journey: 'crowd' }]);
      for (const line of compiled.test.split('\n')) {
        expect(line).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/);
        if (!line.trimStart().startsWith('#'))
          expect(line).not.toMatch(/evil|passwd|processEnvironment|whoami|function\(\)/);
      }
      // plan.json and shop-config.json: the same strings back, nothing else added
      const planJson = JSON.parse(compiled.files['plan.json']!) as Record<string, unknown>;
      expect(planJson.description).toBe(text);
      expect(planJson.scenario).toBe(scenario.name);
      const shopConfig = JSON.parse(compiled.files['shop-config.json']!) as Record<string, unknown>;
      expect(shopConfig.secret).toBe(secret);
      expect(Object.keys(shopConfig).sort()).toEqual(Object.keys(plan.shop).sort());

      // browsers.yml: a person prefix and a target given as text stay values
      const browsers = compileBrowserTest({
        targetUrl: plan.targetUrl ?? 'http://127.0.0.1:4000',
        people: 2,
        chromiumPath: `/usr/bin/chromium ${text}`,
        firstArrivalMs: 3000,
        arrivalSpacingMs: 250,
        maxQueueMs: 60_000,
        stepTimeoutMs: 30_000,
        personPrefix: text,
      });
      const browserTest = parse(browsers) as Record<string, any>;
      expect(Object.keys(browserTest)).toEqual(['config', 'scenarios']);
      expect(Object.keys(browserTest.config)).toEqual(['target', 'processor', 'phases', 'variables', 'engines']);
      expect(browserTest.config.processor).toBe('./browsers-processor.mjs');
      expect(browserTest.config.variables.personPrefix).toBe(text);
      expect(browserTest.config.engines.playwright.launchOptions.executablePath).toBe(`/usr/bin/chromium ${text}`);
      expect(browserTest.scenarios).toEqual([
        { name: 'browser person', engine: 'playwright', testFunction: 'browserPerson' },
      ]);
      for (const line of browsers.split('\n'))
        expect(line).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/);
    },
  );

  it('refuses hostile scenario names (they name the run folder); a hostile target URL is refused or written percent-encoded', async () => {
    const base = await loadScenario('scenarios/smoke.ts');
    for (const text of HOSTILE) {
      expect(() => parseScenario({ ...base, name: text })).toThrow(/→ at name/);
      let plan: ReturnType<typeof planRun> | null = null;
      try {
        plan = planRun(parseScenario({ ...base, target: { url: `http://127.0.0.1:1/${text}` } }));
      } catch (error) {
        expect((error as Error).message).toMatch(/→ at target\.url/);
      }
      if (plan) {
        // what is written has no quote, space, template brace, backtick or control character left
        expect(plan.targetUrl).toMatch(/^http:\/\/127\.0\.0\.1:1\/[^\s"`{}<>\\]*$/u);
        expect(parse(compileTest(plan).test).config.target).toBe(plan.targetUrl);
      }
    }
  });

  it('writes only the normalised target URL (no password, no dropped characters)', async () => {
    const base = await loadScenario('scenarios/smoke.ts');
    const plan = planRun(parseScenario({ ...base, target: { url: 'HTTP://127.0.0.1:8080/Shop Front/' } }));
    expect(plan.targetUrl).toBe('http://127.0.0.1:8080/Shop%20Front');
    expect(parse(compileTest(plan).test).config.target).toBe('http://127.0.0.1:8080/Shop%20Front');
    expect(() => planRun(parseScenario(base), { targetUrl: 'http://admin:hunter2@127.0.0.1:8080' })).toThrow(
      /user name or password/,
    );
  });
});
