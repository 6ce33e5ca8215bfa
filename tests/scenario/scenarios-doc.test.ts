import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { compileTargets, parseScenario, planRun } from '../../harness/scenario/index.ts';

const doc = readFileSync(new URL('../../docs/SCENARIOS.md', import.meta.url), 'utf8');
const yamlExample = /```yaml\n([\s\S]*?)```/.exec(doc)?.[1] ?? '';

describe('docs/SCENARIOS.md', () => {
  it('has a YAML example that loads and plans without warnings', () => {
    const scenario = parseScenario(parseYaml(yamlExample), 'docs/SCENARIOS.md');
    expect(scenario.name).toBe('spring-sale');
    const plan = planRun(scenario);
    expect(plan.people).toBe(1000); // 50 000 / 50
    expect(plan.stock).toBe(40); // 2 000 / 50
    expect(plan.warnings).toEqual([]);
    expect(compileTargets(scenario).map((target) => target.id)).toEqual([
      'latency.checkout.p95',
      'latency.join.p95',
      'errors.rate',
      'queue-wait.p95',
      'served.stock',
      'oversold',
    ]);
  });

  it('shows the error lines the loader really writes', () => {
    const bad = parseYaml(yamlExample) as { crowd: { people: number; arrivals: { burst: { share: number } } } };
    bad.crowd.people = 0;
    bad.crowd.arrivals.burst.share = 1.5;
    expect(() => parseScenario(bad, 'my-sale.yaml')).toThrow(
      /✖ must be a whole number greater than 0 \(got 0\) → at crowd\.people/,
    );
    const lines = /```\n(my-sale\.yaml is not valid:[\s\S]*?)```/.exec(doc)?.[1]?.trim().split('\n') ?? [];
    expect(lines.length).toBe(3);
    try {
      parseScenario(bad, 'my-sale.yaml');
    } catch (error) {
      for (const line of lines) expect((error as Error).message).toContain(line);
    }
  });
});
