import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../harness/errors.ts';
import { loadScenario, parseScenario } from '../../harness/scenario/index.ts';
import { rejectionOf } from '../helpers/thrown.ts';

const fixture = (name: string): string => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

const valid = {
  name: 'valid',
  sale: { stock: 10 },
  crowd: {
    people: 100,
    arrivals: { burst: { share: 1, durationMinutes: 1 }, tail: { durationMinutes: 0 } },
    patience: { kind: 'fixed', minutes: 5 },
  },
};

describe('loadScenario', () => {
  it('loads the same scenario from TypeScript, YAML and JSON to equal values', async () => {
    const fromTs = await loadScenario(fixture('mini.ts'));
    const fromYaml = await loadScenario(fixture('mini.yaml'));
    const fromJson = await loadScenario(fixture('mini.json'));
    expect(fromYaml).toEqual(fromTs);
    expect(fromJson).toEqual(fromTs);
    expect(fromTs.crowd.people).toBe(2400);
    expect(fromTs.behaviour.onTicketExpired).toBe('leave');
  });

  it('fills in defaults for fields left out', async () => {
    const scenario = await loadScenario(fixture('mini.yaml'));
    expect(scenario.sale.perAddressLimit).toBe(2);
    expect(scenario.behaviour.onSessionExpired).toBe('relogin');
    expect(scenario.behaviour.retryOnError).toBe(2);
    expect(scenario.behaviour.refreshChance).toBe(0);
    expect(scenario.target).toEqual({});
  });

  it('names every bad field with its value and what is allowed', async () => {
    const error = await rejectionOf(() => loadScenario(fixture('bad.yaml')));
    expect(error.code).toBe('scenario.invalid');
    expect(error.message).toContain('✖ must be a whole number greater than 0 (got 0) → at crowd.people');
    expect(error.message).toContain('✖ must be a share between 0 and 1 (got 1.5) → at crowd.arrivals.burst.share');
    expect(error.message).toMatch(
      /Expected 'exponential' \| 'lognormal' \| 'fixed' \(got "weibull"\) → at crowd\.patience\.kind/,
    );
    expect(error.message).not.toMatch(/\n\s+at /); // no stack frames in the message
  });

  it('refuses unknown fields, naming them', () => {
    const error = (() => {
      try {
        parseScenario({ ...valid, behavior: {} }, 'x.json');
      } catch (caught) {
        return caught as UsageError;
      }
      throw new Error('expected a UsageError');
    })();
    expect(error.message).toContain('x.json is not valid');
    expect(error.message).toContain('✖ Unrecognized key: "behavior" → at (root)');
  });

  it('refuses early and burst shares that add up to more than everyone', () => {
    const scenario = {
      ...valid,
      crowd: {
        ...valid.crowd,
        arrivals: {
          early: { share: 0.6, windowMinutes: 5 },
          burst: { share: 0.6, durationMinutes: 1 },
          tail: { durationMinutes: 1 },
        },
      },
    };
    expect(() => parseScenario(scenario)).toThrow(
      'early.share + burst.share must be at most 1 (the tail takes the rest), got 1.2 → at crowd.arrivals.burst.share',
    );
  });

  it('allows only 0 for oversold, and a sale window no shorter than the arrivals', () => {
    expect(() => parseScenario({ ...valid, targets: { oversold: 3 } })).toThrow(
      'must be 0: overselling is never acceptable (got 3) → at targets.oversold',
    );
    expect(() => parseScenario({ ...valid, sale: { stock: 10, durationMinutes: 0.5 } })).toThrow(
      'must be at least the burst and tail together (1 min), got 0.5 → at sale.durationMinutes',
    );
  });

  it('reports a missing file, an unknown extension and a module without a scenario as usage errors', async () => {
    expect((await rejectionOf(() => loadScenario(fixture('nope.yaml')))).code).toBe('scenario.not-found');
    expect((await rejectionOf(() => loadScenario(fixture('mini.toml')))).message).toContain(
      'unknown scenario format ".toml"',
    );
    expect((await rejectionOf(() => loadScenario(fixture('no-export.ts')))).code).toBe('scenario.no-export');
  });
});
