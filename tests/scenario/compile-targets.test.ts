import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileTargets, loadScenario, parseScenario } from '../../harness/scenario/index.ts';

const mini = fileURLToPath(new URL('./fixtures/mini.yaml', import.meta.url));

describe('compileTargets', () => {
  it('compiles each target to a TargetSpec with its sentence', async () => {
    const specs = compileTargets(await loadScenario(mini));
    expect(specs).toEqual([
      {
        id: 'latency.checkout.p95',
        description: '95% of checkouts under 800 ms',
        descriptionKo: '결제 요청의 95%가 800 ms 미만',
        metric: 'http_req_duration{step:checkout}',
        stat: 'p95',
        op: '<',
        threshold: 800,
        unit: 'ms',
      },
      {
        id: 'errors.rate',
        description: 'At most 1% of requests fail',
        descriptionKo: '요청의 1% 이하가 실패',
        metric: 'http_req_failed',
        stat: 'rate',
        op: '<=',
        threshold: 0.01,
        unit: 'ratio',
      },
      {
        id: 'queue-wait.p95',
        description: '95% of people wait at most 30 min in the queue (sale time)',
        descriptionKo: '사람들의 95%가 대기열에서 30분 이내로 기다림 (판매 시간 기준)',
        metric: 'sr_queue_wait{actor:person}',
        stat: 'p95',
        op: '<=',
        threshold: 1_800_000, // 30 min in ms of sale time
        unit: 'ms',
        scale: 20, // the run's waits are ×20 in sale time
      },
      {
        id: 'oversold',
        description: 'At most 6 units of stock are sold in this run (all of the stock, no overselling)',
        descriptionKo: '이번 실행에서 재고 6개 이하로 판매 (재고 전부, 초과 판매 없음)',
        metric: 'sr_units_bought',
        stat: 'count',
        op: '<=',
        threshold: 6,
        unit: 'count',
      },
    ]);
  });

  it('turns served shares into a share of arrivals and a count of units', async () => {
    const scenario = parseScenario({
      ...(await loadScenario(mini)),
      targets: { servedShare: { people: 0.05, stock: 0.9 }, latency: { join: { max: 2000, p50: 100 } } },
    });
    const specs = compileTargets(scenario);
    expect(specs.map((spec) => spec.description)).toEqual([
      'Half of queue joins under 100 ms',
      'Every queue join under 2,000 ms',
      'At least 5% of people buy',
      'At least 90% of the stock is sold (6 of 6 units in this run)', // ceil(0.9 · 6) = 6
    ]);
    expect(specs.map((spec) => spec.descriptionKo)).toEqual([
      '대기열 진입 요청의 절반이 100 ms 미만', // 절반 ends in a consonant: 이
      '모든 대기열 진입 요청이 2,000 ms 미만',
      '사람들의 5% 이상이 구매',
      '재고의 90% 이상이 판매 (이번 실행에서 6개 중 6개)',
    ]);
    expect(specs[2]).toMatchObject({
      metric: 'sr_outcome{actor:person,outcome:bought}',
      stat: 'share',
      of: 'sr_arrivals{actor:person}',
      op: '>=',
      threshold: 0.05,
    });
  });
});
