import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSalePlan, withMeasuredCapacity, type SalePlanInput } from '../../../harness/capacity/sale-plan/plan.ts';
import { evaluatePlan } from '../../../harness/capacity/sale-plan/evaluate.ts';
import { recommendWaitingRoom } from '../../../harness/capacity/sale-plan/room-settings.ts';
import { renderPlanMarkdown, renderPlanText } from '../../../harness/report/index.ts';
import { UsageError } from '../../../harness/errors.ts';
import { thrownBy } from '../../helpers/thrown.ts';

const small = (overrides: Partial<SalePlanInput> = {}): SalePlanInput => ({
  people: 5_000,
  stock: 20_000,
  capacity: { peoplePerMinute: 1_500 },
  journeyMinutes: 2,
  arrival: { earlyShare: 0, burstShare: 1, burstMinutes: 2, tailMinutes: 0 },
  patience: { kind: 'infinite' },
  targets: { maxWaitMinutes: 10 },
  ...overrides,
});

describe('parseSalePlan', () => {
  it('says an empty plan file is empty and what a plan needs (exit 2)', () => {
    const error = thrownBy(() => parseSalePlan('', 'empty.yaml'));
    expect(error.exitCode).toBe(2);
    expect(error.message).toBe('empty.yaml is empty: a sale plan needs at least people, stock and capacity');
  });

  it('fills in defaults and reads YAML text', () => {
    const plan = parseSalePlan('people: 1000\nstock: 100\ncapacity: { peoplePerMinute: 50 }\n', 'plan.yaml');
    expect(plan.perPersonLimit).toBe(1);
    expect(plan.arrival).toMatchObject({
      earlyShare: 0.2,
      earlyMinutes: 30,
      burstShare: 0.6,
      burstMinutes: 5,
      tailMinutes: 60,
      preQueue: 'fifo',
    });
    expect(plan.targets.maxWaitMinutes).toBe(20);
    expect(plan.decision.admissionMargin).toBe(0.75);
    expect(plan.language).toBe('en');
  });

  it('names the field, the bad value and what is allowed', () => {
    const error = thrownBy(() =>
      parseSalePlan({ people: -3, stock: 10, capacity: { peoplePerMinute: 5 } }, 'sale.yaml'),
    );
    expect(error.code).toBe('capacity.plan-invalid');
    expect(error.exitCode).toBe(2);
    expect(error.message).toContain('sale.yaml');
    expect(error.message).toMatch(/whole number greater than 0 \(got -3\) → at people/);
    const share = thrownBy(() => parseSalePlan({ ...small(), sleepShare: 1.5 }));
    expect(share.message).toMatch(/share between 0 and 1 \(got 1\.5\) → at sleepShare/);
    const opens = thrownBy(() => parseSalePlan({ ...small(), opensAt: '25:00' }));
    expect(opens.message).toMatch(/HH:MM .* → at opensAt/);
    const capacity = thrownBy(() => parseSalePlan({ ...small(), capacity: { people: 3 } }));
    expect(capacity.message).toMatch(/peoplePerMinute: N } or \{ profile: .* → at capacity/);
    const arrival = thrownBy(() => parseSalePlan({ ...small(), arrival: { earlyShare: 0.6, burstShare: 0.6 } }));
    expect(arrival.message).toMatch(/at most 1.* → at arrival\.burstShare/);
    expect(() => parseSalePlan('people: [1', 'broken.yaml')).toThrow(/broken\.yaml is not valid YAML/);
  });

  it('takes a capacity profile path and needs its figure before evaluation', () => {
    const plan = parseSalePlan({ ...small(), capacity: { profile: 'reports/cap.json' } });
    expect(() => evaluatePlan(plan)).toThrow(/capacity\.profile reports\/cap\.json has not been read/);
    const resolved = withMeasuredCapacity(plan, 1_500, 'reports/cap.json');
    expect(resolved.capacity.peoplePerMinute).toBe(1_500);
    expect(() => withMeasuredCapacity(plan, 0, 'x')).toThrow(UsageError);
  });
});

describe('recommendWaitingRoom', () => {
  it('admits at 75% of capacity and sizes the active cap by Little’s law (rate × (journey + session))', () => {
    const room = recommendWaitingRoom({
      peoplePerMinute: 1_000,
      journeyMinutes: 4,
      journey: 'fixed',
      margin: 0.75,
      ticketValidityMinutes: 60,
      idleToleranceMinutes: 10,
    });
    expect(room.admissionRatePerMinute).toBe(750);
    expect(room.sessionDurationMinutes).toBe(5); // Cloudflare default covers a 4-min fixed journey
    expect(room.totalActiveUsers).toBe(750 * (4 + 5));
    expect(room.concurrentInShop).toBe(3_000);
    const cloudflare = room.settings
      .filter((s) => s.product === 'Cloudflare Waiting Room')
      .map((s) => [s.setting, s.value]);
    expect(cloudflare).toEqual([
      ['total_active_users', 6_750],
      ['new_users_per_minute', 750],
      ['session_duration', 5],
    ]);
    expect(room.settings.some((s) => s.product === 'Queue-it' && s.setting === 'max outflow' && s.value === 750)).toBe(
      true,
    );
    expect(room.settings.some((s) => s.product === 'AWS Virtual Waiting Room' && s.value === 750)).toBe(true);
  });

  it('keeps Cloudflare’s limits (≥ 200 users, session 1–30 min) and warns when capacity is below them', () => {
    const room = recommendWaitingRoom({
      peoplePerMinute: 100,
      journeyMinutes: 10,
      journey: 'exponential',
      margin: 0.75,
      ticketValidityMinutes: 60,
      idleToleranceMinutes: 10,
    });
    expect(room.totalActiveUsers).toBeGreaterThanOrEqual(200);
    expect(room.sessionDurationMinutes).toBe(30);
    expect(room.warnings).toEqual(['rate-below-product-minimum', 'journey-longer-than-session-maximum']);
  });
});

describe('evaluatePlan', () => {
  it('picks one round, then more rounds, then a raffle as demand grows against fixed stock', () => {
    const few = evaluatePlan(parseSalePlan(small({ people: 5_000 })));
    expect(few.verdict.choice).toBe('one-round');
    const many = evaluatePlan(parseSalePlan(small({ people: 60_000 })));
    expect(many.verdict.choice).toBe('rounds');
    expect(many.verdict.rounds).toBeGreaterThanOrEqual(2);
    expect(many.options.rounds.lastBuyerWaitMinutes).toBeLessThanOrEqual(10);
    expect(many.options.oneRound.lastBuyerWaitMinutes).toBeGreaterThan(10);
    const tighter = evaluatePlan(parseSalePlan(small({ people: 60_000, targets: { maxWaitMinutes: 4 } })));
    expect(tighter.verdict.rounds).toBeGreaterThan(many.verdict.rounds);
    const flood = evaluatePlan(parseSalePlan(small({ people: 250_000 })));
    expect(flood.verdict).toMatchObject({ choice: 'raffle', because: 'demand-far-above-stock' });
    expect(flood.options.raffle.chance).toBeCloseTo(20_000 / 250_000, 9);
  });

  it('confirms the fluid round count by simulation and spaces rounds so each drains', () => {
    const result = evaluatePlan(parseSalePlan(small({ people: 60_000, targets: { maxWaitMinutes: 6 } })));
    const { rounds } = result.options;
    // μ = 1,125/min, N_served = 20,000, T = 6, W_r = 2 → ⌈20,000 / (1,125 · 8)⌉ = 3.
    expect(rounds.fluidRounds).toBe(3);
    expect(rounds.confirmed).toBe(true);
    expect(rounds.rounds).toBeGreaterThanOrEqual(3);
    expect(rounds.spacingMinutes).toBeGreaterThanOrEqual(rounds.sellOutMinutes ?? 0);
    expect(rounds.spacingMinutes % 5).toBe(0);
  });

  it('finds the 2021 failure in the mint-sale example and compares one round, three rounds and a raffle', () => {
    const plan = parseSalePlan(
      readFileSync(new URL('../../../scenarios/mint-sale.plan.yaml', import.meta.url), 'utf8'),
      'mint-sale.plan.yaml',
    );
    const result = evaluatePlan(plan);
    expect(result.asPlanned.problems).toEqual(
      expect.arrayContaining(['logged-out-requeued', 'long-wait', 'waiting-for-nothing']),
    );
    expect(result.asPlanned.simulation.reEntries.afterRelogin).toBeGreaterThan(10_000);
    expect(result.options.oneRound.meetsTarget).toBe(false);
    expect(result.options.rounds.rounds).toBe(3);
    expect(result.verdict.choice).toBe('raffle');
    expect(result.sessions.sessionTtlMinutes).toBeGreaterThan(plan.sessionTtlMinutes!);
    expect(result.sessions.keepPlaceOnRelogin).toBe(true);
    expect(result.announcement.personHoursWith).toBeLessThan(result.announcement.personHoursWithout);
    const en = renderPlanText(result, 'en');
    expect(en.split('\n')[2]).toMatch(/^Hold a raffle: 300,000 people for 20,000 units/);
    expect(en).toContain('3 rounds');
    expect(en).toContain('total_active_users');
    const ko = renderPlanText(result, 'ko');
    expect(ko).toContain('추첨으로 판매하세요');
    expect(ko).toContain('3회차');
    const md = renderPlanMarkdown(result, 'en');
    expect(md).toMatch(/^# mint-commemorative-sets: sale plan\n\n\*\*Hold a raffle/);
    expect(md).toContain('| Cloudflare Waiting Room | new_users_per_minute | 1,125 users/min |');
  }, 30_000);

  it('is deterministic for a seed', () => {
    const plan = parseSalePlan(small({ people: 30_000, sleepShare: 0.2, ticketTtlMinutes: 3, sleepMinutes: 5 }));
    expect(evaluatePlan(plan)).toEqual(evaluatePlan(plan));
  });
});
