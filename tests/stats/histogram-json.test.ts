import { describe, expect, it } from 'vitest';
import { SalereadyError } from '../../harness/errors.ts';
import { createHistogram, histogramFromValues } from '../../harness/stats/histogram.ts';
import { histogramFromJson, histogramToJson } from '../../harness/stats/histogram-json.ts';
import { histogramPercentile } from '../../harness/stats/histogram-percentile.ts';

describe('histogram JSON form', () => {
  it('round-trips through JSON.stringify with identical statistics', () => {
    const h = histogramFromValues([0, 1.5, 20, 20.1, 300, 4000]);
    const back = histogramFromJson(JSON.parse(JSON.stringify(histogramToJson(h))));
    expect(back.count).toBe(h.count);
    expect(back.sum).toBe(h.sum);
    expect(back.min).toBe(h.min);
    expect(back.max).toBe(h.max);
    expect(back.zeroCount).toBe(1);
    for (const p of [0, 0.3, 0.5, 0.9, 1]) expect(histogramPercentile(back, p)).toBe(histogramPercentile(h, p));
  });

  it('is compact: leading and trailing empty buckets are dropped', () => {
    const json = histogramToJson(histogramFromValues([100, 100, 102]));
    // 100 and 102 are one bucket apart at γ = 1.02: ⌈ln100/ln1.02⌉ = 233, ⌈ln102/ln1.02⌉ = 234.
    expect(json.firstIndex).toBe(233);
    expect(json.counts).toEqual([2, 1]);
  });

  it('writes min and max as null for an empty histogram and reads it back empty', () => {
    const json = histogramToJson(createHistogram());
    expect(json.min).toBeNull();
    expect(json.max).toBeNull();
    expect(json.counts).toEqual([]);
    expect(histogramFromJson(json).count).toBe(0);
  });

  it('rejects inconsistent counts with a UsageError naming the field', () => {
    const json = { ...histogramToJson(histogramFromValues([1, 2])), count: 3 };
    expect(() => histogramFromJson(json)).toThrow(SalereadyError);
    expect(() => histogramFromJson(json)).toThrow(/counts/);
    expect(() => histogramFromJson({ format: 'other' })).toThrow(/format/);
  });
});
