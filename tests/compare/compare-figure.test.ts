import { describe, expect, it } from 'vitest';
import { compareFigure, MINIMUM_BLOCKS } from '../../harness/compare/compare-figure.ts';
import type { FigureSample, FigureSpec } from '../../harness/compare/figure-specs.ts';
import { createMulberry32, histogramFromValues } from '../../harness/stats/index.ts';

const spec: FigureSpec = {
  id: 'queue-wait.p95',
  label: { en: "95% of people's queue waits", ko: '대기 시간의 95%' },
  kind: 'queue-wait',
  unit: 'ms',
  betterWhen: 'lower',
  metric: 'sr_queue_wait{actor:person}',
  stat: 'p95',
  targetIds: [],
  sample: () => ({ type: 'missing', note: 'unused' }),
};
const options = { confidence: 0.95, iterations: 1000, seed: 1 };

/** `blocks` seconds of `perBlock` waits around `ms` (run time), at time scale `scale`. */
function waits(blocks: number, perBlock: number, ms: number, scale: number, seed: number): FigureSample {
  const random = createMulberry32(seed);
  const values = Array.from({ length: blocks }, () => Array.from({ length: perBlock }, () => ms * (0.5 + random())));
  return {
    type: 'histogram',
    values: {
      total: histogramFromValues(values.flat()),
      blocks: values.map((block) => histogramFromValues(block)),
      blockSeconds: 1,
    },
    p: 0.95,
    scale,
  };
}

describe('compareFigure on a percentile', () => {
  it(`is not compared when a run has values in fewer than ${MINIMUM_BLOCKS} blocks of time, and says why`, () => {
    const figure = compareFigure(spec, waits(4, 50, 100, 10, 1), waits(11, 50, 100, 10, 2), options);
    expect(figure.tested).toBe(false);
    expect(figure.test).toBe('none');
    expect(figure.note).toBe(
      'not compared: p95 needs samples in at least 5 blocks of time per run, to see what a pause of the machine does to it (A 4 of 1 s, B 11 of 1 s)',
    );
  });

  it('is not compared below 5/(1 − p) samples (p95: 100) however many blocks there are', () => {
    const figure = compareFigure(spec, waits(11, 9, 100, 10, 1), waits(11, 50, 100, 10, 2), options);
    expect(figure.note).toBe('not compared: p95 needs at least 100 samples per run (A 99, B 550)');
  });

  it('scales the run-time difference and its interval by k (waits shown in sale time)', () => {
    const figure = compareFigure(spec, waits(11, 50, 100, 10, 1), waits(11, 50, 150, 10, 2), options);
    expect(figure.test).toBe('bootstrap-percentile');
    // B's waits are 1.5× A's: p95 ≈ 1.45 × 150 vs 1.45 × 100 ms of run time, × 10 in sale time
    expect(figure.change!).toBeGreaterThan(500);
    expect(figure.change!).toBeLessThan(900);
    expect(figure.interval![0]).toBeGreaterThan(0);
    expect(figure.interval![1]).toBeGreaterThan(figure.change!);
    expect(figure.pValue).toBeLessThan(0.01);
  });
});
