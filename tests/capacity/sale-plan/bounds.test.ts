/**
 * `evaluatePlan` on plans at the edges (issue 12: High 3, Medium 13, Low 18, Low 23): it always
 * ends, says what bounded it, refuses absurd values naming the field, reports progress, never
 * advises admitting more people than the shop serves, and does not offer a raffle when the
 * stock covers everyone.
 */
import { describe, expect, it } from 'vitest';
import { parseSalePlan, type SalePlanInput } from '../../../harness/capacity/sale-plan/plan.ts';
import { evaluatePlan, type PlanProgress } from '../../../harness/capacity/sale-plan/evaluate.ts';
import { UsageError } from '../../../harness/errors.ts';
import { messageOf } from '../../helpers/thrown.ts';

const plan = (overrides: Partial<SalePlanInput> = {}): SalePlanInput => ({
  people: 20_000,
  stock: 2_000,
  capacity: { peoplePerMinute: 300 },
  journeyMinutes: 2,
  arrival: { earlyShare: 0.3, earlyMinutes: 30, burstShare: 0.6, burstMinutes: 5, tailMinutes: 60 },
  waitingRoom: { admissionRatePerMinute: 400 },
  sessionTtlMinutes: 20,
  reloginRequeues: true,
  patience: { kind: 'infinite' },
  targets: { maxWaitMinutes: 10 },
  ...overrides,
});

describe('evaluatePlan at the edges', () => {
  it('people who never give up and are sent back at every login: ends, and says the re-entry bound was reached', () => {
    // Sessions of 1 min against a 50-min queue: everyone not let in within the first minute is sent back at every turn.
    const result = evaluatePlan(
      parseSalePlan(
        plan({
          stock: 20_000,
          sessionTtlMinutes: 1,
          arrival: { earlyShare: 0, burstShare: 1, burstMinutes: 0, tailMinutes: 0 },
        }),
      ),
    );
    expect(result.asPlanned.simulation.limits.reEntryCapped).toBeGreaterThan(0);
    expect(result.warnings.map((warning) => warning.code)).toContain('re-entries-capped');
  });

  it('lognormal patience with σ 5 is simulated, with a warning that some people would wait for years', () => {
    const result = evaluatePlan(parseSalePlan(plan({ patience: { kind: 'lognormal', medianMinutes: 90, sigma: 5 } })));
    const warning = result.warnings.find((w) => w.code === 'patience-beyond-a-day');
    expect(warning?.patienceP99Minutes).toBeGreaterThan(24 * 60);
  });

  it('refuses patience, arrival windows and crowds past their stated bounds, naming the field', () => {
    expect(messageOf(() => parseSalePlan(plan({ patience: { kind: 'fixed', minutes: 1e9 } })))).toMatch(
      /at most 10080 .*→ at patience\.minutes/,
    );
    expect(
      messageOf(() => parseSalePlan(plan({ patience: { kind: 'lognormal', medianMinutes: 60, sigma: 50 } }))),
    ).toMatch(/→ at patience\.sigma/);
    expect(messageOf(() => parseSalePlan(plan({ arrival: { tailMinutes: 1e12 } })))).toMatch(
      /→ at arrival\.tailMinutes/,
    );
    expect(messageOf(() => parseSalePlan(plan({ people: 50_000_000 })))).toMatch(/at most 10,000,000 .*→ at people/);
    expect(messageOf(() => parseSalePlan(plan({ perPersonLimit: 100_000 })))).toMatch(/→ at perPersonLimit/);
    // A wait target of 5e-324 minutes once divided people by ~0 and counted rounds down from Infinity for ever.
    expect(messageOf(() => parseSalePlan(plan({ targets: { maxWaitMinutes: 5e-324 } })))).toMatch(
      /at least 1 second .*→ at targets\.maxWaitMinutes/,
    );
  });

  it('reports progress, one simulation at a time, counting up to a stated most', () => {
    const seen: PlanProgress[] = [];
    evaluatePlan(parseSalePlan(plan({ reloginRequeues: false })), { onProgress: (progress) => seen.push(progress) });
    expect(seen.length).toBeGreaterThanOrEqual(4);
    expect(seen.map((p) => p.step)).toEqual(seen.map((_, i) => i + 1));
    for (const p of seen) expect(p.step).toBeLessThanOrEqual(p.mostSteps);
    expect(seen[0]).toMatchObject({ what: 'as-planned', people: 20_000 });
  });

  it('stock above what the crowd can buy: no raffle, no sold-out time, and the raffle is marked as not needed', () => {
    const result = evaluatePlan(parseSalePlan(plan({ people: 1_000, stock: 20_000, reloginRequeues: false })));
    expect(result.stockCoversEveryone).toBe(true);
    expect(result.verdict.choice).not.toBe('raffle');
    expect(result.options.oneRound.sellOutMinutes).toBeNull();
    // The same with a shop too slow for one round: rounds, still not a raffle with 100% winners.
    const slow = evaluatePlan(
      parseSalePlan(
        plan({
          people: 1_000,
          stock: 20_000,
          capacity: { peoplePerMinute: 10 },
          waitingRoom: undefined,
          sessionTtlMinutes: undefined,
          reloginRequeues: false,
        }),
      ),
    );
    expect(slow.stockCoversEveryone).toBe(true);
    expect(slow.verdict.choice).not.toBe('raffle');
  });

  it('a shop that serves under one person a minute: the advised admission rate stays below its capacity', () => {
    const result = evaluatePlan(
      parseSalePlan(
        plan({
          people: 200,
          stock: 20,
          capacity: { peoplePerMinute: 0.5 },
          waitingRoom: undefined,
          reloginRequeues: false,
        }),
      ),
    );
    expect(result.waitingRoom.admissionRatePerMinute).toBeCloseTo(0.375, 9);
    for (const setting of result.waitingRoom.settings.filter((s) => s.reason === 'rate')) {
      expect(setting.value, `${setting.product} ${setting.setting}`).toBeLessThanOrEqual(0.5);
    }
    expect(result.warnings.map((warning) => warning.code)).not.toContain('re-entries-capped');
  });
});
