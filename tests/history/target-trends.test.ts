import { describe, expect, it } from 'vitest';
import { buildHistoryModel, followTargets, type HistoryRun } from '../../harness/history/index.ts';
import { fitLinearTrend, projectTrend } from '../../harness/stats/index.ts';
import { buildFixtureSummary } from '../report/fixture-summary.ts';
import { summaryVariant } from './history-runs.ts';

describe('fitLinearTrend / projectTrend (ordinary least squares)', () => {
  it('recovers an exact line and its R² = 1', () => {
    // y = 400 + 80x: closed form.
    const trend = fitLinearTrend([0, 1, 2, 3, 4], [400, 480, 560, 640, 720])!;
    expect(trend.slope).toBeCloseTo(80, 12);
    expect(trend.intercept).toBeCloseTo(400, 12);
    expect(trend.rSquared).toBeCloseTo(1, 12);
    // Met at x = 4 (720 < 800), missed at x = 9 (1120): crosses at x = 5.
    const projection = projectTrend(trend, { op: '<', threshold: 800 }, 4, 9);
    expect(projection).toEqual({ projected: 1120, crosses: true, crossingX: 5 });
  });
  it('matches a textbook fit: x = 1…5, y = 2, 4, 5, 4, 5 → y = 2.2 + 0.6x, R² = 0.6', () => {
    const trend = fitLinearTrend([1, 2, 3, 4, 5], [2, 4, 5, 4, 5])!;
    expect(trend.slope).toBeCloseTo(0.6, 12);
    expect(trend.intercept).toBeCloseTo(2.2, 12);
    expect(trend.rSquared).toBeCloseTo(0.6, 12);
  });
  it('has no line through fewer than two distinct x', () => {
    expect(fitLinearTrend([1], [2])).toBeNull();
    expect(fitLinearTrend([3, 3], [1, 2])).toBeNull();
  });
});

describe('followTargets', async () => {
  const base = await buildFixtureSummary();
  const runs = (p95s: readonly number[], spacingDays = 1): HistoryRun[] =>
    p95s.map((p95, index) => ({
      dir: `/r/${index}`,
      reportFile: null,
      summary: summaryVariant(base, { scenario: 's', day: index * spacingDays, checkoutP95: p95, errorRate: 0.002 }),
    }));
  const checkout = (trends: ReturnType<typeof followTargets>) =>
    trends.find((trend) => trend.targetId === 'latency.checkout.p95')!;

  it('warns when a rising trend crosses its target within the horizon, in runs', () => {
    const trend = checkout(followTargets(runs([400, 480, 560, 640, 720]), { kind: 'runs', runs: 5 }));
    expect(trend.status).toBe('warning');
    expect(trend.crossingIn).toBeCloseTo(1, 9);
    expect(trend.projected).toBeCloseTo(1120, 9);
  });
  it('does not warn on a flat trend, nor on a rising one that stays under the target within the horizon', () => {
    expect(checkout(followTargets(runs([300, 310, 295, 305, 300]), { kind: 'runs', runs: 5 })).status).toBe('ok');
    expect(checkout(followTargets(runs([300, 310, 320, 330, 340]), { kind: 'runs', runs: 5 })).status).toBe('ok');
    expect(checkout(followTargets(runs([300, 310, 320, 330, 340]), { kind: 'runs', runs: 50 })).status).toBe('warning');
  });
  it('projects in days with --horizon-days: runs a week apart rising 70 ms each', () => {
    const weekly = runs([400, 470, 540, 610], 7);
    expect(checkout(followTargets(weekly, { kind: 'days', days: 7 })).status).toBe('ok');
    const month = checkout(followTargets(weekly, { kind: 'days', days: 30 }));
    expect(month.status).toBe('warning');
    expect(month.crossingIn).toBeCloseTo((800 - 400) / 10 - 21, 9); // slope 10 ms/day, last run on day 21
  });
  it('says missed when the latest run missed, and too few runs below three', () => {
    expect(checkout(followTargets(runs([700, 750, 900]), { kind: 'runs', runs: 5 })).status).toBe('missed');
    expect(checkout(followTargets(runs([400, 500]), { kind: 'runs', runs: 5 })).status).toBe('too-few-runs');
  });
  it('groups runs by scenario in the model', () => {
    const model = buildHistoryModel({ runs: runs([400, 480, 560, 640, 720]), skipped: [] }, { kind: 'runs', runs: 5 });
    expect(model.scenarios.map((scenario) => scenario.name)).toEqual(['s']);
    expect(model.warnings.map((warning) => warning.trend.targetId)).toEqual(['latency.checkout.p95']);
  });
});
