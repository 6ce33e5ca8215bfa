// Issue 13: one clearly named "sold out" figure, when the last person who waited learns it, and
// announcement advice only where it reaches someone — not for a plan where nobody waits.
import { describe, expect, it } from 'vitest';
import { evaluatePlan, parseSalePlan } from '../../../harness/capacity/index.ts';
import { renderPlanMarkdown, renderPlanText } from '../../../harness/report/index.ts';
import { SMALL_SALE_PLAN } from '../../helpers/small-sale-plan.ts';

describe('the sold-out figures and the announcement advice', () => {
  // The plan: 100,000 people, 20,000 units, 1,000 people a minute, no waiting room.
  const noWait = evaluatePlan(parseSalePlan({ people: 100_000, stock: 20_000, capacity: { peoplePerMinute: 1_000 } }));

  it('with no waiting room nobody queues: sold out is when the last unit is claimed, before its checkout ends, and there is no announcement advice', () => {
    const a = noWait.announcement;
    expect(a.advice).toBe('nobody-left-waiting');
    expect(a.told).toBe(0);
    expect(a.soldOutAtMinutes).not.toBeNull();
    expect(a.lastCheckoutAtMinutes!).toBeGreaterThan(a.soldOutAtMinutes!);
    expect(noWait.asPlanned.simulation.soldOutAtMinutes).toBe(a.soldOutAtMinutes);
    expect(a.lastWaiterLearnsWithoutMinutes).toBeNull();
    for (const lang of ['en', 'ko'] as const) {
      const text = renderPlanText(noWait, lang);
      expect(text).not.toMatch(/Announce "sold out"|매진을 알리세요/);
      expect(text).not.toMatch(/beyond position|번 뒤의 사람들/);
      expect(text).not.toMatch(/from 0 to 0 person-hours|0시간에서 0시간/);
    }
    expect(renderPlanText(noWait, 'en')).toMatch(
      /As written, sold out 17 min after opening: the last unit is claimed then.*\n.*no announcement is needed/,
    );
  });

  it('with a queue far beyond the stock, advises announcing at the sold-out moment, with who it reaches and what it saves', () => {
    const queued = evaluatePlan(parseSalePlan(SMALL_SALE_PLAN));
    const a = queued.announcement;
    expect(a.advice).toBe('announce');
    expect(a.told).toBeGreaterThan(10_000);
    expect(a.announceAtMinutes).toBeCloseTo(a.soldOutAtMinutes!, 9);
    // without it the last person still queued learns only at their turn, long after
    expect(a.lastWaiterLearnsWithoutMinutes!).toBeGreaterThan(a.soldOutAtMinutes! + 30);
    expect(a.personHoursWith).toBeLessThan(a.personHoursWithout);
    const markdown = renderPlanMarkdown(queued, 'en');
    expect(markdown).toMatch(/Announce "sold out" the moment the last unit is claimed/);
    expect(markdown).toMatch(/the last person still waiting learns it only at/);
    expect(renderPlanText(queued, 'ko')).toMatch(/매진을 알리세요/);
  });

  it('gives every way a timeline and its people’s outcomes for the charts', () => {
    const { oneRound, rounds, raffle } = noWait.options;
    expect(oneRound.timeline.points.length).toBeGreaterThan(10);
    expect(rounds.timeline.points.length).toBeGreaterThan(10);
    expect(raffle.timeline.points.every((point) => point.waiting === 0)).toBe(true);
    expect(oneRound.outcomes.bought).toBe(oneRound.buyers);
    expect(Object.values(rounds.outcomes).reduce((sum, n) => sum + n, 0)).toBe(noWait.plan.people);
    // the timeline's waiting count never exceeds the accounts that arrived
    expect(Math.max(...oneRound.timeline.points.map((point) => point.waiting))).toBeLessThanOrEqual(oneRound.people);
  });
});
