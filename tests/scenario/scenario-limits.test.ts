/**
 * What a scenario may not hold, and how it is told: values nested thousands deep, absurd
 * durations and counts, URLs that are not http(s) or carry a password, YAML tags that would
 * be code, and fields left out. Each is a usage error naming the field, with no stack trace,
 * no `undefined`/`NaN`, and no Node warning on the side.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario, parseScenario } from '../../harness/scenario/index.ts';
import { messageOf, rejectionOf } from '../helpers/thrown.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const dir = useTempDir('scenario-limits');

const valid = {
  name: 'limits',
  sale: { stock: 10 },
  crowd: {
    people: 100,
    arrivals: { burst: { share: 1, durationMinutes: 1 }, tail: { durationMinutes: 0 } },
    patience: { kind: 'fixed', minutes: 5 },
  },
};

const deepJson = (depth: number): string => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

describe('a value nested 5,000 deep', () => {
  it('in JSON: exit 2 naming the field, not "Maximum call stack size exceeded"', async () => {
    const path = join(dir, 'deep.json');
    writeFileSync(path, `${JSON.stringify(valid).slice(0, -1)},"description":${deepJson(5000)}}`);
    const { code, message } = await rejectionOf(() => loadScenario(path));
    expect(code).toBe('scenario.too-deep');
    expect(message).toMatch(/→ at description\.a\.a/);
    expect(message).not.toMatch(/call stack/i);
  });

  it('in YAML flow collections: exit 2 naming the field, not the parser’s stack overflow', async () => {
    const path = join(dir, 'deep.yaml');
    writeFileSync(path, `name: deep\ndescription: ${'['.repeat(5000)}${']'.repeat(5000)}\n`);
    const { code, message } = await rejectionOf(() => loadScenario(path));
    expect(code).toBe('scenario.too-deep');
    expect(message).toContain('description');
    expect(message).not.toMatch(/call stack/i);
  });

  it('as a value handed to parseScenario (a TypeScript scenario), under a known field', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 5000; i++) deep = [deep];
    const message = messageOf(() =>
      parseScenario({ ...valid, target: { shop: { faults: { slowdowns: deep } } } }, 'x.ts'),
    );
    expect(message).toMatch(/→ at target\.shop\.faults\.slowdowns\.0\.0/);
    expect(message).not.toMatch(/call stack/i);
  });
});

describe('upper bounds on durations and counts', () => {
  it.each([
    ['sale.durationMinutes', { ...valid, sale: { stock: 10, durationMinutes: 1e12 } }],
    [
      'crowd.arrivals.tail.durationMinutes',
      {
        ...valid,
        crowd: {
          ...valid.crowd,
          arrivals: { burst: { share: 0.5, durationMinutes: 1 }, tail: { durationMinutes: 1e12 } },
        },
      },
    ],
    [
      'crowd.arrivals.burst.durationMinutes',
      {
        ...valid,
        crowd: {
          ...valid.crowd,
          arrivals: { burst: { share: 1, durationMinutes: 1e9 }, tail: { durationMinutes: 0 } },
        },
      },
    ],
    ['crowd.patience.minutes', { ...valid, crowd: { ...valid.crowd, patience: { kind: 'fixed', minutes: 1e12 } } }],
    ['crowd.people', { ...valid, crowd: { ...valid.crowd, people: 1e15 } }],
    ['sale.stock', { ...valid, sale: { stock: 1e15 } }],
    ['behaviour.pollIntervalSeconds', { ...valid, behaviour: { pollIntervalSeconds: 1e12 } }],
    ['behaviour.thinkSeconds', { ...valid, behaviour: { thinkSeconds: 1e12 } }],
    ['target.shop.sessionTtlMs', { ...valid, target: { shop: { sessionTtlMs: 1e15 } } }],
    ['bots.burstSeconds', { ...valid, bots: { count: 5, burstSeconds: 1e12 } }],
    ['targets.queueWaitMinutes.p95', { ...valid, targets: { queueWaitMinutes: { p95: 1e12 } } }],
  ])('refuses an absurd %s, naming it', (field, scenario) => {
    const message = messageOf(() => parseScenario(scenario, 'absurd.yaml'));
    expect(message).toContain(`→ at ${field}`);
    expect(message).toMatch(/at most/);
  });

  it('refuses a lognormal patience whose 99th percentile runs for weeks when no sale window bounds it', () => {
    const message = messageOf(() =>
      parseScenario({
        ...valid,
        crowd: { ...valid.crowd, patience: { kind: 'lognormal', medianMinutes: 60, sigma: 5 } },
      }),
    );
    expect(message).toContain('→ at crowd.patience');
  });

  it('keeps the ready scenarios and realistic large sales valid', () => {
    expect(() =>
      parseScenario({
        ...valid,
        sale: { stock: 50_000, durationMinutes: 24 * 60 },
        crowd: { ...valid.crowd, people: 2_000_000 },
      }),
    ).not.toThrow();
  });

  it('refuses settings the embedded shop would refuse only after the run folder exists', () => {
    expect(messageOf(() => parseScenario({ ...valid, target: { shop: { secret: 'short' } } }))).toContain(
      '→ at target.shop.secret',
    );
    expect(messageOf(() => parseScenario({ ...valid, target: { shop: { seed: -1 } } }))).toContain(
      '→ at target.shop.seed',
    );
    expect(
      messageOf(() =>
        parseScenario({
          ...valid,
          target: { shop: { faults: { slowdowns: [{ fromMs: 5000, toMs: 1000, factor: 2 }] } } },
        }),
      ),
    ).toContain('→ at target.shop.faults.slowdowns.0.toMs');
  });
});

describe('an empty scenario file', () => {
  it('says it is empty and what a scenario needs, naming the file (exit 2)', () => {
    for (const empty of [null, undefined])
      expect(messageOf(() => parseScenario(empty, 'empty.yaml'))).toBe(
        'empty.yaml is empty: a scenario needs at least a name, a sale and a crowd',
      );
  });
});

describe('target.url in a scenario', () => {
  it.each(['javascript:alert(1)', 'ftp://127.0.0.1/', 'file:///etc/passwd', 'data:text/plain,hi'])(
    'refuses %s: http(s) only',
    (url) => {
      expect(messageOf(() => parseScenario({ ...valid, target: { url } }))).toMatch(
        /http or https[\s\S]*→ at target\.url/,
      );
    },
  );

  it('refuses a user name and password, without repeating the password', () => {
    const message = messageOf(() =>
      parseScenario({ ...valid, target: { url: 'http://admin:hunter2@127.0.0.1:8080' } }),
    );
    expect(message).toContain('→ at target.url');
    expect(message).toMatch(/user name or password/);
    expect(message).not.toContain('hunter2');
  });

  it('refuses line breaks and other control characters, which the URL parser would drop silently', () => {
    const message = messageOf(() =>
      parseScenario({ ...valid, target: { url: 'http://127.0.0.1:1/\nconfig:\n  processor: "./evil.js"' } }),
    );
    expect(message).toContain('→ at target.url');
    expect(message).toMatch(/control character|line break/);
  });
});

describe('wording', () => {
  it('says a missing field is required and missing, not "expected object, received undefined (got nothing)"', () => {
    const message = messageOf(() => parseScenario({ name: 'x', crowd: { people: 5 } }, 'x.yaml'));
    expect(message).toMatch(/✖ required but missing \(a section\) → at sale$/m);
    expect(message).toContain('→ at crowd.arrivals');
    expect(message).toContain('→ at crowd.patience');
    expect(message).not.toMatch(/received undefined|got nothing|\bundefined\b/);
  });

  it('shows NaN and Infinity from YAML as what they are, never as null or NaN', async () => {
    const path = join(dir, 'nan.yaml');
    writeFileSync(
      path,
      'name: nan\nsale: { stock: .nan }\ncrowd:\n  people: .inf\n  arrivals: { burst: { share: 1, durationMinutes: 1 }, tail: { durationMinutes: 0 } }\n  patience: { kind: fixed, minutes: 5 }\n',
    );
    const { message } = await rejectionOf(() => loadScenario(path));
    expect(message).toContain('→ at sale.stock');
    expect(message).toContain('→ at crowd.people');
    expect(message).not.toMatch(/\bNaN\b|\bundefined\b|got null/);
  });

  it('refuses a YAML !!js/function tag as not data, without a Node warning', async () => {
    const path = join(dir, 'function.yaml');
    writeFileSync(
      path,
      `name: tagged\ndescription: !!js/function 'function () { return require("fs").readFileSync("/etc/passwd") }'\n`,
    );
    const warnings: string[] = [];
    const onWarning = (warning: Error): void => void warnings.push(warning.message);
    process.on('warning', onWarning);
    try {
      const { code, message } = await rejectionOf(() => loadScenario(path));
      expect(code).toBe('scenario.syntax');
      expect(message).toMatch(/!!js\/function|tag/);
      expect(message).toContain('line 2');
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings).toEqual([]);
  });
});
